package com.anthropic.tool.mock;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Uploaded files kept in memory for the server's life ({@code /v1/files}, beta). Every call must
 * carry the {@code files-api-2025-04-14} beta, as with the API.
 */
final class MockFiles {
  static final String BETA = "files-api-2025-04-14";
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern DISPOSITION_NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
  private static final Pattern DISPOSITION_FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

  private final Clock clock;
  private final Map<String, Stored> files = new LinkedHashMap<>();
  private int next = 1;

  MockFiles(Clock clock) {
    this.clock = clock;
  }

  record Stored(JsonObject metadata, byte[] content) {
    String id() {
      return metadata.get("id").getAsString();
    }
  }

  /** Refuses a call without the Files beta (400, naming the header). */
  static void requireBeta(String betaHeader) {
    if (betaHeader == null || !List.of(betaHeader.split("\\s*,\\s*")).contains(BETA)) {
      throw MockError.invalid(
          "the Files API needs the header anthropic-beta: " + BETA + " (got " + betaHeader + ")");
    }
  }

  /** Stores the {@code file} part of a multipart/form-data body. */
  synchronized JsonObject upload(String contentType, byte[] body) {
    Matcher b = contentType == null ? null : BOUNDARY.matcher(contentType);
    if (contentType == null
        || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")
        || !b.find()) {
      throw MockError.invalid("file: the body must be multipart/form-data with a file part");
    }
    Part part = filePart(body, b.group(1));
    String id = String.format("file_mock%06d", next++);
    JsonObject m = new JsonObject();
    m.addProperty("id", id);
    m.addProperty("type", "file");
    m.addProperty("filename", part.filename());
    m.addProperty("mime_type", part.contentType());
    m.addProperty("size_bytes", part.content().length);
    m.addProperty("created_at", clock.instant().toString());
    m.addProperty("downloadable", true);
    files.put(id, new Stored(m, part.content()));
    return m;
  }

  private record Part(String filename, String contentType, byte[] content) {}

  /** The part named {@code file}: its filename, content type and bytes. */
  private static Part filePart(byte[] body, String boundary) {
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int at = indexOf(body, delimiter, 0);
    while (at >= 0) {
      int headStart = at + delimiter.length + 2; // CRLF after the delimiter
      if (headStart > body.length) {
        break;
      }
      int headEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headStart);
      if (headEnd < 0) {
        break;
      }
      String head = new String(body, headStart, headEnd - headStart, StandardCharsets.UTF_8);
      int next =
          indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), headEnd);
      if (next < 0) {
        break;
      }
      Matcher name = DISPOSITION_NAME.matcher(head);
      if (name.find() && name.group(1).equals("file")) {
        Matcher fn = DISPOSITION_FILENAME.matcher(head);
        String type = "application/octet-stream";
        for (String line : head.split("\r\n")) {
          if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
            type = line.substring("content-type:".length()).strip();
          }
        }
        byte[] content = java.util.Arrays.copyOfRange(body, headEnd + 4, next);
        return new Part(fn.find() ? fn.group(1) : "file", type, content);
      }
      at = next + 2;
    }
    throw MockError.invalid("file: Field required");
  }

  private static int indexOf(byte[] hay, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  synchronized JsonObject list(Map<String, String> query) {
    List<Stored> newestFirst = new ArrayList<>(files.values());
    java.util.Collections.reverse(newestFirst);
    return Paging.page(newestFirst, Stored::id, Stored::metadata, query);
  }

  synchronized Stored get(String id) {
    Stored s = files.get(id);
    if (s == null) {
      throw MockError.notFound("File not found: " + id);
    }
    return s;
  }

  synchronized JsonObject delete(String id) {
    get(id);
    files.remove(id);
    JsonObject o = new JsonObject();
    o.addProperty("id", id);
    o.addProperty("type", "file_deleted");
    return o;
  }

  /** Whether an id names a stored file (for Messages requests that use it). */
  synchronized boolean has(String id) {
    return files.containsKey(id);
  }
}
