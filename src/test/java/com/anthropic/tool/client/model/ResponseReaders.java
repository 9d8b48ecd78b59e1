package com.anthropic.tool.client.model;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Every reader of a response body the client has, by name, for tests outside this package (the
 * batch result reader is package-private).
 */
public final class ResponseReaders {
  private ResponseReaders() {}

  /** Each reader; each returns the parsed value or throws {@link IllegalArgumentException}. */
  public static Map<String, Function<JsonObject, Object>> all() {
    Map<String, Function<JsonObject, Object>> m = new LinkedHashMap<>();
    m.put("Message", Message::fromJson);
    m.put("MessageBatch", MessageBatch::fromJson);
    m.put("ModelInfo", ModelInfo::fromJson);
    m.put("TokenCount", TokenCount::fromJson);
    m.put("FileMetadata", FileMetadata::fromJson);
    m.put("BatchResult", BatchResult::fromJson);
    m.put("Page<ModelInfo>", o -> Page.fromJson(o, ModelInfo::fromJson));
    m.put("Page<MessageBatch>", o -> Page.fromJson(o, MessageBatch::fromJson));
    m.put("Page<FileMetadata>", o -> Page.fromJson(o, FileMetadata::fromJson));
    return m;
  }
}
