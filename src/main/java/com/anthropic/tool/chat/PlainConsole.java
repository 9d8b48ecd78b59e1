package com.anthropic.tool.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Standard input that is not a terminal: one message per line, or per block between two {@code """}
 * lines. Answers go to stdout, everything else to stderr, without escape sequences.
 */
final class PlainConsole implements Console {
  static final String BLOCK = "\"\"\"";
  private final BufferedReader in;
  private final PrintWriter out;
  private final PrintWriter err;

  PlainConsole(InputStream in, PrintWriter out, PrintWriter err) {
    this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.out = out;
    this.err = err;
  }

  @Override
  public String readMessage() {
    try {
      String line = in.readLine();
      if (line == null || !line.strip().equals(BLOCK)) {
        return line;
      }
      StringBuilder block = new StringBuilder();
      String next;
      while ((next = in.readLine()) != null && !next.strip().equals(BLOCK)) {
        if (block.length() > 0) {
          block.append('\n');
        }
        block.append(next);
      }
      return block.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
    }
  }

  @Override
  public PrintWriter out() {
    return out;
  }

  @Override
  public PrintWriter info() {
    return err;
  }

  @Override
  public PrintWriter err() {
    return err;
  }

  @Override
  public boolean interactive() {
    return false;
  }

  @Override
  public boolean styled() {
    return false;
  }

  @Override
  public void onInterrupt(Runnable r) {
    // not a terminal: Ctrl-C ends the process as for any command
  }
}
