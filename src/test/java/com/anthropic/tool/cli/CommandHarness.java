package com.anthropic.tool.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the picocli command line in-process with captured stdout/stderr, a given environment and
 * stdin. Failure messages carry args, exit code, stdout and stderr.
 */
public final class CommandHarness {
  private final Map<String, String> env = new HashMap<>();
  private InputStream stdin = new ByteArrayInputStream(new byte[0]);
  private boolean stdinIsTerminal;
  private boolean stdoutIsTerminal;
  private boolean stderrIsTerminal;

  public CommandHarness() {
    // never read the developer's real config file
    env.put("XDG_CONFIG_HOME", System.getProperty("java.io.tmpdir") + "/anthropic-cli-test-none");
    env.put("HOME", System.getProperty("java.io.tmpdir"));
  }

  public CommandHarness env(String name, String value) {
    env.put(name, value);
    return this;
  }

  public CommandHarness stdin(String text) {
    this.stdin = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  public CommandHarness stdin(byte[] bytes) {
    this.stdin = new ByteArrayInputStream(bytes);
    return this;
  }

  public CommandHarness stdin(InputStream in) {
    this.stdin = in;
    return this;
  }

  public CommandHarness stdinIsTerminal(boolean tty) {
    this.stdinIsTerminal = tty;
    return this;
  }

  public CommandHarness stdoutIsTerminal(boolean tty) {
    this.stdoutIsTerminal = tty;
    return this;
  }

  public CommandHarness stderrIsTerminal(boolean tty) {
    this.stderrIsTerminal = tty;
    return this;
  }

  /** Runs the command line and returns its result. */
  public Result run(String... args) {
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    CliContext ctx =
        new CliContext(env, stdin, stdinIsTerminal, stdoutIsTerminal, stderrIsTerminal, outBytes);
    PrintWriter out = new PrintWriter(new OutputStreamWriter(outBytes, StandardCharsets.UTF_8));
    int code = Cli.run(args, ctx, out, new PrintWriter(err));
    out.flush();
    return new Result(args, code, outBytes.toString(StandardCharsets.UTF_8), err.toString());
  }

  /** What a run produced. */
  public record Result(String[] args, int exitCode, String out, String err) {
    /** A description for assertion messages. */
    public String describe() {
      return "args="
          + Arrays.toString(args)
          + "\nexit="
          + exitCode
          + "\n--- stdout ---\n"
          + out
          + "\n--- stderr ---\n"
          + err;
    }
  }
}
