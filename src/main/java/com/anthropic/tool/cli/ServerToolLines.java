package com.anthropic.tool.cli;

import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.ServerToolResults;
import com.anthropic.tool.client.model.StreamEvent;
import com.anthropic.tool.client.stream.ServerToolWatcher;
import com.anthropic.tool.text.ControlChars;
import java.io.PrintWriter;

/**
 * Server tool activity on stderr, one line per call and per result as it happens ({@code
 * web_search: "query"}, {@code code_execution: exit 0}), dimmed on a terminal; with {@code --trace}
 * each result's text follows. Text that came from outside is shown through {@link ControlChars} on
 * a terminal.
 */
final class ServerToolLines {
  private static final int TRACE_LIMIT = 4000;
  private final PrintWriter err;
  private final Style style;
  private final boolean terminal;
  private final boolean trace;
  private final ServerToolWatcher watcher = new ServerToolWatcher();
  private Runnable beforeLine = () -> {};

  ServerToolLines(PrintWriter err, Style style, boolean terminal, boolean trace) {
    this.err = err;
    this.style = style;
    this.terminal = terminal;
    this.trace = trace;
  }

  /** Runs before each line (a stream ends its half-written line of text on the terminal). */
  ServerToolLines beforeLine(Runnable r) {
    this.beforeLine = r;
    return this;
  }

  /** A streamed event: a line when it completes a server tool block. */
  void event(StreamEvent e) {
    watcher.accept(e).ifPresent(this::block);
  }

  /** Every server tool block of a whole message, in order. */
  void message(Message m) {
    m.content().forEach(this::block);
  }

  void block(ContentBlock b) {
    ServerToolResults.activity(b)
        .ifPresent(
            line -> {
              beforeLine.run();
              err.println(style.dim(shown(line)));
              String text = trace ? ServerToolResults.text(b) : "";
              if (!text.isEmpty()) {
                String t =
                    text.length() > TRACE_LIMIT
                        ? text.substring(0, TRACE_LIMIT) + "… (" + text.length() + " characters)\n"
                        : text;
                err.print(style.dim(shown(t)));
                if (!t.endsWith("\n")) {
                  err.println();
                }
              }
              err.flush();
            });
  }

  private String shown(String s) {
    return terminal ? ControlChars.visible(s) : s;
  }
}
