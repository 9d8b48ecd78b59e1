package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.anthropic.tool.client.TestServers;
import com.anthropic.tool.client.model.Json;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.MatchType;
import org.mockserver.model.JsonBody;

/**
 * Answers holding every server tool block type, of the shapes of Anthropic's OpenAPI spec (checked
 * against its BetaMessage schema), through text, json, jsonl, --citations, --trace, -u and chat;
 * and the recorded web search stream of ../shared/fixtures.
 */
class ServerToolOutputTest {
  private static ClientAndServer server;
  @TempDir Path tmp;

  private static final String CALLER = "\"caller\":{\"type\":\"direct\"}";

  /** Every server tool block type in one answer, with a cited text block between them. */
  static final String MESSAGE =
      "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-6\","
          + "\"content\":["
          + "{\"type\":\"server_tool_use\",\"id\":\"srvtoolu_1\",\"name\":\"web_search\","
          + "\"input\":{\"query\":\"oslo weather\"},"
          + CALLER
          + "},"
          + "{\"type\":\"web_search_tool_result\",\"tool_use_id\":\"srvtoolu_1\","
          + CALLER
          + ",\"content\":[{\"type\":\"web_search_result\",\"title\":\"Yr\","
          + "\"url\":\"https://www.yr.no/oslo\",\"encrypted_content\":\"e1\",\"page_age\":null}]},"
          + "{\"type\":\"text\",\"text\":\"It is cold\",\"citations\":[{\"type\":"
          + "\"web_search_result_location\",\"cited_text\":\"-3 C\",\"url\":\"https://www.yr.no/oslo\","
          + "\"title\":\"Yr\",\"encrypted_index\":\"i1\"}]},"
          + "{\"type\":\"text\",\"text\":\". \",\"citations\":null},"
          + "{\"type\":\"server_tool_use\",\"id\":\"srvtoolu_2\",\"name\":\"web_fetch\","
          + "\"input\":{\"url\":\"https://example.com/a\"},"
          + CALLER
          + "},"
          + "{\"type\":\"web_fetch_tool_result\",\"tool_use_id\":\"srvtoolu_2\","
          + CALLER
          + ",\"content\":{\"type\":\"web_fetch_result\",\"url\":\"https://example.com/a\","
          + "\"retrieved_at\":null,\"content\":{\"type\":\"document\",\"title\":\"A page\","
          + "\"citations\":null,\"source\":{\"type\":\"text\",\"media_type\":\"text/plain\","
          + "\"data\":\"page text\"}}}},"
          + "{\"type\":\"server_tool_use\",\"id\":\"srvtoolu_3\",\"name\":\"web_search\","
          + "\"input\":{\"query\":\"more\"},"
          + CALLER
          + "},"
          + "{\"type\":\"web_search_tool_result\",\"tool_use_id\":\"srvtoolu_3\","
          + CALLER
          + ",\"content\":{\"type\":\"web_search_tool_result_error\","
          + "\"error_code\":\"max_uses_exceeded\"}},"
          + "{\"type\":\"server_tool_use\",\"id\":\"srvtoolu_4\",\"name\":\"code_execution\","
          + "\"input\":{\"code\":\"import math\\nprint(math.pi)\"},"
          + CALLER
          + "},"
          + "{\"type\":\"code_execution_tool_result\",\"tool_use_id\":\"srvtoolu_4\","
          + "\"content\":{\"type\":\"code_execution_result\",\"stdout\":\"3.14\\n\",\"stderr\":\"\","
          + "\"return_code\":0,\"content\":[]}},"
          + "{\"type\":\"server_tool_use\",\"id\":\"srvtoolu_5\",\"name\":\"bash_code_execution\","
          + "\"input\":{\"command\":\"ls /nope\"},"
          + CALLER
          + "},"
          + "{\"type\":\"bash_code_execution_tool_result\",\"tool_use_id\":\"srvtoolu_5\","
          + "\"content\":{\"type\":\"bash_code_execution_result\",\"stdout\":\"\","
          + "\"stderr\":\"ls: cannot access\",\"return_code\":2,\"content\":[]}},"
          + "{\"type\":\"server_tool_use\",\"id\":\"srvtoolu_6\","
          + "\"name\":\"text_editor_code_execution\",\"input\":{\"command\":\"view\","
          + "\"path\":\"/tmp/a.txt\"},"
          + CALLER
          + "},"
          + "{\"type\":\"text_editor_code_execution_tool_result\",\"tool_use_id\":\"srvtoolu_6\","
          + "\"content\":{\"type\":\"text_editor_code_execution_tool_result_error\","
          + "\"error_code\":\"unavailable\",\"error_message\":null}},"
          + "{\"type\":\"mcp_tool_use\",\"id\":\"mcptoolu_1\",\"name\":\"echo\","
          + "\"server_name\":\"docs\",\"input\":{\"text\":\"hi\"}},"
          + "{\"type\":\"mcp_tool_result\",\"tool_use_id\":\"mcptoolu_1\",\"is_error\":false,"
          + "\"content\":[{\"type\":\"text\",\"text\":\"echo: hi\",\"citations\":null}]},"
          + "{\"type\":\"text\",\"text\":\"See the sources\",\"citations\":[{\"type\":"
          + "\"web_search_result_location\",\"cited_text\":\"x\",\"url\":\"https://example.com/b\","
          + "\"title\":\"B\",\"encrypted_index\":\"i2\"},{\"type\":\"web_search_result_location\","
          + "\"cited_text\":\"-3 C\",\"url\":\"https://www.yr.no/oslo\",\"title\":\"Yr\","
          + "\"encrypted_index\":\"i1\"}]},"
          + "{\"type\":\"text\",\"text\":\".\",\"citations\":null}"
          + "],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"stop_details\":null,"
          + "\"container\":null,\"context_management\":null,"
          + "\"usage\":{\"input_tokens\":1000,\"output_tokens\":100,"
          + "\"cache_creation_input_tokens\":null,\"cache_read_input_tokens\":null,"
          + "\"cache_creation\":null,\"inference_geo\":null,\"service_tier\":\"standard\","
          + "\"iterations\":null,\"speed\":null,"
          + "\"server_tool_use\":{\"web_search_requests\":3,\"web_fetch_requests\":1}}}";

  static final String TEXT = "It is cold. See the sources.";

  static final String ACTIVITY =
      String.join(
          "\n",
          "web_search: \"oslo weather\"",
          "web_search: 1 result",
          "web_fetch: https://example.com/a",
          "web_fetch: fetched https://example.com/a",
          "web_search: \"more\"",
          "web_search: error max_uses_exceeded",
          "code_execution: 2 lines of python",
          "code_execution: exit 0",
          "code_execution: 1 line of bash",
          "code_execution: exit 2",
          "code_execution: view /tmp/a.txt",
          "code_execution: error unavailable",
          "mcp docs: echo {\"text\":\"hi\"}",
          "mcp: ok");

  @BeforeAll
  static void start() {
    server = ClientAndServer.startClientAndServer(0);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @BeforeEach
  void reset() throws IOException {
    server.reset();
    Path sse =
        TestServers.sharedFixtures()
            .map(p -> p.resolve("sse/pydantic-ai-stream-web_search-citations_delta.sse"))
            .orElse(null);
    if (sse != null && Files.exists(sse)) {
      server
          .when(
              request()
                  .withPath("/v1/messages")
                  .withBody(JsonBody.json("{\"stream\":true}", MatchType.ONLY_MATCHING_FIELDS)))
          .respond(
              response()
                  .withHeader("content-type", "text/event-stream; charset=utf-8")
                  .withBody(Files.readString(sse, StandardCharsets.UTF_8)));
    }
    server.when(request().withPath("/v1/messages")).respond(response().withBody(MESSAGE));
  }

  private CommandHarness harness() {
    return new CommandHarness()
        .env("ANTHROPIC_BASE_URL", "http://127.0.0.1:" + server.getPort())
        .env("ANTHROPIC_API_KEY", "sk-test")
        .env("XDG_CONFIG_HOME", tmp.resolve("config").toString())
        .env("XDG_CACHE_HOME", tmp.resolve("cache").toString())
        .env("XDG_DATA_HOME", tmp.resolve("data").toString())
        .env("XDG_STATE_HOME", tmp.resolve("state").toString());
  }

  private CommandHarness.Result run(String... args) {
    CommandHarness.Result r = harness().run(args);
    assertEquals(0, r.exitCode(), r.describe());
    return r;
  }

  @Test
  void should_test_only_block_shapes_the_spec_has() throws IOException {
    SpecSchemas.spec();
    assertEquals(List.of(), SpecSchemas.errors("BetaMessage", Json.parseObject(MESSAGE)));
    JsonObject bogus = Json.parseObject(MESSAGE);
    bogus.getAsJsonArray("content").get(0).getAsJsonObject().addProperty("id", "not an id!");
    assertFalse(SpecSchemas.errors("BetaMessage", bogus).isEmpty(), "the check is real");
  }

  @Test
  void should_print_the_answer_text_exactly_and_one_activity_line_per_call_and_result() {
    CommandHarness.Result r = run("messages", "--web-search", "Hi");
    assertEquals(TEXT, r.out(), r.describe());
    assertEquals(ACTIVITY + "\n", r.err(), r.describe());
  }

  @Test
  void should_keep_every_block_untouched_in_json() {
    CommandHarness.Result r = run("messages", "--format", "json", "Hi");
    assertEquals(Json.parseObject(MESSAGE), Json.parseObject(r.out()), r.describe());
  }

  @Test
  void should_mark_cited_spans_and_list_the_sources_with_citations() {
    CommandHarness.Result r = run("messages", "--citations", "Hi");
    assertEquals(
        "It is cold[1]. See the sources[2][1].\n\nSources:\n[1] Yr https://www.yr.no/oslo\n"
            + "[2] B https://example.com/b\n",
        r.out(),
        r.describe());
  }

  @Test
  void should_show_the_results_text_with_trace() {
    CommandHarness.Result r = run("messages", "--trace", "Hi");
    assertTrue(r.err().contains("web_search: 1 result\nYr https://www.yr.no/oslo\n"), r.describe());
    assertTrue(r.err().contains("A page\npage text\n"), r.describe());
    assertTrue(r.err().contains("code_execution: exit 0\n3.14\n"), r.describe());
    assertTrue(r.err().contains("mcp: ok\necho: hi\n"), r.describe());
  }

  @Test
  void should_show_control_characters_of_results_visibly_on_a_terminal() {
    server.reset();
    server
        .when(request().withPath("/v1/messages"))
        .respond(response().withBody(MESSAGE.replace("oslo weather", "oslo\\u001b[2Jweather")));
    CommandHarness.Result r = harness().stderrIsTerminal(true).run("messages", "--no-color", "Hi");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.err().contains("web_search: \"oslo^[[2Jweather\""), r.describe());
    assertFalse(r.err().contains("\u001b"), r.describe());
  }

  @Test
  void should_count_searches_and_add_their_cost_with_usage() {
    CommandHarness.Result r = run("messages", "-u", "Hi");
    // claude-sonnet-4-6: 1000 × $3/M + 100 × $15/M = $0.0045, 3 searches × $10/1000 = $0.03
    assertTrue(
        r.err()
            .contains(
                "usage: input_tokens=1000 output_tokens=100 web_search_requests=3"
                    + " web_fetch_requests=1 estimated_cost=$0.034500\n"),
        r.describe());
  }

  @Test
  void should_stream_the_recorded_web_search_answer_in_every_format() throws IOException {
    Path sse =
        TestServers.sharedFixtures()
            .map(p -> p.resolve("sse/pydantic-ai-stream-web_search-citations_delta.sse"))
            .orElse(null);
    Assumptions.assumeTrue(sse != null && Files.exists(sse), "../shared/fixtures is absent");
    List<String> data = new ArrayList<>();
    for (String line : Files.readAllLines(sse, StandardCharsets.UTF_8)) {
      if (line.startsWith("data: ") && !line.contains("\"ping\"")) {
        data.add(line.substring("data: ".length()));
      }
    }
    CommandHarness.Result jsonl = run("stream", "--format", "jsonl", "--web-search", "Hi");
    assertEquals(String.join("\n", data) + "\n", jsonl.out(), jsonl.describe());

    CommandHarness.Result text = run("stream", "--web-search", "-u", "Hi");
    JsonObject message = Json.parseObject(run("stream", "--format", "json", "Hi").out());
    StringBuilder want = new StringBuilder();
    message
        .getAsJsonArray("content")
        .forEach(
            b -> {
              if (b.getAsJsonObject().get("type").getAsString().equals("text")) {
                want.append(b.getAsJsonObject().get("text").getAsString());
              }
            });
    assertEquals(want.toString(), text.out(), text.describe());
    assertTrue(text.err().startsWith("web_search: \"San Francisco weather today"), text.describe());
    assertTrue(text.err().contains("web_search: 10 results\n"), text.describe());
    assertTrue(text.err().contains("web_search_requests=2"), text.describe());

    CommandHarness.Result cited = run("stream", "--citations", "Hi");
    assertTrue(cited.out().startsWith(want.substring(0, 20)), cited.describe());
    assertTrue(cited.out().contains("[1]"), cited.describe());
    assertTrue(cited.out().contains("\n\nSources:\n[1] "), cited.describe());
    String stripped = cited.out().substring(0, cited.out().indexOf("\n\nSources:\n"));
    assertEquals(want.toString().strip(), stripped.replaceAll("\\[\\d+\\]", "").strip());
  }

  @Test
  void should_show_sources_and_activity_in_chat_and_count_searches_in_usage() {
    // chat streams: the answer is the recorded web search stream
    Assumptions.assumeTrue(TestServers.sharedFixtures().isPresent(), "../shared is absent");
    CommandHarness.Result r =
        harness().stdin("Hi\n/usage\n").run("chat", "--web-search", "--no-color");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(
        r.out()
            .contains(
                "\nSources:\n[1] San Francisco, CA Monthly Weather | AccuWeather"
                    + " https://www.accuweather.com/en/us/san-francisco/94103/september-weather/347629\n"),
        r.describe());
    assertTrue(r.err().contains("web_search: \"San Francisco weather today\"\n"), r.describe());
    assertTrue(
        (r.out() + r.err()).contains("server tools: last answer web_search_requests=2"),
        r.describe());
  }

  @Test
  void should_never_show_the_mcp_token_even_with_debug() {
    String token = "mcp-secret-5b1f0e";
    for (String cmd : List.of("messages", "stream", "tool-loop")) {
      CommandHarness.Result r =
          harness()
              .env("DOCS_TOKEN", token)
              .run(
                  cmd,
                  "--debug",
                  "--trace",
                  "-u",
                  "--mcp-server",
                  "https://mcp.example.com/sse name=docs token-env=DOCS_TOKEN",
                  "Hi");
      assertEquals(0, r.exitCode(), r.describe());
      assertFalse((r.out() + r.err()).contains(token), r.describe());
      assertTrue(r.err().contains("anthropic-beta: mcp-client-2025-11-20"), r.describe());
    }
    CommandHarness.Result missing =
        harness().run("messages", "--mcp-server", "https://mcp.example.com token=" + token, "Hi");
    assertEquals(2, missing.exitCode(), missing.describe());
    assertFalse((missing.out() + missing.err()).contains(token), missing.describe());
  }
}
