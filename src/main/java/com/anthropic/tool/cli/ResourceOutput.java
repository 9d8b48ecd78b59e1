package com.anthropic.tool.cli;

import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.MessageBatch;
import com.anthropic.tool.client.model.ModelInfo;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Resources the CLI.md way ("Resource output"). One resource: a text line (id first, single tabs)
 * or the API object as one JSON document. A list ({@link #list}): {@code text} is tab-separated
 * lines with no header when piped and aligned columns under a header on a terminal; {@code json} is
 * one JSON array (written as the items arrive, so {@code --all} stays in constant memory); {@code
 * jsonl} one object per line. Call {@link #end()} after the last item.
 */
final class ResourceOutput {
  private final PrintWriter out;
  private final String format;
  private final boolean list;
  private final boolean terminal;
  private final List<List<String>> rows = new ArrayList<>();
  private List<String> header = List.of();
  private int items;

  /** One resource: {@code json} true for the API object, else a text line. */
  ResourceOutput(PrintWriter out, boolean json) {
    this(out, json ? "json" : "text", false, false);
  }

  private ResourceOutput(PrintWriter out, String format, boolean list, boolean terminal) {
    this.out = out;
    this.format = format;
    this.list = list;
    this.terminal = terminal;
  }

  /** A list in {@code text}, {@code json} or {@code jsonl}, for stdout that is or is not a tty. */
  static ResourceOutput list(PrintWriter out, String format, boolean stdoutIsTerminal) {
    return new ResourceOutput(out, format, true, stdoutIsTerminal);
  }

  void model(ModelInfo m) {
    item(
        m.raw(),
        List.of("ID", "NAME", "CREATED"),
        List.of(m.id(), orDash(m.displayName()), date(m.createdAt())),
        List.of(m.id(), orDash(m.displayName()), date(m.createdAt())));
  }

  void batch(MessageBatch b) {
    MessageBatch.RequestCounts c = b.requestCounts();
    item(
        b.raw(),
        List.of(
            "ID",
            "STATUS",
            "PROCESSING",
            "SUCCEEDED",
            "ERRORED",
            "CANCELED",
            "EXPIRED",
            "CREATED",
            "ENDED"),
        List.of(batchLine(b).split("\t", -1)),
        List.of(
            orDash(b.id()),
            orDash(b.processingStatus()),
            String.valueOf(c.processing()),
            String.valueOf(c.succeeded()),
            String.valueOf(c.errored()),
            String.valueOf(c.canceled()),
            String.valueOf(c.expired()),
            humanTime(b.createdAt()),
            humanTime(b.endedAt())));
  }

  void file(com.anthropic.tool.client.model.FileMetadata f) {
    List<String> cells = List.of(FilesCommand.line(f).split("\t", -1));
    List<String> human = new ArrayList<>(cells);
    human.set(4, humanTime(f.createdAt()));
    item(f.raw(), List.of("ID", "FILENAME", "TYPE", "BYTES", "CREATED"), cells, human);
  }

  private void item(JsonObject raw, List<String> header, List<String> piped, List<String> human) {
    items++;
    switch (format) {
      case "json" -> {
        if (!list) {
          raw(raw);
        } else {
          out.print(items == 1 ? "[\n" : ",\n");
          out.print(Json.write(raw));
        }
      }
      case "jsonl" -> raw(raw);
      default -> {
        if (list && terminal) {
          this.header = header;
          rows.add(human);
        } else {
          out.println(String.join("\t", piped));
        }
      }
    }
  }

  /** Closes a list: the JSON array's bracket, or the aligned table on a terminal. */
  void end() {
    if (!list) {
      return;
    }
    if (format.equals("json")) {
      out.println(items == 0 ? "[]" : "\n]");
    } else if (format.equals("text") && terminal && !rows.isEmpty()) {
      int[] width = new int[header.size()];
      for (List<String> row : concat(header, rows)) {
        for (int i = 0; i < row.size(); i++) {
          width[i] = Math.max(width[i], row.get(i).length());
        }
      }
      for (List<String> row : concat(header, rows)) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
          sb.append(row.get(i));
          if (i < row.size() - 1) {
            sb.append(" ".repeat(width[i] - row.get(i).length() + 2));
          }
        }
        out.println(sb.toString().stripTrailing());
      }
    }
    out.flush();
  }

  private static List<List<String>> concat(List<String> header, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    return all;
  }

  /** {@code 2024-09-24 18:37} (UTC) from an RFC 3339 time, for people. */
  private static String humanTime(String rfc3339) {
    if (rfc3339 == null || rfc3339.length() < 16) {
      return orDash(rfc3339);
    }
    return rfc3339.substring(0, 10) + " " + rfc3339.substring(11, 16);
  }

  void raw(JsonObject o) {
    out.println(Json.write(o));
  }

  /**
   * {@code id status processing succeeded errored canceled expired created_at ended_at}, tab
   * separated; a time not set yet prints as {@code -}.
   */
  static String batchLine(MessageBatch b) {
    MessageBatch.RequestCounts c = b.requestCounts();
    return String.join(
        "\t",
        orDash(b.id()),
        orDash(b.processingStatus()),
        "processing=" + c.processing(),
        "succeeded=" + c.succeeded(),
        "errored=" + c.errored(),
        "canceled=" + c.canceled(),
        "expired=" + c.expired(),
        orDash(b.createdAt()),
        orDash(b.endedAt()));
  }

  /** The counts in one short phrase, for progress lines. */
  static String counts(MessageBatch b) {
    MessageBatch.RequestCounts c = b.requestCounts();
    return "processing "
        + c.processing()
        + ", succeeded "
        + c.succeeded()
        + ", errored "
        + c.errored()
        + ", canceled "
        + c.canceled()
        + ", expired "
        + c.expired();
  }

  private static String date(String rfc3339) {
    if (rfc3339 == null || rfc3339.length() < 10) {
      return orDash(rfc3339);
    }
    return rfc3339.substring(0, 10);
  }

  static String orDash(String s) {
    return s == null || s.isEmpty() ? "-" : s;
  }
}
