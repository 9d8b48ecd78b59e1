package com.anthropic.tool.store;

import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.Source;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Turns as kept in the log ({@code responses.turns_json}): the API's messages JSON, except that the
 * bytes of a base64 image or document never enter the log; such a block becomes a text block that
 * names it (media type, size, SHA-256).
 */
public final class Turns {
  private Turns() {}

  /** The JSON kept for these turns. */
  static String toJson(List<MessageParam> turns) {
    JsonArray a = new JsonArray();
    for (MessageParam m : turns) {
      List<ContentBlock> blocks = new ArrayList<>(m.content().size());
      for (ContentBlock b : m.content()) {
        blocks.add(withoutBytes(b));
      }
      a.add(new MessageParam(m.role(), blocks).toJson());
    }
    return Json.write(a);
  }

  /**
   * The turns kept as {@code json}.
   *
   * @throws IllegalArgumentException when it is not a list of turns
   */
  static List<MessageParam> fromJson(String json) {
    JsonElement e;
    try {
      e = Json.parseStrict(json);
    } catch (JsonParseException ex) {
      throw new IllegalArgumentException(ex.getMessage(), ex);
    }
    if (!e.isJsonArray()) {
      throw new IllegalArgumentException("the turns are not a JSON array");
    }
    List<MessageParam> out = new ArrayList<>();
    for (JsonElement t : e.getAsJsonArray()) {
      if (!t.isJsonObject()) {
        throw new IllegalArgumentException("a turn is not a JSON object");
      }
      MessageParam m = MessageParam.fromJson(t.getAsJsonObject());
      if (!m.role().equals("user") && !m.role().equals("assistant")) {
        throw new IllegalArgumentException("a turn's role must be user or assistant");
      }
      out.add(m);
    }
    return out;
  }

  private static ContentBlock withoutBytes(ContentBlock b) {
    if (b instanceof ContentBlock.Image i && i.source() instanceof Source.Base64 s) {
      return ContentBlock.Text.of(note("image", s));
    }
    if (b instanceof ContentBlock.Document d && d.source() instanceof Source.Base64 s) {
      return ContentBlock.Text.of(note("document", s));
    }
    if (b instanceof ContentBlock.ToolResult r) {
      List<ContentBlock> inner = new ArrayList<>(r.content().size());
      boolean changed = false;
      for (ContentBlock c : r.content()) {
        ContentBlock kept = withoutBytes(c);
        changed |= kept != c;
        inner.add(kept);
      }
      return changed
          ? new ContentBlock.ToolResult(
              r.toolUseId(), inner, r.isError(), r.cacheControl(), r.raw())
          : b;
    }
    return b;
  }

  private static String note(String what, Source.Base64 s) {
    byte[] bytes = decoded(s.data());
    return "["
        + what
        + " "
        + s.mediaType()
        + ", "
        + bytes.length
        + " bytes, sha256 "
        + sha256(bytes)
        + ": not kept in the log]";
  }

  static byte[] decoded(String base64) {
    try {
      return java.util.Base64.getMimeDecoder().decode(base64 == null ? "" : base64);
    } catch (IllegalArgumentException e) {
      return (base64 == null ? "" : base64).getBytes(StandardCharsets.UTF_8);
    }
  }

  /** The SHA-256 of {@code bytes}, in lower-case hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
