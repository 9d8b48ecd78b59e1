package com.anthropic.tool.client.model;

import com.google.gson.JsonObject;

/**
 * An uploaded file ({@code FileMetadataSchema}); {@link #raw()} is the object as the API sent it.
 *
 * @param sizeBytes the size in bytes, or -1 when the API did not say
 */
public record FileMetadata(
    String id,
    String filename,
    String mimeType,
    long sizeBytes,
    String createdAt,
    boolean downloadable,
    JsonObject raw) {

  public static FileMetadata fromJson(JsonObject o) {
    Long size = Json.longValue(o, "size_bytes");
    Boolean downloadable = Json.bool(o, "downloadable");
    return new FileMetadata(
        Json.str(o, "id"),
        Json.str(o, "filename"),
        Json.str(o, "mime_type"),
        size == null ? -1 : size,
        Json.str(o, "created_at"),
        downloadable != null && downloadable,
        o);
  }

  /** Whether a content block can show this file as an image (any {@code image/*} type). */
  public boolean isImage() {
    return mimeType != null && mimeType.startsWith("image/");
  }
}
