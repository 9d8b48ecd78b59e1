package com.anthropic.tool.chat;

import java.util.List;
import java.util.function.IntSupplier;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;
import org.jline.utils.WCWidth;

/**
 * Markdown rendered block by block while an answer streams. The text of the block still arriving is
 * written as it comes (plain); once a block is complete (the next one has begun, or it is a
 * heading, a rule or a closed code fence) it is rendered, and when its plain text is still on the
 * screen the cursor moves back up over it and the rendered form replaces it, so nothing is shown
 * twice. When it has scrolled off (or the terminal cannot move the cursor up) the plain text stays.
 * The width is read for each block, so a resize applies to what follows.
 */
final class MarkdownStream implements AnswerText {
  private static final String CLEAR_BELOW = "\u001b[J";
  private final MarkdownRender render;
  private final IntSupplier width;
  private final IntSupplier height;
  private final boolean repaint;
  private final StringBuilder pending = new StringBuilder();
  private int scanned;
  private char fenceChar;
  private int fenceLength;
  private boolean separate;

  /**
   * @param width the terminal's columns now
   * @param height the terminal's rows now
   * @param repaint whether the cursor may move up to restyle what was written
   */
  MarkdownStream(MarkdownRender render, IntSupplier width, IntSupplier height, boolean repaint) {
    this.render = render;
    this.width = width;
    this.height = height;
    this.repaint = repaint;
  }

  @Override
  public String feed(String text) {
    if (text.isEmpty()) {
      return "";
    }
    pending.append(text);
    if (text.indexOf('\n') < 0 || !scanLines()) {
      return text;
    }
    int end = pending.lastIndexOf("\n") + 1;
    int commit = completeUpTo(pending.substring(0, end));
    if (commit <= 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text);
    out.append(commit(commit));
    return out.toString();
  }

  @Override
  public String finish() {
    if (pending.toString().isBlank()) {
      String out = pending.length() > 0 && !endsAtLineStart() ? "\n" : "";
      pending.setLength(0);
      return out;
    }
    String out = commit(pending.length());
    return out.endsWith("\n") ? out : out + "\n";
  }

  private boolean endsAtLineStart() {
    return pending.length() == 0 || pending.charAt(pending.length() - 1) == '\n';
  }

  /**
   * Follows code fences over the lines completed since the last call; true when no fence is open
   * (only then can a block have completed: the inside of a fence is never parsed while it grows).
   */
  private boolean scanLines() {
    int nl;
    while ((nl = pending.indexOf("\n", scanned)) >= 0) {
      fence(pending.substring(scanned, nl));
      scanned = nl + 1;
    }
    return fenceLength == 0;
  }

  private void fence(String line) {
    String t = line.strip();
    if (t.length() < 3 || (t.charAt(0) != '`' && t.charAt(0) != '~')) {
      return;
    }
    char c = t.charAt(0);
    int n = 0;
    while (n < t.length() && t.charAt(n) == c) {
      n++;
    }
    if (n < 3) {
      return;
    }
    if (fenceLength == 0) {
      if (c == '`' && t.indexOf('`', n) >= 0) {
        return; // inline code, not a fence
      }
      fenceChar = c;
      fenceLength = n;
    } else if (c == fenceChar && n >= fenceLength && t.substring(n).isBlank()) {
      fenceLength = 0;
    }
  }

  /** How much of {@code text} (whole lines) forms complete blocks: 0 when none. */
  private static int completeUpTo(String text) {
    Node doc = MarkdownRender.parse(text);
    Node last = doc.getLastChild();
    if (last == null) {
      return 0;
    }
    if (last instanceof Heading
        || last instanceof ThematicBreak
        || last instanceof FencedCodeBlock) {
      return text.length();
    }
    if (last.getPrevious() == null) {
      return 0;
    }
    List<SourceSpan> spans = last.getSourceSpans();
    if (spans.isEmpty()) {
      return 0;
    }
    int start = spans.get(0).getInputIndex();
    // from the start of the line the block begins on
    int lineStart = text.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
    return lineStart;
  }

  /** Renders the first {@code n} characters of the pending text in place of their plain form. */
  private String commit(int n) {
    String done = pending.substring(0, n);
    String rest = pending.substring(n);
    int cols = columns();
    int above = rowsAbove(pending, cols);
    pending.delete(0, n);
    scanned = Math.max(0, scanned - n);
    if (!repaint || above >= Math.max(1, height.getAsInt())) {
      // scrolled off, or no way back up: the plain text stays
      separate = !done.endsWith("\n\n");
      return "";
    }
    StringBuilder out = new StringBuilder();
    out.append('\r');
    if (above > 0) {
      out.append("\u001b[").append(above).append('A');
    }
    out.append(CLEAR_BELOW);
    for (Node b = MarkdownRender.parse(done).getFirstChild(); b != null; b = b.getNext()) {
      if (separate) {
        out.append('\n');
      }
      separate = true;
      for (String line : render.block(b, cols)) {
        out.append(line).append('\n');
      }
    }
    out.append(rest);
    return out.toString();
  }

  private int columns() {
    int w = width.getAsInt();
    return w <= 0 ? 80 : w;
  }

  /** The rows the cursor is below the first of {@code text}'s rows, as a terminal wraps it. */
  static int rowsAbove(CharSequence text, int width) {
    int row = 0;
    int col = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      if (cp == '\n') {
        row++;
        col = 0;
      } else if (cp == '\t') {
        col = Math.min((col / 8 + 1) * 8, width);
      } else {
        int c = Math.max(0, WCWidth.wcwidth(cp));
        if (col + c > width) {
          row++;
          col = c;
        } else {
          col += c;
        }
      }
    }
    return row;
  }
}
