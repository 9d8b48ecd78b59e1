package com.anthropic.tool.client.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.internal.SseParser;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.StreamEvent;
import com.anthropic.tool.client.sse.SseFixtures;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every SSE fixture through parser + accumulator, compared with the expected outcome stored in
 * src/test/resources/sse-expected/NAME.json: {@code message} (the final or partial message), {@code
 * error} (when the stream carries an error event) and {@code unparsed_tool_inputs}.
 *
 * <p>Run with {@code -Dsse.regenerate=true} to write the expected files anew from the current code
 * (then review the diff by eye against the fixtures before committing).
 */
class StreamFixturesTest {
  private static final Path EXPECTED = Path.of("src", "test", "resources", "sse-expected");

  static Stream<SseFixtures.Fixture> fixtures() {
    List<SseFixtures.Fixture> all = new ArrayList<>(SseFixtures.own());
    all.addAll(SseFixtures.shared());
    return all.stream();
  }

  /** The events of a whole body, as a MessageStream's parser produces them. */
  static List<StreamEvent> events(byte[] body) {
    List<StreamEvent> out = new ArrayList<>();
    SseParser p = new SseParser((name, data) -> out.add(StreamEvent.parse(name, data)));
    p.feed(body);
    p.end();
    return out;
  }

  /** The outcome of a stream: what the accumulator made of it until the end or an error. */
  static JsonObject outcome(List<StreamEvent> events) {
    StreamAccumulator acc = new StreamAccumulator();
    JsonObject o = new JsonObject();
    for (StreamEvent e : events) {
      if (e instanceof StreamEvent.ErrorEvent) {
        o.addProperty("error", ((StreamEvent.ErrorEvent) e).error().getMessage());
        break; // the API closes the stream after an error
      }
      acc.accept(e);
    }
    o.add("message", acc.hasMessage() ? acc.message().toJson() : JsonNull.INSTANCE);
    o.addProperty("complete", acc.isComplete());
    if (!acc.unparsedToolInputs().isEmpty()) {
      JsonObject u = new JsonObject();
      for (Map.Entry<Integer, String> e : acc.unparsedToolInputs().entrySet()) {
        u.addProperty(String.valueOf(e.getKey()), e.getValue());
      }
      o.add("unparsed_tool_inputs", u);
    }
    return o;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void accumulates_each_fixture_into_the_expected_message(SseFixtures.Fixture f)
      throws IOException {
    JsonObject actual = outcome(events(f.bytes()));
    Path expectedFile = EXPECTED.resolve(f.name().replaceAll("\\.sse$", ".json"));
    if (Boolean.getBoolean("sse.regenerate")) {
      Files.createDirectories(expectedFile.getParent());
      Files.writeString(
          expectedFile,
          new GsonBuilder()
                  .setPrettyPrinting()
                  .serializeNulls()
                  .disableHtmlEscaping()
                  .create()
                  .toJson(actual)
              + "\n",
          StandardCharsets.UTF_8);
    }
    assertTrue(
        Files.exists(expectedFile),
        "no expected outcome " + expectedFile + "; run once with -Dsse.regenerate=true");
    JsonObject expected = Json.parseObject(Files.readString(expectedFile, StandardCharsets.UTF_8));
    assertEquals(expected, actual, f.name() + "\nactual: " + Json.write(actual));
  }

  @org.junit.jupiter.api.Test
  void should_leave_a_cut_off_tool_input_unparsed_that_a_lenient_parser_would_take() {
    // "tru" (a cut-off true) and {"a":1}{ are what Gson's lenient parser accepts
    for (String cut : List.of("tru", "{\"a\":1}{", "{city:Paris}")) {
      String json =
          com.google.gson.JsonParser.parseString("\"" + cut.replace("\"", "\\\"") + "\"")
              .toString();
      String body =
          "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\","
              + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"x\",\"content\":[],"
              + "\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}\n\n"
              + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
              + "\"content_block\":{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"n\",\"input\":{}}}\n\n"
              + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
              + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":"
              + json
              + "}}\n\n"
              + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n";
      StreamAccumulator acc = new StreamAccumulator();
      events(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).forEach(acc::accept);
      assertEquals(Map.of(0, cut), acc.unparsedToolInputs(), cut);
    }
  }
}
