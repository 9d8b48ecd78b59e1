package com.anthropic.tool.cli;

import com.anthropic.tool.client.http.Sleeper;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;

/**
 * What a command may know about the process: environment, stdin and which streams are terminals.
 * Tests build one by hand; {@code Main} builds the real one.
 *
 * @param stdout the raw bytes of standard output, for commands that copy bulk bytes through (batch
 *     results); the same stream the command line's {@code getOut()} writer ends in, so flush that
 *     writer first. Null when not available: such commands then write through the writer.
 * @param sleeper how the client waits between retries (tests pass one that records the waits
 *     instead of sleeping); null means really sleeping
 */
public record CliContext(
    Map<String, String> env,
    InputStream stdin,
    boolean stdinIsTerminal,
    boolean stdoutIsTerminal,
    boolean stderrIsTerminal,
    OutputStream stdout,
    Sleeper sleeper) {
  public CliContext {
    env = Map.copyOf(env);
    Objects.requireNonNull(stdin, "stdin");
    if (sleeper == null) {
      sleeper = Sleeper.system();
    }
  }

  /** A context whose client really sleeps between retries. */
  public CliContext(
      Map<String, String> env,
      InputStream stdin,
      boolean stdinIsTerminal,
      boolean stdoutIsTerminal,
      boolean stderrIsTerminal,
      OutputStream stdout) {
    this(env, stdin, stdinIsTerminal, stdoutIsTerminal, stderrIsTerminal, stdout, null);
  }

  /** This context with another standard input (for a command that hands stdin to another use). */
  public CliContext withStdin(InputStream in, boolean isTerminal) {
    return new CliContext(env, in, isTerminal, stdoutIsTerminal, stderrIsTerminal, stdout, sleeper);
  }

  /** A context without a raw stdout stream. */
  public CliContext(
      Map<String, String> env,
      InputStream stdin,
      boolean stdinIsTerminal,
      boolean stdoutIsTerminal,
      boolean stderrIsTerminal) {
    this(env, stdin, stdinIsTerminal, stdoutIsTerminal, stderrIsTerminal, null);
  }
}
