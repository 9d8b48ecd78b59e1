package com.anthropic.tool.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Stack;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;

/** Options every command takes, before or after the subcommand name. */
public final class GlobalOptions {
  @Option(
      names = "--api-key",
      paramLabel = "KEY",
      description = "API key (default: $ANTHROPIC_API_KEY, then api-key in the config file).",
      scope = ScopeType.INHERIT)
  String apiKey;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = {
        "API base URL (default: $ANTHROPIC_BASE_URL,",
        "  else https://api.anthropic.com)."
      },
      scope = ScopeType.INHERIT)
  String baseUrl;

  @Option(
      names = "--api-version",
      paramLabel = "V",
      description = "anthropic-version header (default: 2023-06-01).",
      scope = ScopeType.INHERIT)
  String apiVersion;

  @Option(
      names = "--beta",
      paramLabel = "NAME",
      description = "anthropic-beta value; repeatable.",
      scope = ScopeType.INHERIT,
      parameterConsumer = Append.class)
  List<String> betas = new ArrayList<>();

  /**
   * Appends each value to the one shared list. picocli's own handling starts a new list the first
   * time a multi-value option appears on a command, so with an inherited option {@code --beta a
   * messages --beta b} would lose {@code a}.
   */
  static final class Append implements IParameterConsumer {
    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
      if (args.isEmpty()) {
        throw new ParameterException(
            commandSpec.commandLine(), "Missing required parameter for option '--beta' (NAME)");
      }
      List<String> values = argSpec.getValue();
      values.add(args.pop());
    }
  }

  @Option(
      names = "--timeout",
      converter = Ranges.Timeout.class,
      paramLabel = "SECONDS",
      description =
          "Longest wait to connect or for the next stream event, 0.001 to 86400 (default: 60).",
      scope = ScopeType.INHERIT)
  String timeout;

  @Option(
      names = "--max-retries",
      converter = Ranges.Retries.class,
      paramLabel = "N",
      description = "Retries after the first attempt, 0 to 100 (default: 2).",
      scope = ScopeType.INHERIT)
  Integer maxRetries;

  @Option(
      names = "--no-retries",
      description = "Send each request once.",
      scope = ScopeType.INHERIT)
  boolean noRetries;

  @Option(
      names = "--debug",
      description = "Print each HTTP attempt to stderr (credentials redacted) and stack traces.",
      scope = ScopeType.INHERIT)
  boolean debug;

  @Option(
      names = "--no-color",
      description = "No colour or escape sequences on any stream.",
      scope = ScopeType.INHERIT)
  boolean noColor;

  @Option(
      names = "--mock",
      description = {
        "Run against an in-process mock server: canned answers, no key needed,",
        "  nothing leaves this machine (see docs/mock-server.md)."
      },
      scope = ScopeType.INHERIT)
  boolean mock;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.",
      scope = ScopeType.INHERIT)
  boolean help;

  @Option(
      names = {"-V", "--version"},
      versionHelp = true,
      description = "Print the version and exit.",
      scope = ScopeType.INHERIT)
  boolean version;

  public boolean debug() {
    return debug;
  }

  public boolean noColor() {
    return noColor;
  }
}
