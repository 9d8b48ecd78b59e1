package com.anthropic.tool.cli;

/** The exit codes of CLI.md. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;
  public static final int AUTH = 3;
  public static final int RATE_LIMITED = 4;
  public static final int NETWORK = 5;
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
