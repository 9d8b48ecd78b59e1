package com.anthropic.tool.client.model;

import com.google.gson.JsonObject;
import java.util.Objects;

/**
 * A message batch. {@link #raw()} is the object as the API sent it, unknown and null fields
 * included. Times are RFC 3339 strings, null when not (yet) set.
 */
public record MessageBatch(
    String id,
    String processingStatus,
    RequestCounts requestCounts,
    String createdAt,
    String endedAt,
    String expiresAt,
    String cancelInitiatedAt,
    String archivedAt,
    String resultsUrl,
    JsonObject raw) {
  public MessageBatch {
    Objects.requireNonNull(raw, "raw");
    requestCounts = requestCounts == null ? new RequestCounts(0, 0, 0, 0, 0) : requestCounts;
  }

  /** Whether processing has ended (results can be fetched). */
  public boolean ended() {
    return "ended".equals(processingStatus);
  }

  public static MessageBatch fromJson(JsonObject o) {
    return new MessageBatch(
        Json.str(o, "id"),
        Json.str(o, "processing_status"),
        RequestCounts.fromJson(Json.obj(o, "request_counts")),
        Json.str(o, "created_at"),
        Json.str(o, "ended_at"),
        Json.str(o, "expires_at"),
        Json.str(o, "cancel_initiated_at"),
        Json.str(o, "archived_at"),
        Json.str(o, "results_url"),
        o);
  }

  /** Tallies of the batch's requests by state. */
  public record RequestCounts(
      long processing, long succeeded, long errored, long canceled, long expired) {
    public long total() {
      return processing + succeeded + errored + canceled + expired;
    }

    static RequestCounts fromJson(JsonObject o) {
      if (o == null) {
        return null;
      }
      return new RequestCounts(
          n(o, "processing"),
          n(o, "succeeded"),
          n(o, "errored"),
          n(o, "canceled"),
          n(o, "expired"));
    }

    private static long n(JsonObject o, String key) {
      Long v = Json.longValue(o, key);
      return v == null ? 0 : v;
    }
  }
}
