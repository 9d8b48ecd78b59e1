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
  private final MarkdownStyler styler;
  private final boolean terminal;
  private final Map<Integer, StringBuilder> shown = new TreeMap<>();
  private boolean stopped;
  private boolean thinkingOpen;
  private char last = '\n';
  private boolean wrote;

  /**
   * @param out where the answer goes
   * @param thinkingOut where thinking goes (the same writer as {@code out} on a terminal)
   * @param dimThinking whether thinking may be dimmed with an escape sequence
   * @param terminal whether {@code out} is a terminal: the model's control characters are then
   *     shown visibly ({@link ControlChars}) before styling, never interpreted
   */
  TerminalRenderer(
      PrintWriter out,
      PrintWriter thinkingOut,
      boolean showThinking,
      boolean dimThinking,
      MarkdownStyler styler,
      boolean terminal) {
    this.out = out;
    this.thinkingOut = thinkingOut;
    this.showThinking = showThinking;
    this.dimThinking = dimThinking;
    this.styler = styler;
    this.terminal = terminal;
  }

  /** The model's text as it may reach {@code out}: visible on a terminal, as sent elsewhere. */
  private String fromModel(String text) {
    return terminal ? ControlChars.visible(text) : text;
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
        write(out, styler.feed(fromModel(t.text())));
        last = t.text().charAt(t.text().length() - 1);
      } else if (d.delta() instanceof Delta.Thinking th && showThinking) {
        thinking(fromModel(th.thinking()));
      }
    } else if (e instanceof StreamEvent.ContentBlockStop || e instanceof StreamEvent.MessageDelta) {
      closeThinking();
    }
  }

  private void thinking(String text) {
    if (!thinkingOpen) {
      thinkingOpen = true;
      thinkingOut.print(dim("thinking: "));
    }
    if (!text.isEmpty()) {
      thinkingOut.print(dim(text));
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
    }
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
