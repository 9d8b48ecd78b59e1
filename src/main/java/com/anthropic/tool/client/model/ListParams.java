package com.anthropic.tool.client.model;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Paging parameters of a list endpoint; null fields are left out of the query.
 *
 * @param limit page size, 1 to 1000 (the API's default is 20)
 * @param afterId return the page after this id
 * @param beforeId return the page before this id
 */
public record ListParams(Integer limit, String afterId, String beforeId) {
  public ListParams {
    if (limit != null && (limit < 1 || limit > 1000)) {
      throw new com.anthropic.tool.client.error.InvalidRequestException(
          "limit must be between 1 and 1000, got " + limit);
    }
    if (afterId != null && beforeId != null) {
      throw new com.anthropic.tool.client.error.InvalidRequestException(
          "give after_id or before_id, not both");
    }
  }

  /** The API's defaults: first page, 20 items. */
  public static ListParams defaults() {
    return new ListParams(null, null, null);
  }

  public ListParams withAfterId(String id) {
    return new ListParams(limit, id, null);
  }

  /** The query string, {@code ?limit=..&after_id=..}, or empty. */
  public String query() {
    List<String> parts = new ArrayList<>();
    if (limit != null) {
      parts.add("limit=" + limit);
    }
    if (afterId != null) {
      parts.add("after_id=" + URLEncoder.encode(afterId, StandardCharsets.UTF_8));
    }
    if (beforeId != null) {
      parts.add("before_id=" + URLEncoder.encode(beforeId, StandardCharsets.UTF_8));
    }
    return parts.isEmpty() ? "" : "?" + String.join("&", parts);
  }
}
