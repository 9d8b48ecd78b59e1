package com.anthropic.tool.cli;

import com.anthropic.tool.client.tools.ToolCall;
import com.anthropic.tool.toolbox.Pager;
import com.anthropic.tool.toolbox.ToolInputView;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/** Asks y/N about each tool call on the terminal ({@code /dev/tty}), whatever stdin is. */
final class TtyAsker implements AutoCloseable {
  private final BufferedReader in;
  private final PrintWriter out;
  private final Pager pager;
  private final AutoCloseable[] streams;

  /** Asks on these streams; {@code v} prints the whole input (no pager). */
  TtyAsker(Reader in, PrintWriter out) {
    this(in, out, text -> false);
  }

  TtyAsker(Reader in, PrintWriter out, Pager pager, AutoCloseable... streams) {
    this.in = new BufferedReader(in);
    this.out = out;
    this.pager = pager;
    this.streams = streams;
  }

  /**
   * Opens the terminal.
   *
   * @throws CliException exit 2 when there is none (--yes runs without asking)
   */
  static TtyAsker open(CliContext ctx) {
    boolean anyTerminal = ctx.stdinIsTerminal() || ctx.stdoutIsTerminal() || ctx.stderrIsTerminal();
    if (anyTerminal) {
      try {
        FileInputStream i = new FileInputStream("/dev/tty");
        FileOutputStream o = new FileOutputStream("/dev/tty");
        return new TtyAsker(
            new InputStreamReader(i, StandardCharsets.UTF_8),
            new PrintWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8), true),
            Pager.of(ctx.env(), ProcessBuilder.Redirect.to(new java.io.File("/dev/tty"))),
            i,
            o);
      } catch (IOException e) {
        // no controlling terminal after all
      }
    }
    throw CliException.usage(
        "--approve asks on the terminal, and there is none; add --yes to run every call without"
            + " asking");
  }

  /**
   * Shows the call (every field of its input, long strings shortened: {@link ToolInputView}) and
   * reads the answer; only y or yes runs it, v shows the whole input in the pager and asks again.
   */
  boolean approve(ToolCall call) throws IOException {
    ToolInputView view = ToolInputView.of(call.input());
    out.print(view.body(call.name()));
    while (true) {
      out.print(view.prompt(call.name()));
      out.flush();
      String line = in.readLine();
      if (line == null) {
        out.println();
        return false;
      }
      ToolInputView.Answer a = view.answer(line);
      if (a != ToolInputView.Answer.VIEW) {
        return a == ToolInputView.Answer.YES;
      }
      if (!pager.show(view.full())) {
        out.println(view.full());
      }
    }
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable c : streams) {
      c.close();
    }
  }
}
