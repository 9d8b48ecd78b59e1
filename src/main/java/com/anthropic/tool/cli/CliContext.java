package com.anthropic.tool.cli;

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
 */
public record CliContext(
    Map<String, String> env,
    InputStream stdin,
    boolean stdinIsTerminal,
    boolean stdoutIsTerminal,
    boolean stderrIsTerminal,
    OutputStream stdout) {
  public CliContext {
    env = Map.copyOf(env);
    Objects.requireNonNull(stdin, "stdin");
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
