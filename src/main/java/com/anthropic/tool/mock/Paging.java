package com.anthropic.tool.mock;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The API's list paging: {@code limit}, {@code after_id}, {@code before_id}, newest first. */
final class Paging {
  private Paging() {}

  static <T> JsonObject page(
      List<T> items, Function<T, String> id, Function<T, JsonObject> json, Map<String, String> q) {
    int limit = 20;
    if (q.containsKey("limit")) {
      try {
        limit = Integer.parseInt(q.get("limit"));
      } catch (NumberFormatException e) {
        throw MockError.invalid("limit: Input should be a valid integer");
      }
      if (limit < 1 || limit > 1000) {
        throw MockError.invalid("limit: Input should be between 1 and 1000");
      }
    }
    String after = q.get("after_id");
    String before = q.get("before_id");
    if (after != null && before != null) {
      throw MockError.invalid("after_id and before_id cannot both be given");
    }
    int from = 0;
    int to = items.size();
    if (after != null) {
      from = indexOf(items, id, after, "after_id") + 1;
      to = Math.min(items.size(), from + limit);
    } else if (before != null) {
      to = indexOf(items, id, before, "before_id");
      from = Math.max(0, to - limit);
    } else {
      to = Math.min(items.size(), limit);
    }
    boolean hasMore = before != null ? from > 0 : to < items.size();
    JsonArray data = new JsonArray();
    for (T item : items.subList(from, to)) {
      data.add(json.apply(item));
    }
    JsonObject page = new JsonObject();
    page.add("data", data);
    page.addProperty("has_more", hasMore);
    if (data.isEmpty()) {
      page.add("first_id", JsonNull.INSTANCE);
      page.add("last_id", JsonNull.INSTANCE);
    } else {
      page.addProperty("first_id", id.apply(items.get(from)));
      page.addProperty("last_id", id.apply(items.get(to - 1)));
    }
    return page;
  }

  private static <T> int indexOf(List<T> items, Function<T, String> id, String want, String name) {
    for (int i = 0; i < items.size(); i++) {
      if (id.apply(items.get(i)).equals(want)) {
        return i;
      }
    }
    throw MockError.invalid(name + ": no item with id " + want);
  }
}
