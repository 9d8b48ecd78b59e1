package com.anthropic.tool.text;

/**
 * Text from outside (the model, a tool, an MCP server, an API error) made safe to show on a
 * terminal: every control character but newline and tab is written visibly, never interpreted. C0
 * characters and DEL use caret notation ({@code ESC} is {@code ^[}, {@code BEL} is {@code ^G},
 * {@code CR} is {@code ^M}, {@code DEL} is {@code ^?}); C1 characters (U+0080 to U+009F, which some
 * terminals read as escape sequences too) are written as {@code <U+009B>}. Our own styling is added
 * after this, so it is the only escape sequence a terminal ever receives.
 *
 * <p>Each character is handled on its own, so a stream can be passed through delta by delta. To a
 * pipe or a file nothing here is used: the text stays byte for byte what was sent.
 */
public final class ControlChars {
  private ControlChars() {}

  /** True when {@code c} would be interpreted by a terminal (everything but newline and tab). */
  public static boolean isControl(char c) {
    return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f);
  }

  /** {@code s} with every control character but newline and tab made visible. */
  public static String visible(CharSequence s) {
    if (s == null) {
      return null;
    }
    int n = s.length();
    int i = 0;
    while (i < n && !isControl(s.charAt(i))) {
      i++;
    }
    if (i == n) {
      return s.toString();
    }
    StringBuilder out = new StringBuilder(n + 16);
    out.append(s, 0, i);
    appendVisible(out, s, i, n);
    return out.toString();
  }

  /** Appends {@code s} to {@code out} with every control character made visible. */
  public static void appendVisible(StringBuilder out, CharSequence s) {
    appendVisible(out, s, 0, s.length());
  }

  private static void appendVisible(StringBuilder out, CharSequence s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!isControl(c)) {
        out.append(c);
      } else if (c < 0x20) {
        out.append('^').append((char) (c + 0x40));
      } else if (c == 0x7f) {
        out.append("^?");
      } else {
        out.append("<U+00").append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16))).append('>');
      }
    }
  }
}
