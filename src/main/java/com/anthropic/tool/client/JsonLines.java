package com.anthropic.tool.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads JSON Lines from a byte stream one line at a time, in memory bounded by the longest line.
 * Blank lines are skipped, {@code \r\n} is accepted, and a last line without a newline counts. Each
 * line is checked to be framed as a JSON object (starts with <code>{</code>, ends with <code>}
 * </code>) without being parsed, so copying lines through costs little more than the I/O.
 *
 * <pre>{@code
 * JsonLines lines = new JsonLines(in);
 * while (lines.next()) {
 *   lines.writeTo(out);   // the line and a '\n'
 * }
 * }</pre>
 */
final class JsonLines {
  private static final int CHUNK = 64 * 1024;
  private final InputStream in;
  private byte[] buf = new byte[CHUNK];
  private int pos;
  private int limit;
  private boolean eof;
  private int start;
  private int end;
  private long lineNumber;
  private long count;
  private Runnable idle = () -> {};

  public JsonLines(InputStream in) {
    this.in = Objects.requireNonNull(in, "in");
  }

  /**
   * Runs {@code r} each time every line that has arrived was returned and the next read may block
   * ({@link InputStream#available()} is 0): the moment to flush buffered output, so lines appear
   * downstream as they arrive without a flush per line.
   */
  public void onIdle(Runnable r) {
    idle = Objects.requireNonNull(r, "r");
  }

  /**
   * Advances to the next non-blank line.
   *
   * @return false at the end of the stream
   * @throws IOException when reading fails (a dropped connection is never taken for the end)
   * @throws MalformedLineException when a line is not framed as a JSON object
   */
  public boolean next() throws IOException {
    while (true) {
      int nl = indexOfNewline(pos, limit);
      if (nl >= 0) {
        lineNumber++;
        int s = pos;
        pos = nl + 1;
        if (setLine(s, nl)) {
          return true;
        }
        continue;
      }
      if (eof) {
        if (pos < limit) {
          lineNumber++;
          int s = pos;
          pos = limit;
          if (setLine(s, limit)) {
            return true;
          }
        }
        return false;
      }
      fill();
    }
  }

  private int indexOfNewline(int from, int to) {
    byte[] b = buf;
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    if (in.available() <= 0) {
      idle.run();
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }

  /** Trims whitespace; returns false for a blank line; checks the object framing. */
  private boolean setLine(int s, int e) throws MalformedLineException {
    while (s < e && isSpace(buf[s])) {
      s++;
    }
    while (e > s && isSpace(buf[e - 1])) {
      e--;
    }
    if (s == e) {
      return false;
    }
    if (buf[s] != '{' || buf[e - 1] != '}') {
      throw new MalformedLineException(
          "line " + lineNumber + " is not a JSON object: " + preview(s, e), lineNumber);
    }
    start = s;
    end = e;
    count++;
    return true;
  }

  private String preview(int s, int e) {
    int n = Math.min(e - s, 80);
    return new String(buf, s, n, StandardCharsets.UTF_8) + (e - s > n ? "..." : "");
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }

  /** The current line as text. */
  public String text() {
    return new String(buf, start, end - start, StandardCharsets.UTF_8);
  }

  /** Writes the current line's bytes, unchanged, followed by {@code \n}. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(buf, start, end - start);
    out.write('\n');
  }

  /** The 1-based line number of the current line in the stream, blank lines counted. */
  public long lineNumber() {
    return lineNumber;
  }

  /** How many non-blank lines have been returned so far. */
  public long count() {
    return count;
  }

  /** A line that is not framed as a JSON object. */
  public static final class MalformedLineException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long line;

    public MalformedLineException(String message, long line) {
      super(message);
      this.line = line;
    }

    public long line() {
      return line;
    }
  }
}
