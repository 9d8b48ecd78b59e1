package com.anthropic.tool.chat;

import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.Delta;
import com.anthropic.tool.client.model.StreamEvent;
import com.anthropic.tool.text.ControlChars;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes one answer as its events arrive: the text through the {@link MarkdownStyler}, thinking
 * (with {@code --show-thinking}) dimmed or to its own writer. It keeps the text it has shown, so an
 * answer cut short keeps exactly what was on screen. Once {@link #stop()} was called it writes
 * nothing more, from any thread.
 */
final class TerminalRenderer {
  private final PrintWriter out;
  private final PrintWriter thinkingOut;
  private final boolean showThinking;
  private final boolean dimThinking;
  private final AnswerText styler;
  private final boolean visible;
  private final Map<Integer, StringBuilder> shown = new TreeMap<>();
  private boolean stopped;
  private boolean thinkingOpen;
  private char last = '\n';
  private boolean wrote;

  /**
   * @param out where the answer goes
   * @param thinkingOut where thinking goes (the same writer as {@code out} on a terminal)
   * @param dimThinking whether thinking may be dimmed with an escape sequence
   * @param styler how the text is shown (as it is, or rendered as Markdown)
   * @param visible whether the model's control characters are made visible (on a terminal)
   */
  TerminalRenderer(
      PrintWriter out,
      PrintWriter thinkingOut,
      boolean showThinking,
      boolean dimThinking,
      AnswerText styler,
      boolean visible) {
    this.out = out;
    this.thinkingOut = thinkingOut;
    this.showThinking = showThinking;
    this.dimThinking = dimThinking;
    this.styler = styler;
    this.visible = visible;
  }

  /** Shows one event. */
  synchronized void accept(StreamEvent e) {
    if (stopped) {
      return;
    }
    if (e instanceof StreamEvent.ContentBlockDelta d) {
      if (d.delta() instanceof Delta.Text t && !t.text().isEmpty()) {
        closeThinking();
        shown.computeIfAbsent(d.index(), i -> new StringBuilder()).append(t.text());
        write(out, styler.feed(visible ? ControlChars.visible(t.text()) : t.text()));
      } else if (d.delta() instanceof Delta.Thinking th && showThinking) {
        thinking(th.thinking());
      }
    } else if (e instanceof StreamEvent.ContentBlockStop || e instanceof StreamEvent.MessageDelta) {
      closeThinking();
    }
  }

  private void thinking(String text) {
    if (!thinkingOpen) {
      thinkingOpen = true;
      if (thinkingOut == out && last != '\n') {
        out.println();
      }
      thinkingOut.print(dim("thinking: "));
    }
    if (!text.isEmpty()) {
      thinkingOut.print(dim(visible ? ControlChars.visible(text) : text));
      if (thinkingOut == out) {
        last = text.charAt(text.length() - 1);
        wrote = true;
      }
    }
  }

  private void closeThinking() {
    if (thinkingOpen) {
      thinkingOpen = false;
      thinkingOut.println();
      thinkingOut.flush();
      if (thinkingOut == out) {
        last = '\n';
      }
    }
  }

  private String dim(String s) {
    return dimThinking ? MarkdownStyler.DIM + s + MarkdownStyler.NORMAL : s;
  }

  private void write(PrintWriter w, String s) {
    if (!s.isEmpty()) {
      w.print(s);
      wrote = true;
      last = lastShown(s, last);
    }
  }

  /** The last character {@code s} shows (escape sequences at its end skipped). */
  static char lastShown(String s, char before) {
    int end = s.length();
    while (end > 0) {
      int esc = s.lastIndexOf('\u001b', end - 1);
      if (esc < 0 || !s.substring(esc, end).matches("\u001b\\[[0-9;]*[A-Za-z]")) {
        break;
      }
      end = esc;
    }
    return end == 0 ? before : s.charAt(end - 1);
  }

  /** Flushes what was written (called whenever the stream runs dry). */
  synchronized void flush() {
    if (!stopped) {
      out.flush();
      thinkingOut.flush();
    }
  }

  /** Ends the answer: held characters out, styles closed, the cursor on a new line. */
  synchronized void finish() {
    if (stopped) {
      return;
    }
    closeThinking();
    write(out, styler.finish());
    if (wrote && last != '\n') {
      out.println();
      last = '\n';
    }
    out.flush();
    stopped = true;
  }

  /**
   * Stops writing (Ctrl-C): held characters out, styles closed, the line ended. Returns the text
   * blocks shown so far. Nothing is written after this.
   */
  synchronized List<ContentBlock> stop() {
    if (!stopped) {
      closeThinking();
      write(out, styler.finish());
      if (wrote && last != '\n') {
        out.println();
      }
      out.flush();
      stopped = true;
    }
    return shownBlocks();
  }

  /** The text shown so far, one text block per content block that had any. */
  synchronized List<ContentBlock> shownBlocks() {
    List<ContentBlock> blocks = new ArrayList<>();
    for (StringBuilder sb : shown.values()) {
      if (!sb.toString().isBlank()) {
        blocks.add(ContentBlock.Text.of(sb.toString()));
      }
    }
    return blocks;
  }

  /** Whether any answer text has been shown. */
  synchronized boolean wroteText() {
    return !shown.isEmpty();
  }
}
