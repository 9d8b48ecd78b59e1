package com.anthropic.tool.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How tools run, for {@code tool-loop} and {@code chat} (the tool definitions themselves come with
 * {@code --tool} among the request options).
 */
public final class ToolOptions {
  @Option(
      names = "--mcp",
      paramLabel = "\"COMMAND ARGS\"",
      description =
          "Start a Model Context Protocol server over stdio (the words split as a shell would,"
              + " no shell run) and offer its tools; repeatable.")
  List<String> mcp = new ArrayList<>();

  @Option(
      names = "--max-iterations",
      converter = Ranges.Iterations.class,
      paramLabel = "N",
      description = "Most API calls before giving up, 1 to 10000 (default: ${DEFAULT-VALUE}).")
  int maxIterations = 10;

  @Option(
      names = "--parallel",
      converter = Ranges.Parallel.class,
      paramLabel = "N",
      description = "Calls of one turn run at once, 1 to 64 (default: ${DEFAULT-VALUE}).")
  int parallel = 4;

  @Option(
      names = "--tool-timeout",
      converter = Ranges.ToolTimeout.class,
      paramLabel = "SECONDS",
      description =
          "Longest a tool may run before its process tree is killed, 0.001 to 86400"
              + " (default: ${DEFAULT-VALUE}).")
  double toolTimeout = 60;

  @Option(
      names = "--tool-output-limit",
      converter = Ranges.OutputBytes.class,
      paramLabel = "BYTES",
      description =
          "Most bytes of a tool's output sent to the model, 0 to 67108864 (default:"
              + " ${DEFAULT-VALUE}).")
  long toolOutputLimit = 100_000;

  @Option(
      names = "--trace",
      description = "Print each tool call and its (shortened) result to stderr.")
  boolean trace;

  @Option(names = "--approve", description = "Ask y/N on the terminal before each tool call.")
  boolean approve;

  @Option(
      names = {"-y", "--yes"},
      description = "With --approve: run every call without asking (for use without a terminal).")
  boolean yes;
}
