package com.anthropic.tool.client.model;

import com.google.gson.JsonObject;

/** Where an image or document's bytes come from. */
public sealed interface Source {
  JsonObject toJson();

  /** Base64-encoded bytes with a media type (image/png, application/pdf, ...). */
  record Base64(String mediaType, String data) implements Source {
    @Override
    public JsonObject toJson() {
      JsonObject o = new JsonObject();
      o.addProperty("type", "base64");
      o.addProperty("media_type", mediaType);
      o.addProperty("data", data);
      return o;
    }
  }

  /** A URL the API fetches itself. */
  record Url(String url) implements Source {
    @Override
    public JsonObject toJson() {
      JsonObject o = new JsonObject();
      o.addProperty("type", "url");
      o.addProperty("url", url);
      return o;
    }
  }

  /** A plain-text document. */
  record Text(String mediaType, String data) implements Source {
    @Override
    public JsonObject toJson() {
      JsonObject o = new JsonObject();
      o.addProperty("type", "text");
      o.addProperty("media_type", mediaType == null ? "text/plain" : mediaType);
      o.addProperty("data", data);
      return o;
    }
  }

  /** A file uploaded through the Files API, by id (needs the {@code files-api-2025-04-14} beta). */
  record File(String fileId) implements Source {
    @Override
    public JsonObject toJson() {
      JsonObject o = new JsonObject();
      o.addProperty("type", "file");
      o.addProperty("file_id", fileId);
      return o;
    }
  }

  /** Any other source shape (content blocks, ...), kept as sent. */
  record Other(JsonObject raw) implements Source {
    @Override
    public JsonObject toJson() {
      return raw.deepCopy();
    }
  }

  static Source fromJson(JsonObject o) {
    String type = Json.str(o, "type");
    if ("base64".equals(type)) {
      return new Base64(Json.str(o, "media_type"), Json.str(o, "data"));
    } else if ("url".equals(type)) {
      return new Url(Json.str(o, "url"));
    } else if ("text".equals(type)) {
      return new Text(Json.str(o, "media_type"), Json.str(o, "data"));
    } else if ("file".equals(type) && Json.str(o, "file_id") != null && o.size() == 2) {
      return new File(Json.str(o, "file_id"));
    }
    return new Other(o.deepCopy());
  }
}
