package com.anthropic.tool.cli;

import com.anthropic.tool.client.model.Delta;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.StreamEvent;
import com.google.gson.JsonParser;
import java.io.PrintWriter;

/**
 * Writes stream events as they arrive: text deltas (format text) or one JSON line per event (format
 * jsonl) to stdout, flushed by {@link #flush} whenever the input runs dry (so it appears live
 * without a write per delta); thinking deltas to stderr with --show-thinking.
 */
final class StreamRenderer {
  private final PrintWriter out;
  private final PrintWriter err;
  private final Style errStyle;
  private final String format;
  private final boolean showThinking;
  private boolean thinkingOpen;
  private boolean thinkingEndsWithNewline;
  private char lastOut = '\n';
  private boolean wroteText;

  StreamRenderer(
      PrintWriter out, PrintWriter err, Style errStyle, String format, boolean showThinking) {
    this.out = out;
    this.err = err;
    this.errStyle = errStyle;
    this.format = format;
    this.showThinking = showThinking;
  }

  /** Renders one event; false when stdout has been closed (the reader went away). */
  boolean accept(StreamEvent e) {
    if (showThinking) {
      thinking(e);
    }
    if ("jsonl".equals(format)) {
      if (e instanceof StreamEvent.Ping) {
        return true;
      }
      out.println(oneLine(e.data()));
      return true;
    }
    if ("text".equals(format)
        && e instanceof StreamEvent.ContentBlockDelta
        && ((StreamEvent.ContentBlockDelta) e).delta() instanceof Delta.Text) {
      String text = ((Delta.Text) ((StreamEvent.ContentBlockDelta) e).delta()).text();
      if (!text.isEmpty()) {
        out.print(text);
        lastOut = text.charAt(text.length() - 1);
        wroteText = true;
      }
    }
    return true;
  }

  /** Flushes stdout; false when it has been closed (the reader went away). */
  boolean flush() {
    return !out.checkError(); // flushes
  }

  /** Ends the text output with a newline on a terminal, so the prompt starts on its own line. */
  void endLine(boolean stdoutIsTerminal) {
    closeThinking();
    if ("text".equals(format) && stdoutIsTerminal && wroteText && lastOut != '\n') {
      out.println();
    }
    out.flush();
  }

  private void thinking(StreamEvent e) {
    if (e instanceof StreamEvent.ContentBlockDelta
        && ((StreamEvent.ContentBlockDelta) e).delta() instanceof Delta.Thinking) {
      String t = ((Delta.Thinking) ((StreamEvent.ContentBlockDelta) e).delta()).thinking();
      if (!thinkingOpen) {
        err.println(errStyle.dim("thinking:"));
        thinkingOpen = true;
        thinkingEndsWithNewline = true;
      }
      if (!t.isEmpty()) {
        err.print(errStyle.dim(errStyle.shown(t)));
        thinkingEndsWithNewline = t.endsWith("\n");
      }
      err.flush();
    } else if (thinkingOpen
        && (e instanceof StreamEvent.ContentBlockStop
            || e instanceof StreamEvent.ContentBlockStart
            || e instanceof StreamEvent.MessageDelta)) {
      closeThinking();
    }
  }

  private void closeThinking() {
    if (thinkingOpen) {
      thinkingOpen = false;
      if (!thinkingEndsWithNewline) {
        err.println();
      }
      err.flush();
    }
  }

  /** The event's data as sent, re-encoded on one line only when it spans several. */
  static String oneLine(String data) {
    if (data.indexOf('\n') < 0 && data.indexOf('\r') < 0) {
      return data;
    }
    try {
      return Json.write(JsonParser.parseString(data));
    } catch (RuntimeException notJson) {
      return data.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
  }
}
