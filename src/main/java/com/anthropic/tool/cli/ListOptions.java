package com.anthropic.tool.cli;

import com.anthropic.tool.client.error.InvalidRequestException;
import com.anthropic.tool.client.model.ListParams;
import com.anthropic.tool.client.model.Page;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** Paging and format options of the list commands. */
final class ListOptions {
  @Option(
      names = "--limit",
      paramLabel = "N",
      converter = Ranges.PageSize.class,
      description = "Page size, 1 to 1000 (default 20).")
  Integer limit;

  @Option(names = "--after-id", paramLabel = "ID", description = "Start after this id.")
  String afterId;

  @Option(names = "--before-id", paramLabel = "ID", description = "Page before this id.")
  String beforeId;

  @Option(names = "--all", description = "Keep fetching pages until has_more is false.")
  boolean all;

  @Option(
      names = "--format",
      completionCandidates = Candidates.ListFormats.class,
      paramLabel = "FORMAT",
      description = {
        "text (default): aligned columns under a header on a terminal, tab-separated lines when"
            + " piped; json: one JSON array of the API objects; jsonl: one object per line."
      })
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

  /** The checked format: text, json or jsonl. */
  String format() {
    Formats.check(format, "text", "json", "jsonl");
    return format;
  }

  /** The output for this list on this stdout. */
  ResourceOutput output(CommandSupport s) {
    return ResourceOutput.list(s.out(), format(), s.ctx().stdoutIsTerminal());
  }

  /**
   * After a page with more behind it (and no --all): a {@code note:} on stderr naming the option
   * that fetches the next one.
   */
  void noteMore(CommandSupport s, Page<?> page) {
    if (!page.hasMore() || all) {
      return;
    }
    String next =
        beforeId != null
            ? (page.firstId() == null ? null : "--before-id " + page.firstId())
            : (page.lastId() == null ? null : "--after-id " + page.lastId());
    s.err().println("note: more results: " + (next == null ? "" : next + " or ") + "--all");
    s.err().flush();
  }

  /**
   * Prints one page (then the has_more note), or every page under {@code --all}, one row per item.
   */
  <T> void print(
      CommandSupport s,
      ResourceOutput out,
      Function<ListParams, Stream<T>> everyPage,
      Function<ListParams, Page<T>> onePage,
      BiConsumer<ResourceOutput, T> row) {
    ListParams p = params();
    if (all) {
      everyPage.apply(p).forEach(item -> row.accept(out, item));
      out.end();
      return;
    }
    Page<T> page = onePage.apply(p);
    page.data().forEach(item -> row.accept(out, item));
    out.end();
    noteMore(s, page);
  }
}
