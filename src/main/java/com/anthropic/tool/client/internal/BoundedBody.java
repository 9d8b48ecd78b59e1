package com.anthropic.tool.client.internal;

import com.anthropic.tool.client.error.InvalidRequestException;
import com.anthropic.tool.client.model.Json;
import com.google.gson.JsonElement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A request body serialised straight to UTF-8 bytes, refused when it is over the API's size limit:
 * past the limit the bytes are only counted (not kept), so an oversized request costs one pass and
 * no second copy, and the refusal names the exact size.
 */
public final class BoundedBody {
  private BoundedBody() {}

  /**
   * The JSON as UTF-8 bytes.
   *
   * @param what what the body is, for the message ("a /v1/messages request body")
   * @throws InvalidRequestException naming the size and the limit, when over {@code limit} bytes
   */
  public static byte[] of(JsonElement json, long limit, String what) {
    Sink sink = new Sink(limit);
    try (Writer w = new OutputStreamWriter(sink, StandardCharsets.UTF_8)) {
      Json.write(json, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (sink.count > limit) {
      throw tooLarge(what, sink.count, limit);
    }
    return sink.kept.toByteArray();
  }

  /** The refusal: "{what} is 100.0 MB, over the API's limit of 32 MB; nothing was sent". */
  public static InvalidRequestException tooLarge(String what, long size, long limit) {
    return new InvalidRequestException(
        what
            + " is "
            + megabytes(size)
            + ", over the API's limit of "
            + megabytes(limit)
            + "; nothing was sent");
  }

  /** Sizes as people read them: "32 MB", "100.5 MB" (binary megabytes, as the API counts). */
  public static String megabytes(long bytes) {
    double mb = bytes / (1024.0 * 1024.0);
    return mb == Math.rint(mb)
        ? String.format(Locale.ROOT, "%d MB", (long) mb)
        : String.format(Locale.ROOT, "%.1f MB", mb);
  }

  private static final class Sink extends OutputStream {
    private final long limit;
    private ByteArrayOutputStream kept = new ByteArrayOutputStream(8192);
    private long count;

    Sink(long limit) {
      this.limit = limit;
    }

    @Override
    public void write(int b) {
      count++;
      keep(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
      keep(b, off, len);
    }

    private void keep(byte[] b, int off, int len) {
      if (kept == null) {
        return;
      }
      if (count > limit) {
        kept = null; // over: from here on only counted
        return;
      }
      kept.write(b, off, len);
    }
  }
}
