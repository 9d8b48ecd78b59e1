package com.anthropic.tool.cli;

import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.tools.ToolCall;
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
  private final AutoCloseable[] streams;

  TtyAsker(Reader in, PrintWriter out, AutoCloseable... streams) {
    this.in = new BufferedReader(in);
    this.out = out;
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

  /** Shows the call and reads the answer; only y or yes runs it. */
  boolean approve(ToolCall call) throws IOException {
    String input = Json.write(call.input());
    if (input.length() > 500) {
      input = input.substring(0, 500) + "…";
    }
    // the name and the input come from the model: shown, never interpreted by the terminal
    out.print(
        com.anthropic.tool.text.ControlChars.visible("run tool " + call.name() + " " + input)
            + "? [y/N] ");
    out.flush();
    String line = in.readLine();
    if (line == null) {
      out.println();
      return false;
    }
    String a = line.strip().toLowerCase(java.util.Locale.ROOT);
    return a.equals("y") || a.equals("yes");
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable c : streams) {
      c.close();
    }
  }
}
