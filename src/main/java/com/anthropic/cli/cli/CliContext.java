package com.anthropic.cli.cli;

import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

/**
 * What a command may know about the process: environment, stdin and which streams are terminals.
 * Tests build one by hand; {@code Main} builds the real one.
 */
public record CliContext(
    Map<String, String> env,
    InputStream stdin,
    boolean stdinIsTerminal,
    boolean stdoutIsTerminal,
    boolean stderrIsTerminal) {
  public CliContext {
    env = Map.copyOf(env);
    Objects.requireNonNull(stdin, "stdin");
  }
}
