package com.anthropic.tool.chat;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.WCWidth;

/**
 * Terminal columns of text and word wrapping of styled lines. Wide characters (CJK, emoji) count
 * two columns, combining marks none (JLine's {@link WCWidth}); the link markers of {@link
 * MarkdownRender} count none.
 */
final class TextWrap {
  private TextWrap() {}

  /** The columns {@code s} takes on a terminal. */
  static int width(CharSequence s) {
    int w = 0;
    boolean url = false;
    for (int i = 0; i < s.length(); ) {
      int cp = Character.codePointAt(s, i);
      i += Character.charCount(cp);
      if (cp == MarkdownRender.LINK_START) {
        url = !url;
      }
      w += url ? 0 : columns(cp);
    }
    return w;
  }

  static int columns(int cp) {
    if (cp == MarkdownRender.LINK_START || cp == MarkdownRender.LINK_END) {
      return 0;
    }
    return Math.max(0, WCWidth.wcwidth(cp));
  }

  /**
   * {@code s} wrapped at spaces to lines of at most {@code width} columns (a word longer than a
   * line is broken between characters); a newline in {@code s} always starts a new line. Spaces
   * where a line breaks are dropped.
   */
  static List<AttributedString> wrap(AttributedString s, int width) {
    int max = Math.max(1, width);
    List<AttributedString> lines = new ArrayList<>();
    String text = s.toString();
    int lineStart = 0;
    for (int nl = text.indexOf('\n'); ; nl = text.indexOf('\n', lineStart)) {
      int end = nl < 0 ? text.length() : nl;
      wrapLine(s, text, lineStart, end, max, lines);
      if (nl < 0) {
        break;
      }
      lineStart = nl + 1;
    }
    return lines;
  }

  private static void wrapLine(
      AttributedString s, String text, int from, int to, int max, List<AttributedString> out) {
    AttributedStringBuilder line = new AttributedStringBuilder();
    int lineWidth = 0;
    int i = from;
    boolean any = false;
    while (i < to) {
      int wordStart = i;
      boolean space = text.charAt(i) == ' ';
      while (i < to && (text.charAt(i) == ' ') == space) {
        i++;
      }
      AttributedString word = s.subSequence(wordStart, i);
      int w = width(word);
      if (space) {
        if (lineWidth > 0 && lineWidth + w < max) {
          line.append(word);
          lineWidth += w;
        } else if (lineWidth > 0) {
          // the break: spaces dropped
          out.add(trimEnd(line));
          line = new AttributedStringBuilder();
          lineWidth = 0;
          any = true;
        }
        continue;
      }
      if (lineWidth + w > max && lineWidth > 0) {
        out.add(trimEnd(line));
        line = new AttributedStringBuilder();
        lineWidth = 0;
        any = true;
      }
      if (w > max) {
        // a word longer than a line: broken between characters
        boolean url = false;
        for (int j = 0; j < word.length(); ) {
          int cp = Character.codePointAt(word, j);
          int n = Character.charCount(cp);
          if (cp == MarkdownRender.LINK_START) {
            url = !url;
          }
          int c = url ? 0 : columns(cp);
          if (lineWidth + c > max && lineWidth > 0) {
            out.add(line.toAttributedString());
            line = new AttributedStringBuilder();
            lineWidth = 0;
            any = true;
          }
          line.append(word.subSequence(j, j + n));
          lineWidth += c;
          j += n;
        }
      } else {
        line.append(word);
        lineWidth += w;
      }
    }
    if (lineWidth > 0 || !any) {
      out.add(trimEnd(line));
    }
  }

  private static AttributedString trimEnd(AttributedStringBuilder b) {
    AttributedString a = b.toAttributedString();
    int end = a.length();
    while (end > 0 && a.charAt(end - 1) == ' ') {
      end--;
    }
    return a.subSequence(0, end);
  }

  /** {@code s} cut to {@code max} columns. */
  static AttributedString cut(AttributedString s, int max) {
    int w = 0;
    boolean url = false;
    for (int i = 0; i < s.length(); ) {
      int cp = Character.codePointAt(s, i);
      if (cp == MarkdownRender.LINK_START) {
        url = !url;
      }
      int c = url ? 0 : columns(cp);
      if (w + c > max) {
        return s.subSequence(0, i);
      }
      w += c;
      i += Character.charCount(cp);
    }
    return s;
  }

  /** {@code n} spaces. */
  static String spaces(int n) {
    return " ".repeat(Math.max(0, n));
  }
}
