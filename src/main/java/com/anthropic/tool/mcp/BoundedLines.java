package com.anthropic.tool.mcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads newline-ended lines from a stream that is not trusted, keeping at most {@code limit} bytes
 * of each line (the rest is counted, then skipped): a server that writes one endless line costs
 * {@code limit} bytes of memory, never more.
 */
final class BoundedLines {
  /** What is kept of the end of a line longer than the limit (to find a JSON-RPC id there). */
  static final int END_KEPT = 4096;

  private final InputStream in;
  private final int limit;
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int end;

  BoundedLines(InputStream in, int limit) {
    this.in = in;
    this.limit = limit;
  }

  /**
   * One line as read.
   *
   * @param kept its first bytes (at most the limit), without the line end
   * @param length the length of the whole line in bytes
   * @param last the last bytes of a line longer than the limit (up to {@value #END_KEPT}); empty
   *     otherwise
   */
  record Line(byte[] kept, long length, byte[] last) {
    boolean cut() {
      return length > kept.length;
    }

    String text() {
      return new String(kept, StandardCharsets.UTF_8);
    }

    String lastText() {
      return new String(last, StandardCharsets.UTF_8);
    }
  }

  /** The next line, or null at the end of the stream. */
  Line next() throws IOException {
    ByteArrayOutputStream kept = new ByteArrayOutputStream(Math.min(limit, 8192));
    byte[] last = new byte[0];
    long length = 0;
    boolean any = false;
    while (true) {
      if (pos == end) {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
          pos = end = 0;
          return any ? line(kept, length, last) : null;
        }
        pos = 0;
        end = n;
      }
      any = true;
      int nl = pos;
      while (nl < end && buf[nl] != '\n') {
        nl++;
      }
      int n = nl - pos;
      int room = (int) Math.min(n, limit - (long) kept.size());
      kept.write(buf, pos, room);
      if (room < n) {
        last = lastBytes(last, nl - Math.min(n - room, END_KEPT), nl);
      }
      length += n;
      if (nl < end) {
        pos = nl + 1;
        return line(kept, length, last);
      }
      pos = end;
    }
  }

  private byte[] lastBytes(byte[] before, int from, int to) {
    int add = to - from;
    int keep = Math.min(before.length, END_KEPT - add);
    byte[] out = new byte[keep + add];
    System.arraycopy(before, before.length - keep, out, 0, keep);
    System.arraycopy(buf, from, out, keep, add);
    return out;
  }

  private static Line line(ByteArrayOutputStream kept, long length, byte[] last) {
    byte[] bytes = kept.toByteArray();
    if (bytes.length == length && length > 0 && bytes[bytes.length - 1] == '\r') {
      return new Line(java.util.Arrays.copyOf(bytes, bytes.length - 1), length - 1, last);
    }
    return new Line(bytes, length, last);
  }
}
