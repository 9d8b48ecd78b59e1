package com.anthropic.tool.cli;

import com.anthropic.tool.text.ControlChars;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.CharBuffer;

/**
 * A command's stdout when it is a terminal: everything written passes through {@link ControlChars},
 * so text from the model, a tool or a server never drives the terminal. Commands write no escape
 * sequences of their own to stdout (colour goes to stderr), so nothing is lost. A closed stdout
 * still shows as {@link PrintWriter#checkError()}.
 */
final class VisibleWriter extends Writer {
  private final PrintWriter target;

  private VisibleWriter(PrintWriter target) {
    this.target = target;
  }

  /** {@code out} itself when it is not a terminal (bytes stay as written), else a visible one. */
  static PrintWriter onTerminal(PrintWriter out, boolean isTerminal) {
    return isTerminal ? new PrintWriter(new VisibleWriter(out), false) : out;
  }

  @Override
  public void write(char[] buf, int off, int len) {
    StringBuilder sb = new StringBuilder(len + 8);
    ControlChars.appendVisible(sb, CharBuffer.wrap(buf, off, len));
    target.write(sb.toString());
  }

  @Override
  public void flush() throws IOException {
    if (target.checkError()) { // flushes
      throw new IOException("stdout is closed");
    }
  }

  @Override
  public void close() {
    target.close();
  }
}
