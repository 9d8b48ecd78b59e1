package com.anthropic.tool.client.model;

import com.google.gson.JsonObject;

/**
 * One citation of a text block: the cited text and where it comes from. A web search result has a
 * title and a URL; a document citation ({@code char_location}, {@code page_location}, {@code
 * content_block_location}) has the document's title and no URL; a {@code search_result_location}
 * has a title and its source as the URL.
 *
 * @param type the citation's {@code type} as sent
 * @param raw the citation as sent, every field
 */
public record Citation(String type, String citedText, String title, String url, JsonObject raw) {

  /** Reads one citation object of a text block or a {@code citations_delta}. */
  public static Citation fromJson(JsonObject o) {
    String title = Json.str(o, "title");
    if (title == null) {
      title = Json.str(o, "document_title");
    }
    String url = Json.str(o, "url");
    if (url == null) {
      url = Json.str(o, "source");
    }
    return new Citation(Json.str(o, "type"), Json.str(o, "cited_text"), title, url, o);
  }

  /** What names the source in a list: {@code TITLE URL}, whichever of them there is. */
  public String label() {
    String t = title == null || title.isBlank() ? "" : title.strip();
    String u = url == null || url.isBlank() ? "" : url.strip();
    if (t.isEmpty() && u.isEmpty()) {
      return Json.str(raw, "document_index") != null
          ? "document " + Json.str(raw, "document_index")
          : String.valueOf(type);
    }
    return t.isEmpty() ? u : u.isEmpty() ? t : t + " " + u;
  }
}
