package com.anthropic.tool.cli;

import com.anthropic.tool.client.error.InvalidRequestException;
import com.anthropic.tool.client.model.ListParams;
import picocli.CommandLine.Option;

/** Paging and format options of the list commands. */
final class ListOptions {
  @Option(names = "--limit", paramLabel = "N", description = "Page size, 1 to 1000 (default 20).")
  Integer limit;

  @Option(names = "--after-id", paramLabel = "ID", description = "Start after this id.")
  String afterId;

  @Option(names = "--before-id", paramLabel = "ID", description = "Page before this id.")
  String beforeId;

  @Option(names = "--all", description = "Keep fetching pages until has_more is false.")
  boolean all;

  @Option(
      names = "--format",
      completionCandidates = Candidates.ResourceFormats.class,
      paramLabel = "FORMAT",
      description =
          "text (default): one tab-separated line per item; json: one API object per line.")
  String format = "text";

  ListParams params() {
    try {
      return new ListParams(limit, afterId, beforeId);
    } catch (InvalidRequestException e) {
      throw CliException.usage(
          e.getMessage()
              .replace("after_id", "--after-id")
              .replace("before_id", "--before-id")
              .replace("limit", "--limit"));
    }
  }

  boolean json() {
    Formats.check(format, "text", "json");
    return format.equals("json");
  }
}
