package com.anthropic.tool.mock;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Answers of a given text: the {@code x-mock-text} header (with {@code \n}, {@code \t} and {@code
 * \\} escapes, as a header holds no newline) or the next reply of a {@code --replies} file (replies
 * separated by a line {@code ---}), streamed in deltas of a few characters, with a pause of {@code
 * x-mock-pace} (or {@code --pace}) milliseconds between deltas.
 */
final class MockText {
  /** Characters per text delta. */
  static final int DELTA = 3;

  /** The longest pause between deltas that is honoured. */
  static final long MAX_PACE_MS = 10_000;

  private final Deque<String> replies;
  private final long paceMillis;

  MockText(List<String> replies, long paceMillis) {
    this.replies = new ArrayDeque<>(replies);
    this.paceMillis = paceMillis;
  }

  /** The text to answer with: the header's, else the next reply, else null (the usual answer). */
  String next(String header) {
    if (header != null) {
      return unescape(header);
    }
    synchronized (replies) {
      return replies.poll();
    }
  }

  /** The pause between deltas: the header's, else the server's. */
  long pace(String header) {
    if (header == null) {
      return paceMillis;
    }
    try {
      long ms = Long.parseLong(header.strip());
      if (ms < 0 || ms > MAX_PACE_MS) {
        throw new NumberFormatException();
      }
      return ms;
    } catch (NumberFormatException e) {
      throw MockError.invalid(
          MockApiServer.PACE_KNOB
              + " must be a whole number of milliseconds from 0 to "
              + MAX_PACE_MS);
    }
  }

  /** {@code \n}, {@code \t}, {@code \r} and {@code \\} in a header value. */
  static String unescape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        switch (n) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case '\\' -> b.append('\\');
          default -> b.append(c).append(n);
        }
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** {@code text} in deltas of {@link #DELTA} characters (never splitting a surrogate pair). */
  static List<String> deltas(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int end = Math.min(text.length(), i + DELTA);
      if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
        end++;
      }
      out.add(text.substring(i, end));
      i = end;
    }
    return out;
  }

  /** The replies of a {@code --replies} file: separated by lines holding only {@code ---}. */
  static List<String> parseReplies(String file) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    String body = file.endsWith("\n") ? file.substring(0, file.length() - 1) : file;
    for (String line : body.split("\n", -1)) {
      if (line.equals("---") || line.equals("---\r")) {
        out.add(stripOneNewline(cur));
        cur.setLength(0);
      } else {
        cur.append(line).append('\n');
      }
    }
    String last = stripOneNewline(cur);
    if (!last.isEmpty() || out.isEmpty()) {
      out.add(last);
    }
    return out;
  }

  private static String stripOneNewline(StringBuilder b) {
    String s = b.toString();
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }
}
