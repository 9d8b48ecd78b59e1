package com.anthropic.tool.cli;

import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.MessageBatch;
import com.anthropic.tool.client.model.ModelInfo;
import com.google.gson.JsonObject;
import java.io.PrintWriter;

/**
 * Text and JSON lines for resources (CLI.md "Resource output"): the id first, single tabs, no
 * header; JSON is the API object unchanged, one per line.
 */
final class ResourceOutput {
  private final PrintWriter out;
  private final boolean json;

  ResourceOutput(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  void model(ModelInfo m) {
    if (json) {
      raw(m.raw());
    } else {
      out.println(m.id() + '\t' + orDash(m.displayName()) + '\t' + date(m.createdAt()));
    }
  }

  void batch(MessageBatch b) {
    if (json) {
      raw(b.raw());
    } else {
      out.println(batchLine(b));
    }
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
