package com.anthropic.tool.cli;

import com.anthropic.tool.client.http.Sleeper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
  private OutputStream stdoutSink;
  private Sleeper sleeper;

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

  /**
   * Sends stdout's bytes to {@code sink} first (which may throw, as a closed pipe does), and then,
   * when it accepted them, to the captured stdout of the result.
   */
  public CommandHarness stdout(OutputStream sink) {
    this.stdoutSink = sink;
    return this;
  }

  /** How the client waits between retries (a recording one keeps tests fast). */
  public CommandHarness sleeper(Sleeper s) {
    this.sleeper = s;
    return this;
  }

  /** Runs the command line and returns its result. */
  public Result run(String... args) {
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    OutputStream stdout = stdoutSink == null ? outBytes : new Tee(stdoutSink, outBytes);
    StringWriter err = new StringWriter();
    CliContext ctx =
        new CliContext(
            env, stdin, stdinIsTerminal, stdoutIsTerminal, stderrIsTerminal, stdout, sleeper);
    PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
    int code = Startup.run(args, ctx, out, new PrintWriter(err));
    out.flush();
    return new Result(args, code, outBytes.toString(StandardCharsets.UTF_8), err.toString());
  }

  /** Writes to the sink, then to the capture. */
  private static final class Tee extends OutputStream {
    private final OutputStream sink;
    private final OutputStream capture;

    Tee(OutputStream sink, OutputStream capture) {
      this.sink = sink;
      this.capture = capture;
    }

    @Override
    public void write(int b) throws IOException {
      sink.write(b);
      capture.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      sink.write(b, off, len);
      capture.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      sink.flush();
    }
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
