package com.anthropic.tool.client.http;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * A request body read from a file as it is sent, in constant memory: {@code head}, then {@code
 * fileSize} bytes of {@code file}, then {@code tail} (a multipart upload's part head and closing
 * boundary). Each attempt reads the file afresh, so a retried call sends it again whole.
 *
 * @param onSent told the body bytes sent so far in this attempt (progress); never null
 */
public record FileBody(byte[] head, Path file, long fileSize, byte[] tail, LongConsumer onSent) {
  public FileBody {
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(tail, "tail");
    Objects.requireNonNull(onSent, "onSent");
    if (fileSize < 0) {
      throw new IllegalArgumentException("fileSize must not be negative");
    }
  }

  /** The whole body's length: head, file and tail. */
  public long length() {
    return head.length + fileSize + tail.length;
  }
}
