package com.anthropic.tool.cli;

import com.anthropic.tool.client.model.Citation;
import com.anthropic.tool.client.model.CitedAnswer;
import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.Delta;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.StreamEvent;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
  private ServerToolLines serverTools;
  private CitedAnswer.Numbers citationNumbers;
  private final Map<Integer, List<Citation>> cited = new HashMap<>();
  private String heldSpace = "";

  StreamRenderer(
      PrintWriter out, PrintWriter err, Style errStyle, String format, boolean showThinking) {
    this.out = out;
    this.err = err;
    this.errStyle = errStyle;
    this.format = format;
    this.showThinking = showThinking;
  }

  /**
   * Server tool activity lines as blocks complete, and (format text) {@code [N]} after each cited
   * span with {@code citations}; {@link #printSources} lists them after the answer.
   */
  StreamRenderer serverTools(ServerToolLines lines, boolean citations, boolean stdoutIsTerminal) {
    this.serverTools =
        lines.beforeLine(
            () -> {
              if (stdoutIsTerminal && wroteText && lastOut != '\n') {
                out.println(); // the activity line on the terminal gets a line of its own
                out.flush();
                lastOut = '\n';
              }
            });
    this.citationNumbers = citations ? new CitedAnswer.Numbers() : null;
    return this;
  }

  /** Renders one event; false when stdout has been closed (the reader went away). */
  boolean accept(StreamEvent e) {
    if (showThinking) {
      thinking(e);
    }
    if (serverTools != null) {
      serverTools.event(e);
    }
    if (citationNumbers != null && "text".equals(format) && citation(e)) {
      return true;
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
      write(((Delta.Text) ((StreamEvent.ContentBlockDelta) e).delta()).text());
    }
    return true;
  }

  /**
   * Follows the citations of text blocks: a cited block's trailing spaces are held back so that its
   * marks come right after its text, as {@link CitedAnswer} places them. True when the event was
   * written here.
   */
  private boolean citation(StreamEvent e) {
    if (e instanceof StreamEvent.ContentBlockDelta d && d.delta() instanceof Delta.Citations c) {
      cited.computeIfAbsent(d.index(), i -> new ArrayList<>()).add(Citation.fromJson(c.citation()));
      return true;
    }
    if (e instanceof StreamEvent.ContentBlockStart s
        && s.block() instanceof ContentBlock.Text t
        && t.citations() != null) {
      cited.put(s.index(), new ArrayList<>(CitedAnswer.citations(t)));
      return false;
    }
    if (e instanceof StreamEvent.ContentBlockDelta d
        && d.delta() instanceof Delta.Text t
        && cited.containsKey(d.index())) {
      String text = heldSpace + t.text();
      String body = text.stripTrailing();
      heldSpace = text.substring(body.length());
      write(body);
      return true;
    }
    if (e instanceof StreamEvent.ContentBlockStop s && cited.containsKey(s.index())) {
      write(citationNumbers.marks(cited.remove(s.index())) + heldSpace);
      heldSpace = "";
      return true;
    }
    return false;
  }

  private void write(String text) {
    if (!text.isEmpty()) {
      out.print(text);
      lastOut = text.charAt(text.length() - 1);
      wroteText = true;
    }
  }

  /** With citations: a blank line, {@code Sources:} and the numbered sources; none: nothing. */
  void printSources(MessageOutput output) {
    if (citationNumbers == null || citationNumbers.sources().isEmpty()) {
      return;
    }
    write(heldSpace);
    heldSpace = "";
    if (wroteText && lastOut != '\n') {
      out.println();
      lastOut = '\n';
    }
    output.printSources(citationNumbers.sources());
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
