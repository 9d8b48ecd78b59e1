package com.anthropic.tool.cli;

/** A failure the CLI reports as {@code error: <type>: <message>} with an exit code. */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;
  private final String type;

  public CliException(int exitCode, String type, String message) {
    super(message);
    this.exitCode = exitCode;
    this.type = type;
  }

  public CliException(int exitCode, String type, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
    this.type = type;
  }

  /** Invalid input found before sending: exit 2. */
  public static CliException usage(String message) {
    return new CliException(ExitCodes.USAGE, "usage_error", message);
  }

  /** A file or input that could not be read or understood: exit 2. */
  public static CliException input(String message) {
    return new CliException(ExitCodes.USAGE, "invalid_input", message);
  }

  public int exitCode() {
    return exitCode;
  }

  public String type() {
    return type;
  }
}
