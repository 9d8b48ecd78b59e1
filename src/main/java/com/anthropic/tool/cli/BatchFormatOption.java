package com.anthropic.tool.cli;

import picocli.CommandLine.Option;

/** Options of the commands that print one batch. */
final class BatchFormatOption {
  @Option(
      names = "--format",
      completionCandidates = Candidates.ResourceFormats.class,
      paramLabel = "FORMAT",
      description = "text (default): one tab-separated line; json: the API object.")
  String format = "text";

  boolean json() {
    Formats.check(format, "text", "json");
    return format.equals("json");
  }
}
