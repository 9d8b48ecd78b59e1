package com.anthropic.tool.client;

import com.anthropic.tool.client.internal.IoFailures;
import com.anthropic.tool.client.internal.RawResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * A file's content as it arrives ({@link Files#download}). Closing it before the end cancels the
 * download.
 *
 * <pre>{@code
 * try (FileContent content = client.files().download(fileId);
 *     OutputStream file = new FileOutputStream("chart.png")) {
 *   long n = content.transferTo(file); // 64 KiB at a time, in constant memory
 *   out.println(n + " bytes of " + content.contentType().orElse("unknown type"));
 * }
 * }</pre>
 */
public final class FileContent implements AutoCloseable {
  private final RawResponse response;

  FileContent(RawResponse response) {
    this.response = response;
  }

  /** The {@code content-type} the API sent, if any. */
  public Optional<String> contentType() {
    return response.headers().first("content-type");
  }

  /** The {@code content-length} the API sent, if any. */
  public Optional<Long> contentLength() {
    return response.headers().first("content-length").map(String::strip).flatMap(FileContent::num);
  }

  private static Optional<Long> num(String s) {
    try {
      return Optional.of(Long.parseLong(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The bytes as they arrive; reads block until bytes come or the idle timeout passes. */
  public InputStream stream() {
    return response.body();
  }

  /**
   * Copies the content to {@code out} in 64 KiB chunks. A download cut before its {@code
   * content-length} is a connection failure, never a short copy taken as whole.
   *
   * @return the number of bytes copied
   * @throws IOException when writing to {@code out} fails
   */
  public long transferTo(OutputStream out) throws IOException {
    byte[] buf = new byte[1 << 16];
    long n = 0;
    InputStream in = response.body();
    while (true) {
      int r;
      try {
        r = in.read(buf);
      } catch (IOException | RuntimeException e) {
        throw IoFailures.map(e);
      }
      if (r < 0) {
        break;
      }
      out.write(buf, 0, r);
      n += r;
    }
    Optional<Long> expected = contentLength();
    if (expected.isPresent() && expected.get() != n) {
      throw new com.anthropic.tool.client.error.ConnectionException(
          "the download ended after " + n + " of " + expected.get() + " bytes", null);
    }
    return n;
  }

  @Override
  public void close() {
    response.close();
  }
}
