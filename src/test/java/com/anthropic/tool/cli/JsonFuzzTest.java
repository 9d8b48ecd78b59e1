package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.error.ApiException;
import com.anthropic.tool.client.http.Headers;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.ResponseReaders;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/**
 * Every reader of untrusted JSON fed any bytes: the strict parser behind {@code --request}, {@code
 * --tool}, {@code --schema} and batch input; every response reader (messages, batches, models,
 * files, token counts, batch result lines, pages); the error-body reader; and the JSONL batch
 * input.
 *
 * <ul>
 *   <li>the parser accepts exactly what a strict RFC 8259 reader accepts, and a refusal is our own
 *       {@link Json.InvalidJsonException} naming a line and a column inside the text, in words of
 *       our own (no JSON library advice or links);
 *   <li>a response reader returns or throws {@link IllegalArgumentException} (which the client
 *       turns into its typed invalid-response error), never another runtime exception;
 *   <li>an error body of any shape gives a typed {@link ApiException}, never a failure of its own;
 *   <li>batch input gives its requests or a usage error (exit 2) naming a line.
 * </ul>
 *
 * Seeds: {@code src/test/resources/com/anthropic/tool/cli/JsonFuzzTestInputs/}; {@code
 * scripts/fuzz.sh} adds every JSON fixture of ../shared.
 */
class JsonFuzzTest {
  @FuzzTest(maxDuration = "20s")
  void untrusted_json_gives_only_typed_errors(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    JsonElement parsed = strictParse(text);
    if (parsed != null && parsed.isJsonObject()) {
      readResponses(parsed.getAsJsonObject());
    }
    readErrorBody(input, text);
    readBatchInput(input);
  }

  private static JsonElement strictParse(String text) {
    JsonElement reference = gsonStrict(text);
    JsonElement ours;
    try {
      ours = Json.parseStrict(text);
    } catch (Json.InvalidJsonException e) {
      assertTrue(
          reference == null,
          () -> "refused JSON a strict reader takes: " + text + " (" + e.getMessage() + ")");
      assertTrue(e.line() >= 1 && e.column() >= 1, () -> "no position in: " + e.getMessage());
      assertTrue(
          e.line() <= text.split("\\R", -1).length,
          () -> "line beyond the text: " + e.getMessage());
      String m = e.getMessage().toLowerCase(java.util.Locale.ROOT);
      assertFalse(
          m.contains("http") || m.contains("setstrictness") || m.contains("jsonreader"),
          () -> "a JSON library's advice in: " + e.getMessage());
      return null;
    }
    if (!text.isBlank()) {
      assertEquals(reference, ours, () -> "took JSON a strict reader refuses: " + text);
    }
    return ours;
  }

  /** Gson's strict reader, the reference: the value, or null when it refuses the text. */
  private static JsonElement gsonStrict(String text) {
    try {
      JsonReader reader = new JsonReader(new StringReader(text));
      reader.setStrictness(Strictness.STRICT);
      JsonElement e = JsonParser.parseReader(reader);
      return reader.peek() == JsonToken.END_DOCUMENT ? e : null;
    } catch (IOException | RuntimeException refused) {
      return null;
    }
  }

  private static void readResponses(JsonObject o) {
    for (Map.Entry<String, Function<JsonObject, Object>> reader :
        ResponseReaders.all().entrySet()) {
      try {
        assertNotNull(reader.getValue().apply(o.deepCopy()), reader.getKey());
      } catch (IllegalArgumentException documented) {
        // the client turns it into InvalidResponseException
      } catch (RuntimeException e) {
        throw new AssertionError(reader.getKey() + " threw " + e + " for " + Json.write(o), e);
      }
    }
  }

  private static void readErrorBody(byte[] input, String text) {
    int status = input.length == 0 ? 500 : 400 + (input[0] & 0x7f);
    ApiException e = ApiException.fromResponse(status, Headers.empty(), text);
    assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "a message");
    assertEquals(status, e.status());
  }

  private static void readBatchInput(byte[] input) {
    StringWriter err = new StringWriter();
    try {
      BatchInput.jsonl(new ByteArrayInputStream(input), "--input f.jsonl", new PrintWriter(err));
    } catch (CliException e) {
      assertEquals(ExitCodes.USAGE, e.exitCode(), e::getMessage);
      assertTrue(
          e.getMessage().contains("line ") || e.getMessage().contains("no requests"),
          () -> "names no line: " + e.getMessage());
    } catch (RuntimeException e) {
      throw new AssertionError("batch input threw " + e, e);
    }
  }
}
