package com.anthropic.tool.client.model;

import com.google.gson.JsonObject;
import java.util.Objects;

/**
 * The {@code delta} of a {@code content_block_delta} event. Each keeps its JSON in {@code raw};
 * delta types this library does not model arrive as {@link Unknown}, never as an error.
 */
public sealed interface Delta {
  /** The delta's {@code type}, e.g. {@code text_delta}. */
  String type();

  /** The delta object as sent. */
  JsonObject raw();

  /** More text for a text block. */
  record Text(String text, JsonObject raw) implements Delta {
    @Override
    public String type() {
      return "text_delta";
    }
  }

  /** A piece of a tool call's input JSON (not valid JSON on its own). */
  record InputJson(String partialJson, JsonObject raw) implements Delta {
    @Override
    public String type() {
      return "input_json_delta";
    }
  }

  /** More thinking text. */
  record Thinking(String thinking, JsonObject raw) implements Delta {
    @Override
    public String type() {
      return "thinking_delta";
    }
  }

  /** The signature of a thinking block. */
  record Signature(String signature, JsonObject raw) implements Delta {
    @Override
    public String type() {
      return "signature_delta";
    }
  }

  /** One more citation for a text block. */
  record Citations(JsonObject citation, JsonObject raw) implements Delta {
    @Override
    public String type() {
      return "citations_delta";
    }
  }

  /** A delta type this library does not model (e.g. {@code compaction_delta}). */
  record Unknown(String type, JsonObject raw) implements Delta {}

  /** Reads a delta object; unknown types become {@link Unknown}. */
  static Delta fromJson(JsonObject o) {
    Objects.requireNonNull(o, "o");
    String type = Objects.requireNonNullElse(Json.str(o, "type"), "");
    switch (type) {
      case "text_delta":
        return new Text(Objects.requireNonNullElse(Json.str(o, "text"), ""), o);
      case "input_json_delta":
        return new InputJson(Objects.requireNonNullElse(Json.str(o, "partial_json"), ""), o);
      case "thinking_delta":
        return new Thinking(Objects.requireNonNullElse(Json.str(o, "thinking"), ""), o);
      case "signature_delta":
        return new Signature(Objects.requireNonNullElse(Json.str(o, "signature"), ""), o);
      case "citations_delta":
        JsonObject c = Json.obj(o, "citation");
        return c == null ? new Unknown(type, o) : new Citations(c, o);
      default:
        return new Unknown(type, o);
    }
  }
}
