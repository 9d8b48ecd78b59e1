package com.anthropic.tool.mock;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Message batches kept in memory. A batch is {@code in_progress} when created and has ended after
 * it has been fetched {@code polls} times (1 unless the create call asked otherwise); its results
 * are then computed by {@link MockMessages}, a request the mock would reject becoming an {@code
 * errored} result.
 */
final class MockBatches {
  private final Clock clock;
  private final Map<String, Batch> batches = new LinkedHashMap<>();
  private int next = 1;

  MockBatches(Clock clock) {
    this.clock = clock;
  }

  private static final class Batch {
    final String id;
    final List<String> customIds = new ArrayList<>();
    final List<JsonObject> params = new ArrayList<>();
    final Instant createdAt;
    int pollsLeft;
    Instant cancelInitiatedAt;
    Instant endedAt;

    Batch(String id, Instant createdAt, int polls) {
      this.id = id;
      this.createdAt = createdAt;
      this.pollsLeft = polls;
    }
  }

  synchronized JsonObject create(JsonObject body, int polls, String base) {
    JsonElement requests = body.get("requests");
    if (requests == null || requests.isJsonNull()) {
      throw MockError.invalid("requests: Field required");
    }
    if (!requests.isJsonArray() || requests.getAsJsonArray().isEmpty()) {
      throw MockError.invalid("requests: List should have at least 1 item");
    }
    Batch b = new Batch(String.format("msgbatch_mock_%06d", next++), clock.instant(), polls);
    Set<String> seen = new HashSet<>();
    JsonArray list = requests.getAsJsonArray();
    for (int i = 0; i < list.size(); i++) {
      JsonObject r = list.get(i).isJsonObject() ? list.get(i).getAsJsonObject() : null;
      JsonElement customId = r == null ? null : r.get("custom_id");
      if (customId == null || !customId.isJsonPrimitive()) {
        throw MockError.invalid("requests." + i + ".custom_id: Field required");
      }
      if (!r.has("params") || !r.get("params").isJsonObject()) {
        throw MockError.invalid("requests." + i + ".params: Field required");
      }
      if (!seen.add(customId.getAsString())) {
        throw MockError.invalid(
            "requests." + i + ".custom_id: duplicate custom_id " + customId.getAsString());
      }
      b.customIds.add(customId.getAsString());
      b.params.add(r.getAsJsonObject("params"));
    }
    if (polls <= 0) {
      b.endedAt = b.createdAt;
    }
    batches.put(b.id, b);
    return json(b, base);
  }

  /** One batch; each fetch counts as a poll towards its end. */
  synchronized JsonObject get(String id, String base) {
    Batch b = find(id);
    poll(b);
    return json(b, base);
  }

  synchronized JsonObject list(Map<String, String> query, String base) {
    List<Batch> newestFirst = new ArrayList<>(batches.values());
    java.util.Collections.reverse(newestFirst);
    return Paging.page(newestFirst, b -> b.id, b -> json(b, base), query);
  }

  synchronized JsonObject cancel(String id, String base) {
    Batch b = find(id);
    if (b.endedAt == null && b.cancelInitiatedAt == null) {
      b.cancelInitiatedAt = clock.instant();
    }
    return json(b, base);
  }

  synchronized JsonObject delete(String id) {
    Batch b = find(id);
    if (b.endedAt == null) {
      throw MockError.invalid(
          "Batch " + id + " cannot be deleted while it is processing; cancel it first.");
    }
    batches.remove(id);
    JsonObject o = new JsonObject();
    o.addProperty("id", id);
    o.addProperty("type", "message_batch_deleted");
    return o;
  }

  /** The results as JSONL lines, in request order. */
  synchronized List<String> results(String id) {
    Batch b = find(id);
    if (b.endedAt == null) {
      throw MockError.invalid(
          "Batch " + id + " has not ended yet; results are available once it has ended.");
    }
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < b.customIds.size(); i++) {
      JsonObject line = new JsonObject();
      line.addProperty("custom_id", b.customIds.get(i));
      line.add("result", result(b, i));
      lines.add(line.toString());
    }
    return lines;
  }

  private JsonObject result(Batch b, int i) {
    JsonObject result = new JsonObject();
    if (b.cancelInitiatedAt != null) {
      result.addProperty("type", "canceled");
      return result;
    }
    try {
      MockMessages.Answer a = MockMessages.answer(b.params.get(i));
      result.addProperty("type", "succeeded");
      result.add(
          "message", MockMessages.message(b.id.replace("msgbatch_", "msg_") + "_" + (i + 1), a));
    } catch (MockError e) {
      result.addProperty("type", "errored");
      JsonObject error = new JsonObject();
      error.addProperty("type", "error");
      JsonObject inner = new JsonObject();
      inner.addProperty("type", e.type());
      inner.addProperty("message", e.getMessage());
      error.add("error", inner);
      result.add("error", error);
    }
    return result;
  }

  private Batch find(String id) {
    Batch b = batches.get(id);
    if (b == null) {
      throw MockError.notFound("message batch not found: " + id);
    }
    return b;
  }

  private void poll(Batch b) {
    if (b.endedAt == null && --b.pollsLeft <= 0) {
      b.endedAt = clock.instant();
    }
  }

  private JsonObject json(Batch b, String base) {
    int n = b.customIds.size();
    long succeeded = 0;
    long errored = 0;
    long canceled = 0;
    if (b.endedAt != null) {
      for (int i = 0; i < n; i++) {
        String type = result(b, i).get("type").getAsString();
        if (type.equals("succeeded")) {
          succeeded++;
        } else if (type.equals("errored")) {
          errored++;
        } else {
          canceled++;
        }
      }
    }
    JsonObject o = new JsonObject();
    o.addProperty("id", b.id);
    o.addProperty("type", "message_batch");
    String status =
        b.endedAt != null ? "ended" : b.cancelInitiatedAt != null ? "canceling" : "in_progress";
    o.addProperty("processing_status", status);
    JsonObject counts = new JsonObject();
    counts.addProperty("processing", b.endedAt == null ? n : 0);
    counts.addProperty("succeeded", succeeded);
    counts.addProperty("errored", errored);
    counts.addProperty("canceled", canceled);
    counts.addProperty("expired", 0);
    o.add("request_counts", counts);
    o.addProperty("created_at", b.createdAt.toString());
    o.addProperty("expires_at", b.createdAt.plus(Duration.ofHours(24)).toString());
    time(o, "ended_at", b.endedAt);
    time(o, "cancel_initiated_at", b.cancelInitiatedAt);
    o.add("archived_at", JsonNull.INSTANCE);
    if (b.endedAt == null) {
      o.add("results_url", JsonNull.INSTANCE);
    } else {
      o.addProperty("results_url", base + "/v1/messages/batches/" + b.id + "/results");
    }
    return o;
  }

  private static void time(JsonObject o, String key, Instant t) {
    if (t == null) {
      o.add(key, JsonNull.INSTANCE);
    } else {
      o.addProperty(key, t.toString());
    }
  }
}
