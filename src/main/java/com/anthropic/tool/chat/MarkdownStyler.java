package com.anthropic.tool.chat;

/**
 * Light Markdown styling for text as it streams: headings and {@code **bold**} in bold, {@code
 * `inline code`} and fenced code blocks in colour, fence lines dimmed. It only inserts escape
 * sequences: with them removed, the output is exactly the input, character for character (the
 * markers stay visible). Styles never run past the end of a line, except a fenced block's colour,
 * which is set again on each of its lines. At most a few characters are held back while a line's
 * start is still ambiguous (is {@code ``} a fence? is {@code #} a heading?).
 */
public final class MarkdownStyler {
  static final String BOLD = "\u001b[1m";
  static final String DIM = "\u001b[2m";
  static final String NORMAL = "\u001b[22m";
  static final String CODE = "\u001b[36m";
  static final String DEFAULT_FG = "\u001b[39m";

  private enum Line {
    UNDECIDED,
    TEXT,
    HEADING,
    FENCE,
    CODE
  }

  private final boolean enabled;
  private final StringBuilder held = new StringBuilder();
  private Line line = Line.UNDECIDED;
  private boolean inFence;
  private boolean bold;
  private boolean code;
  private boolean star;

  public MarkdownStyler(boolean enabled) {
    this.enabled = enabled;
  }

  /** The styled form of the next piece of text (possibly empty while held back). */
  public String feed(String text) {
    if (!enabled) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      accept(text.charAt(i), out);
    }
    return out.toString();
  }

  /** Whatever is held back, and the end of every open style (at the end of an answer). */
  public String finish() {
    if (!enabled) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    if (line == Line.UNDECIDED && held.length() > 0) {
      decide(out, true);
    }
    flushStar(out);
    closeLine(out);
    line = Line.UNDECIDED;
    inFence = false;
    return out.toString();
  }

  private void accept(char c, StringBuilder out) {
    if (line == Line.UNDECIDED) {
      if (c == '\n') {
        if (held.length() > 0) {
          decide(out, true);
        }
        endOfLine(out);
        return;
      }
      held.append(c);
      if (!decide(out, false)) {
        return;
      }
      return;
    }
    switch (line) {
      case TEXT -> inline(c, out);
      default -> {
        if (c == '\n') {
          endOfLine(out);
        } else {
          out.append(c);
        }
      }
    }
  }

  /**
   * Decides what kind of line the held characters start, once it can be known (or {@code force}d at
   * the end of the line); writes them out and returns true, or returns false to wait.
   */
  private boolean decide(StringBuilder out, boolean force) {
    String s = held.toString();
    String t = s.stripLeading();
    boolean indented = t.length() < s.length();
    if (t.isEmpty() && !force) {
      return false;
    }
    if (t.startsWith("```") || t.startsWith("~~~")) {
      line = Line.FENCE;
      out.append(DIM).append(s);
      held.setLength(0);
      return true;
    }
    if (!force && ("```".startsWith(t) || "~~~".startsWith(t))) {
      return false;
    }
    if (inFence) {
      line = Line.CODE;
      out.append(CODE).append(s);
      held.setLength(0);
      return true;
    }
    if (!indented && t.startsWith("#")) {
      int hashes = 0;
      while (hashes < t.length() && t.charAt(hashes) == '#') {
        hashes++;
      }
      if (hashes == t.length() && hashes <= 6 && !force) {
        return false;
      }
      if (hashes <= 6 && hashes < t.length() && t.charAt(hashes) == ' ') {
        line = Line.HEADING;
        out.append(BOLD).append(s);
        held.setLength(0);
        return true;
      }
    }
    line = Line.TEXT;
    held.setLength(0);
    for (int i = 0; i < s.length(); i++) {
      inline(s.charAt(i), out);
    }
    return true;
  }

  private void inline(char c, StringBuilder out) {
    if (star) {
      star = false;
      if (c == '*') {
        if (bold) {
          out.append("**").append(NORMAL);
        } else {
          out.append(BOLD).append("**");
        }
        bold = !bold;
        return;
      }
      out.append('*');
    }
    if (c == '\n') {
      endOfLine(out);
    } else if (c == '*' && !code) {
      star = true;
    } else if (c == '`') {
      if (code) {
        out.append('`').append(DEFAULT_FG);
      } else {
        out.append(CODE).append('`');
      }
      code = !code;
    } else {
      out.append(c);
    }
  }

  private void flushStar(StringBuilder out) {
    if (star) {
      star = false;
      out.append('*');
    }
  }

  private void endOfLine(StringBuilder out) {
    flushStar(out);
    boolean fence = line == Line.FENCE;
    closeLine(out);
    if (fence) {
      inFence = !inFence;
    }
    out.append('\n');
    line = Line.UNDECIDED;
  }

  private void closeLine(StringBuilder out) {
    switch (line) {
      case HEADING, FENCE -> out.append(NORMAL);
      case CODE -> out.append(DEFAULT_FG);
      case TEXT -> {
        if (code) {
          out.append(DEFAULT_FG);
        }
        if (bold) {
          out.append(NORMAL);
        }
      }
      default -> {}
    }
    code = false;
    bold = false;
  }
}
