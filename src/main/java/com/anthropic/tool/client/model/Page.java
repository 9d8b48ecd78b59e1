package com.anthropic.tool.client.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list endpoint. {@code lastId} is the cursor for the next page ({@code after_id}),
 * {@code firstId} for the previous one ({@code before_id}).
 */
public record Page<T>(List<T> data, boolean hasMore, String firstId, String lastId) {
  public Page {
    data = List.copyOf(data);
  }

  /** Reads a list response, turning each item of {@code data} with {@code item}. */
  public static <T> Page<T> fromJson(JsonObject o, Function<JsonObject, T> item) {
    List<T> items = new ArrayList<>();
    var arr = Json.arr(o, "data");
    if (arr != null) {
      for (JsonElement e : arr) {
        if (e.isJsonObject()) {
          items.add(item.apply(e.getAsJsonObject()));
        }
      }
    }
    Boolean more = Json.bool(o, "has_more");
    return new Page<>(items, more != null && more, Json.str(o, "first_id"), Json.str(o, "last_id"));
  }
}
