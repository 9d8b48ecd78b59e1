package com.anthropic.tool.client.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.anthropic.tool.client.TestServers;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every JSON fixture parses; messages re-serialise without losing or adding a field. */
class FixturesTest {
  /** A project-written message using every block type the model knows, plus unknown ones. */
  private static final String RICH = "/messages/rich-message.json";

  @TestFactory
  Stream<DynamicTest> should_parse_every_shared_json_fixture() throws IOException {
    Path dir = TestServers.sharedFixtures().map(p -> p.resolve("json")).orElse(null);
    Assumptions.assumeTrue(dir != null && Files.isDirectory(dir), "shared fixtures absent");
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertFalse(files.isEmpty());
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    dir.relativize(f).toString(),
                    () -> {
                      JsonObject o = Json.parseObject(Files.readString(f));
                      if ("message".equals(Json.str(o, "type"))) {
                        assertRoundTrip(o);
                      } else if (o.has("content")) {
                        // a content fragment (e.g. the redacted_thinking docs example)
                        var blocks = ContentBlock.contentOf(o.get("content"));
                        assertEquals(o.get("content"), ContentBlock.toJsonArray(blocks));
                      }
                    }));
  }

  @Test
  void should_round_trip_a_message_with_every_block_type() throws IOException {
    JsonObject o = Json.parseObject(resource(RICH));
    Message m = assertRoundTrip(o);

    assertEquals("Hi there.", m.text());
    assertEquals("Hi", m.firstText().orElseThrow());
    assertEquals(1, m.toolUses().size());
    assertEquals("get_weather", m.toolUses().get(0).name());
    assertEquals("Let me think.", m.thinking());
    assertEquals(12L, m.usage().inputTokens());
    assertEquals(
        List.of(
            "thinking",
            "redacted_thinking",
            "text",
            "text",
            "tool_use",
            "server_tool_use",
            "web_search_tool_result"),
        m.content().stream().map(ContentBlock::type).toList());
  }

  @Test
  void should_round_trip_request_bodies_with_every_block_type() throws IOException {
    JsonObject body = Json.parseObject(resource("/messages/rich-request.json"));

    MessagesRequest req = MessagesRequest.fromJson(body).build();

    assertEquals(body, req.toJson());
  }

  static Message assertRoundTrip(JsonObject o) {
    Message m = Message.fromJson(o.deepCopy());
    JsonObject back = Json.parseObject(Json.write(m.toJson()));
    assertEquals(o, back, () -> "expected " + Json.write(o) + "\n but was " + Json.write(back));
    return m;
  }

  static String resource(String name) throws IOException {
    try (var in = FixturesTest.class.getResourceAsStream(name)) {
      return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
