package com.anthropic.tool.client.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.CallOptions;
import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.model.Source;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tool loop against a scripted loopback API, streamed and not: the exact request body of every
 * round, tool results in the model's order, and every way the loop ends.
 */
class ToolLoopTest {
  private static final String TOOLS =
      "[{\"name\":\"weather\",\"description\":\"Weather in a city\","
          + "\"input_schema\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}]";
  private static final String USER =
      "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}";

  private ScriptedApi api;
  private AnthropicClient client;

  @BeforeEach
  void setUp() throws Exception {
    api = new ScriptedApi();
    client = AnthropicClient.builder().apiKey("k").baseUrl(api.baseUrl()).maxRetries(0).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
    api.close();
  }

  static String message(String stopReason, String... blocks) {
    return ScriptedApi.message(stopReason, blocks);
  }

  static String text(String t) {
    return ScriptedApi.text(t);
  }

  static String toolUse(String id, String city) {
    return ScriptedApi.toolUse(id, "weather", "{\"city\":\"" + city + "\"}");
  }

  static String result(String id, String text, boolean error) {
    return "{\"type\":\"tool_result\",\"tool_use_id\":\""
        + id
        + "\",\"content\":[{\"type\":\"text\",\"text\":\""
        + text
        + "\"}]"
        + (error ? ",\"is_error\":true" : "")
        + "}";
  }

  private static MessagesRequest request() {
    JsonObject body =
        JsonParser.parseString(
                "{\"model\":\"claude-test\",\"max_tokens\":16,\"system\":\"Be brief.\","
                    + "\"tool_choice\":{\"type\":\"auto\"},\"messages\":["
                    + USER
                    + "],\"tools\":"
                    + TOOLS
                    + "}")
            .getAsJsonObject();
    return MessagesRequest.fromJson(body).build();
  }

  /** The body the loop must send in a round with these messages. */
  private static JsonObject expectedBody(boolean stream, String... messages) {
    return JsonParser.parseString(
            "{\"model\":\"claude-test\",\"max_tokens\":16,\"messages\":["
                + String.join(",", messages)
                + "],\"system\":[{\"type\":\"text\",\"text\":\"Be brief.\"}],"
                + (stream ? "\"stream\":true," : "")
                + "\"tools\":"
                + TOOLS
                + ",\"tool_choice\":{\"type\":\"auto\"}}")
        .getAsJsonObject();
  }

  private static String assistant(String... blocks) {
    return "{\"role\":\"assistant\",\"content\":[" + String.join(",", blocks) + "]}";
  }

  private static String user(String... blocks) {
    return "{\"role\":\"user\",\"content\":[" + String.join(",", blocks) + "]}";
  }

  private ToolLoopResult run(boolean stream, ToolLoop loop, ToolLoopListener listener) {
    return stream ? loop.stream(request(), listener) : loop.run(request(), listener);
  }

  private ToolLoopResult run(boolean stream, ToolLoop loop) {
    return run(stream, loop, new ToolLoopListener() {});
  }

  private static ToolOutput weather(ToolCall call) {
    return ToolOutput.ok(call.input().get("city").getAsString() + " 21C");
  }

  @ParameterizedTest(name = "stream={0}")
  @ValueSource(booleans = {false, true})
  void should_run_one_tool_call_then_send_the_answer_back_with_everything_else_unchanged(
      boolean stream) {
    api.answer(
        message("tool_use", text("Let me look."), toolUse("toolu_1", "Paris")),
        message("end_turn", text("It is 21C in Paris.")));

    ToolLoopResult r =
        run(stream, ToolLoop.builder(client).executor(ToolLoopTest::weather).build());

    assertEquals(2, api.bodies().size());
    assertEquals(expectedBody(stream, USER), api.body(0));
    assertEquals(
        expectedBody(
            stream,
            USER,
            assistant(text("Let me look."), toolUse("toolu_1", "Paris")),
            user(result("toolu_1", "Paris 21C", false))),
        api.body(1));
    assertEquals("It is 21C in Paris.", r.finalMessage().text());
    assertEquals(ToolLoopResult.Outcome.COMPLETED, r.outcome());
    assertEquals(2, r.iterations());
    assertEquals(4, r.transcript().size());
    assertEquals("assistant", r.transcript().get(3).role());
  }

  @ParameterizedTest(name = "stream={0}")
  @ValueSource(booleans = {false, true})
  void should_run_two_calls_of_one_turn_concurrently_and_answer_in_the_models_order(
      boolean stream) {
    api.answer(
        message("tool_use", toolUse("toolu_a", "Oslo"), toolUse("toolu_b", "Rome")),
        message("end_turn", text("done")));
    CountDownLatch bothStarted = new CountDownLatch(2);
    ToolExecutor slowFirst =
        call -> {
          bothStarted.countDown();
          // each call waits until the other has started: this only ends when they run together
          if (!bothStarted.await(10, TimeUnit.SECONDS)) {
            return ToolOutput.error("not concurrent");
          }
          if (call.id().equals("toolu_a")) {
            Thread.sleep(50); // the first call finishes last
          }
          return weather(call);
        };

    run(stream, ToolLoop.builder(client).executor(slowFirst).parallelism(4).build());

    assertEquals(
        expectedBody(
            stream,
            USER,
            assistant(toolUse("toolu_a", "Oslo"), toolUse("toolu_b", "Rome")),
            user(result("toolu_a", "Oslo 21C", false), result("toolu_b", "Rome 21C", false))),
        api.body(1));
  }

  @ParameterizedTest(name = "stream={0}")
  @ValueSource(booleans = {false, true})
  void should_send_the_call_options_with_every_round(boolean stream) {
    api.answer(
        message("tool_use", toolUse("toolu_1", "Paris")), message("end_turn", text("Done.")));

    run(
        stream,
        ToolLoop.builder(client)
            .executor(ToolLoopTest::weather)
            .callOptions(CallOptions.builder().beta("files-api-2025-04-14").build())
            .build());

    assertEquals(List.of("files-api-2025-04-14", "files-api-2025-04-14"), api.betas());
  }

  @ParameterizedTest(name = "stream={0}")
  @ValueSource(booleans = {false, true})
  void should_send_a_failed_tool_as_is_error(boolean stream) {
    api.answer(
        message("tool_use", toolUse("toolu_1", "Nowhere")), message("end_turn", text("Sorry.")));

    run(stream, ToolLoop.builder(client).executor(c -> ToolOutput.error("unknown city")).build());

    assertEquals(
        expectedBody(
            stream,
            USER,
            assistant(toolUse("toolu_1", "Nowhere")),
            user(result("toolu_1", "unknown city", true))),
        api.body(1));
  }

  @ParameterizedTest(name = "stream={0}")
  @ValueSource(booleans = {false, true})
  void should_end_with_a_typed_error_carrying_the_transcript_when_an_executor_throws(
      boolean stream) {
    api.answer(
        message("tool_use", toolUse("toolu_1", "Paris")), message("end_turn", text("never")));

    ToolExecutionException e =
        assertThrows(
            ToolExecutionException.class,
            () ->
                run(
                    stream,
                    ToolLoop.builder(client)
                        .executor(
                            c -> {
                              throw new IllegalStateException("disk on fire");
                            })
                        .build()));

    assertEquals(1, api.bodies().size(), "nothing is sent after the failure");
    assertEquals("toolu_1", e.call().id());
    assertEquals("disk on fire", e.getCause().getMessage());
    assertTrue(e.getMessage().contains("weather"), e.getMessage());
    assertEquals(2, e.transcript().size());
    assertEquals("assistant", e.transcript().get(1).role());
    assertEquals(10L, e.usage().inputTokens());
  }

  @ParameterizedTest(name = "stream={0}")
  @ValueSource(booleans = {false, true})
  void should_stop_after_max_iterations_api_calls_without_running_the_last_turns_tools(
      boolean stream) {
    api.answer(
        message("tool_use", toolUse("toolu_1", "A")),
        message("tool_use", text("again"), toolUse("toolu_2", "B")),
        message("end_turn", text("never asked for")));
    List<String> ran = new CopyOnWriteArrayList<>();

    ToolLoopResult r =
        run(
            stream,
            ToolLoop.builder(client)
                .executor(
                    c -> {
                      ran.add(c.id());
                      return weather(c);
                    })
                .maxIterations(2)
                .build());

    assertEquals(ToolLoopResult.Outcome.MAX_ITERATIONS, r.outcome());
    assertEquals(2, api.bodies().size());
    assertEquals(List.of("toolu_1"), ran);
    assertEquals("again", r.finalMessage().text());
    assertEquals(2, r.iterations());
  }

  @ParameterizedTest(name = "stream={0}")
  @ValueSource(booleans = {false, true})
  void should_stop_on_refusal_without_running_tools(boolean stream) {
    api.answer(message("refusal", text("I can't help with that."), toolUse("toolu_1", "X")));
    List<String> ran = new CopyOnWriteArrayList<>();

    ToolLoopResult r =
        run(
            stream,
            ToolLoop.builder(client)
                .executor(
                    c -> {
                      ran.add(c.id());
                      return weather(c);
                    })
                .build());

    assertEquals(ToolLoopResult.Outcome.REFUSED, r.outcome());
    assertEquals(1, api.bodies().size());
    assertTrue(ran.isEmpty());
  }

  @ParameterizedTest(name = "stream={0}")
  @ValueSource(booleans = {false, true})
  void should_continue_a_pause_turn_by_sending_the_assistant_turn_back_as_it_is(boolean stream) {
    String search =
        "{\"type\":\"server_tool_use\",\"id\":\"srvtoolu_1\",\"name\":\"web_search\",\"input\":{\"query\":\"news\"}}";
    api.answer(
        message("pause_turn", text("Searching."), search), message("end_turn", text("Found it.")));

    ToolLoopResult r =
        run(
            stream,
            ToolLoop.builder(client)
                .executor(
                    c -> {
                      throw new AssertionError("no client tool was asked for");
                    })
                .build());

    assertEquals(expectedBody(stream, USER, assistant(text("Searching."), search)), api.body(1));
    assertEquals("Found it.", r.finalMessage().text());
    assertEquals(ToolLoopResult.Outcome.COMPLETED, r.outcome());
  }

  @ParameterizedTest(name = "stream={0}")
  @ValueSource(booleans = {false, true})
  void should_send_server_tool_unknown_and_thinking_blocks_back_byte_for_byte(boolean stream) {
    String thinking =
        "{\"type\":\"thinking\",\"thinking\":\"The user wants weather; caf\\u00e9 \\\"quoted\\\".\",\"signature\":\"EqQBCkYIBxgCKkBsig==\"}";
    String redacted = "{\"type\":\"redacted_thinking\",\"data\":\"EmwKAhgBEgy3va3pzix/LafPsn4a\"}";
    String search =
        "{\"type\":\"server_tool_use\",\"id\":\"srvtoolu_1\",\"name\":\"web_search\",\"input\":{\"query\":\"paris weather\",\"n\":1.50}}";
    String searchResult =
        "{\"type\":\"web_search_tool_result\",\"tool_use_id\":\"srvtoolu_1\",\"content\":[{\"type\":\"web_search_result\",\"url\":\"https://example.com/\",\"title\":\"Weather\",\"encrypted_content\":\"Eq8=\",\"page_age\":null}]}";
    String future = "{\"type\":\"some_future_block\",\"payload\":{\"deep\":[1,2,{\"x\":null}]}}";
    String use = toolUse("toolu_1", "Paris");
    // the scripted server writes compact JSON; compact is also how the client writes, so the
    // blocks must appear in the next request exactly as these strings
    api.answer(
        message("tool_use", thinking, redacted, search, searchResult, future, use),
        message("end_turn", text("ok")));

    run(stream, ToolLoop.builder(client).executor(ToolLoopTest::weather).build());

    String sent = api.bodies().get(1);
    String compactThinking = JsonParser.parseString(thinking).toString();
    for (String block : List.of(compactThinking, redacted, search, searchResult, future, use)) {
      assertTrue(sent.contains(block), "missing " + block + " in " + sent);
    }
    assertEquals(
        expectedBody(
            stream,
            USER,
            assistant(thinking, redacted, search, searchResult, future, use),
            user(result("toolu_1", "Paris 21C", false))),
        api.body(1));
  }

  @Test
  void should_send_each_round_the_rewritten_messages_and_keep_the_transcript_as_it_was() {
    api.answer(
        message("tool_use", toolUse("toolu_1", "Paris")), message("end_turn", text("It is 21C.")));
    String marked = "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"marked\"}]}";

    ToolLoopResult r =
        run(
            true,
            ToolLoop.builder(client)
                .executor(ToolLoopTest::weather)
                .messagesSent(
                    msgs -> {
                      List<MessageParam> out = new java.util.ArrayList<>(msgs);
                      out.add(MessageParam.user("marked"));
                      return out;
                    })
                .build());

    assertEquals(expectedBody(true, USER, marked), api.body(0));
    assertEquals(
        expectedBody(
            true,
            USER,
            assistant(toolUse("toolu_1", "Paris")),
            user(result("toolu_1", "Paris 21C", false)),
            marked),
        api.body(1));
    assertEquals(4, r.transcript().size(), r.transcript().toString());
    assertEquals("assistant", r.transcript().get(3).role());
  }

  @Test
  void should_sum_usage_over_all_rounds() {
    api.answer(
        message("tool_use", toolUse("toolu_1", "A")),
        message("tool_use", toolUse("toolu_2", "B")),
        message("end_turn", text("done")));

    ToolLoopResult r = run(false, ToolLoop.builder(client).executor(ToolLoopTest::weather).build());

    assertEquals(30L, r.usage().inputTokens());
    assertEquals(15L, r.usage().outputTokens());
  }

  @Test
  void should_report_text_deltas_calls_and_results_in_order_while_streaming() {
    api.answer(
        message("tool_use", text("Looking"), toolUse("toolu_1", "Paris")),
        message("end_turn", text("Done")));
    List<String> seen = new CopyOnWriteArrayList<>();
    ToolLoopListener listener =
        new ToolLoopListener() {
          @Override
          public void onText(String text) {
            seen.add("text:" + text);
          }

          @Override
          public void onMessage(com.anthropic.tool.client.model.Message m, int round) {
            seen.add("message:" + round + ":" + m.stopReason());
          }

          @Override
          public void onToolCall(ToolCall call) {
            seen.add("call:" + call.name() + ":" + call.input());
          }

          @Override
          public void onToolResult(ToolCall call, ToolOutput output) {
            seen.add("result:" + call.id() + ":" + output.text() + ":" + output.isError());
          }
        };

    run(true, ToolLoop.builder(client).executor(ToolLoopTest::weather).build(), listener);

    assertEquals(
        List.of(
            "text:Looking",
            "message:1:tool_use",
            "call:weather:{\"city\":\"Paris\"}",
            "result:toolu_1:Paris 21C:false",
            "text:Done",
            "message:2:end_turn"),
        seen);
  }

  /** A streamed answer with one weather tool_use whose input JSON arrives as {@code partial}. */
  private static String cutToolUseStream(String stopReason, String partial) {
    return event(
            "message_start",
            "{\"type\":\"message_start\",\"message\":{\"id\":\"msg\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\"claude-test\",\"content\":[],"
                + "\"stop_reason\":null,\"stop_sequence\":null,"
                + "\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}")
        + event(
            "content_block_start",
            "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\","
                + "\"id\":\"toolu_1\",\"name\":\"weather\",\"input\":{}}}")
        + event(
            "content_block_delta",
            "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\","
                + "\"partial_json\":"
                + new com.google.gson.JsonPrimitive(partial)
                + "}}")
        + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
        + event(
            "message_delta",
            "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\""
                + stopReason
                + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":5}}")
        + event("message_stop", "{\"type\":\"message_stop\"}");
  }

  private static String event(String name, String data) {
    return "event: " + name + "\ndata: " + data + "\n\n";
  }

  /** Valid JSON nested {@code depth} arrays deep in the city field: deeper than Gson's limit. */
  private static String deeplyNested(int depth) {
    return "{\"city\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
  }

  /** A listener that keeps the names of the calls it was warned about. */
  private static final class Warned implements ToolLoopListener {
    final List<String> names = new CopyOnWriteArrayList<>();

    @Override
    public void onUnparsedInput(ToolCall call) {
      names.add(call.name());
    }
  }

  private static ToolExecutor recording(List<String> ran) {
    return c -> {
      ran.add(c.name() + " " + c.input());
      return ToolOutput.ok("ran");
    };
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{\"city\": \"Paris\", \"recursive\": tru",
        "{\"city\": \"Par",
        "{\"city\": \"Paris\"} trailing",
        "[\"Paris\"]",
        "deep"
      })
  void should_never_run_a_call_whose_streamed_input_is_no_json_object_and_answer_it_as_an_error(
      String partial) {
    String input = partial.equals("deep") ? deeplyNested(400) : partial;
    api.answerRawStream(cutToolUseStream("tool_use", input))
        .answer(message("end_turn", text("Sorry.")));
    List<String> ran = new CopyOnWriteArrayList<>();
    Warned warned = new Warned();

    ToolLoopResult r =
        ToolLoop.builder(client).executor(recording(ran)).build().stream(request(), warned);

    assertEquals(List.of(), ran, "the tool never runs with input " + input);
    assertEquals(List.of("weather"), warned.names);
    assertEquals(ToolLoopResult.Outcome.COMPLETED, r.outcome());
    JsonObject answer = api.body(1).getAsJsonArray("messages").get(2).getAsJsonObject();
    JsonObject result = answer.getAsJsonArray("content").get(0).getAsJsonObject();
    assertEquals("toolu_1", result.get("tool_use_id").getAsString());
    assertTrue(result.get("is_error").getAsBoolean(), result.toString());
    assertEquals(
        ToolLoop.UNPARSED_INPUT,
        result.getAsJsonArray("content").get(0).getAsJsonObject().get("text").getAsString());
  }

  @Test
  void should_never_run_a_call_cut_by_max_tokens_and_warn_about_it() {
    api.answerRawStream(
        cutToolUseStream("max_tokens", "{\"path\": \"/home/user/x\", \"recursive\": tru"));
    List<String> ran = new CopyOnWriteArrayList<>();
    Warned warned = new Warned();

    ToolLoop.builder(client).executor(recording(ran)).build().stream(request(), warned);

    assertEquals(List.of(), ran);
    assertEquals(List.of("weather"), warned.names);
    assertEquals(1, api.bodies().size(), "nothing more is sent");
  }

  @Test
  void should_never_run_a_call_whose_input_is_no_json_object_in_a_whole_response() {
    api.answer(
        message("tool_use", ScriptedApi.toolUse("toolu_1", "weather", "\"Paris\"")),
        message("end_turn", text("Sorry.")));
    List<String> ran = new CopyOnWriteArrayList<>();
    Warned warned = new Warned();

    ToolLoop.builder(client).executor(recording(ran)).build().run(request(), warned);

    assertEquals(List.of(), ran);
    assertEquals(List.of("weather"), warned.names);
    assertTrue(api.bodies().get(1).contains(ToolLoop.UNPARSED_INPUT), api.bodies().get(1));
  }

  @Test
  void should_cancel_a_running_tool_and_end_with_the_transcript() throws Exception {
    api.answer(
        message("tool_use", toolUse("toolu_1", "Paris")), message("end_turn", text("never")));
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    ToolLoop loop =
        ToolLoop.builder(client)
            .executor(
                c -> {
                  started.countDown();
                  try {
                    new CountDownLatch(1).await();
                  } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw e;
                  }
                  return ToolOutput.ok("never");
                })
            .build();
    Thread canceller =
        new Thread(
            () -> {
              try {
                started.await();
              } catch (InterruptedException e) {
                return;
              }
              loop.cancel();
            });
    canceller.start();

    ToolLoopCancelledException e =
        assertThrows(
            ToolLoopCancelledException.class,
            () -> loop.stream(request(), new ToolLoopListener() {}));

    assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the tool's thread was interrupted");
    assertEquals(1, api.bodies().size());
    assertEquals(2, e.transcript().size());
    canceller.join();
  }

  @Test
  void should_send_image_results_as_content_blocks_and_empty_output_as_no_block() {
    api.answer(
        message("tool_use", toolUse("toolu_1", "A"), toolUse("toolu_2", "B")),
        message("end_turn", text("ok")));
    ToolExecutor exec =
        c ->
            c.id().equals("toolu_1")
                ? ToolOutput.ok(
                    List.of(
                        ContentBlock.Text.of("a chart"),
                        ContentBlock.Image.of(new Source.Base64("image/png", "iVBORw0KGgo="))))
                : ToolOutput.ok("");

    run(false, ToolLoop.builder(client).executor(exec).build());

    JsonElement results =
        api.body(1).getAsJsonArray("messages").get(2).getAsJsonObject().get("content");
    assertEquals(
        JsonParser.parseString(
            "[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"a chart\"},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"iVBORw0KGgo=\"}}]},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_2\",\"content\":[]}]"),
        results);
  }

  @Test
  void should_refuse_nonsense_configuration() {
    assertThrows(IllegalArgumentException.class, () -> ToolLoop.builder(client).maxIterations(0));
    assertThrows(IllegalArgumentException.class, () -> ToolLoop.builder(client).parallelism(0));
    assertThrows(NullPointerException.class, () -> ToolLoop.builder(client).build());
    assertFalse(ToolOutput.ok("x").isError());
    assertEquals(List.of(), ToolOutput.error("").content());
  }
}
