package com.anthropic.tool.cli;

import java.io.PrintWriter;

/**
 * One status line on stderr, redrawn in place ({@code \r}, erase line) and cleared or ended when
 * done; only where escape sequences are allowed (a terminal, colour rules as for styling). Shared
 * by {@code batches wait} and the transfer progress of uploads and downloads.
 */
final class LiveLine {
  private final PrintWriter err;
  private final boolean enabled;
  private boolean shown;

  LiveLine(CommandSupport s) {
    this(s.err(), s.ctx().stderrIsTerminal() && s.errStyle().enabled());
  }

  LiveLine(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  /** Whether the line is drawn at all (stderr is a terminal that allows escape sequences). */
  boolean enabled() {
    return enabled;
  }

  /** Draws {@code text} over the previous line. */
  synchronized void show(String text) {
    if (enabled) {
      err.print("\r\u001b[2K" + text);
      err.flush();
      shown = true;
    }
  }

  /** Leaves the last line on screen and moves to the next one. */
  synchronized void end() {
    if (enabled && shown) {
      err.print("\n");
      err.flush();
      shown = false;
    }
  }

  /** Erases the line, leaving the cursor where the line began. */
  synchronized void clear() {
    if (enabled && shown) {
      err.print("\r\u001b[2K");
      err.flush();
      shown = false;
    }
  }
}
