package com.anthropic.tool.cli;

import picocli.CommandLine.Option;

/**
 * The log options of {@code messages}, {@code stream}, {@code tool-loop} and {@code chat}: continue
 * a logged conversation, or leave this exchange out of the log. Every field starts at its default
 * ({@link FastPath} runs commands as {@code new} leaves them).
 */
final class LogOptions {
  @Option(
      names = {"-c", "--continue"},
      description =
          "Continue the most recent logged conversation: its turns go before the new prompt, its"
              + " model is used unless -m is given, and the exchange joins it.")
  boolean continueLast;

  @Option(
      names = "--cid",
      paramLabel = "ID",
      description = "Continue this logged conversation (anthropic logs shows the ids).")
  String cid;

  @Option(names = "--no-log", description = "Do not record this exchange in the log.")
  boolean noLog;
}
