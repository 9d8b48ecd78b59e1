package com.anthropic.tool.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.error.BadRequestException;
import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.model.Tool;
import com.anthropic.tool.client.stream.MessageStream;
import com.anthropic.tool.client.stream.StreamAccumulator;
import com.anthropic.tool.client.tools.ToolCall;
import com.anthropic.tool.client.tools.ToolLoop;
import com.anthropic.tool.client.tools.ToolLoopListener;
import com.anthropic.tool.client.tools.ToolLoopResult;
import com.anthropic.tool.client.tools.ToolOutput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code x-mock-tool-use: NAME}: the mock model calls a tool, then answers its results. */
class MockToolUseTest {
  private static final Tool WEATHER =
      Tool.of(
          "get_weather",
          "weather",
          Json.parseObject(
              "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},"
                  + "\"days\":{\"type\":\"integer\"},\"metric\":{\"type\":\"boolean\"},"
                  + "\"extra\":{\"type\":\"object\"}}}"));

  private MockApiServer mock;
  private AnthropicClient client;

  @BeforeEach
  void start() {
    mock = MockApiServer.start(0);
    client =
        AnthropicClient.builder()
            .baseUrl(mock.baseUrl())
            .apiKey("mock")
            .header(MockApiServer.TOOL_USE_KNOB, "get_weather")
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    mock.close();
  }

  private static MessagesRequest request(String text) {
    return MessagesRequest.builder("m", List.of(MessageParam.user(text)), 100)
        .tools(List.of(WEATHER))
        .build();
  }

  @Test
  void should_call_the_named_tool_with_an_input_from_its_schema() {
    Message m = client.messages(request("How warm is it in Paris?"));
    assertEquals("tool_use", m.stopReason());
    assertEquals("mock calls get_weather", m.text());
    ContentBlock.ToolUse call = (ContentBlock.ToolUse) m.content().get(1);
    assertEquals("get_weather", call.name());
    assertEquals("{\"city\":\"Paris\",\"days\":1,\"metric\":true}", call.input().toString());
    assertTrue(call.id().startsWith("toolu_mock_"), call.id());
  }

  @Test
  void should_stream_the_same_call_as_an_input_json_delta() {
    Message plain = client.messages(request("Weather in Oslo"));
    Message streamed;
    try (MessageStream s = client.messagesStream(request("Weather in Oslo"))) {
      streamed = StreamAccumulator.collect(s);
    }
    assertEquals("tool_use", streamed.stopReason());
    assertEquals(plain.content().size(), streamed.content().size());
    ContentBlock.ToolUse a = (ContentBlock.ToolUse) plain.content().get(1);
    ContentBlock.ToolUse b = (ContentBlock.ToolUse) streamed.content().get(1);
    assertEquals(a.input(), b.input());
    assertEquals(a.name(), b.name());
  }

  @Test
  void should_answer_the_tool_results_once_they_are_sent_back() {
    List<String> seen = new ArrayList<>();
    ToolLoopResult r =
        ToolLoop.builder(client)
            .executor(call -> ToolOutput.ok("21 C in " + call.input().get("city").getAsString()))
            .build()
            .stream(
                request("How warm is it in Paris?"),
                new ToolLoopListener() {
                  @Override
                  public void onToolCall(ToolCall call) {
                    seen.add(call.name() + " " + call.input());
                  }
                });
    assertEquals(ToolLoopResult.Outcome.COMPLETED, r.outcome());
    assertEquals(2, r.iterations());
    assertEquals(List.of("get_weather {\"city\":\"Paris\",\"days\":1,\"metric\":true}"), seen);
    assertEquals("mock answer to: 21 C in Paris", r.finalMessage().text());
  }

  @Test
  void should_refuse_a_tool_the_request_does_not_offer() {
    try (AnthropicClient other =
        AnthropicClient.builder()
            .baseUrl(mock.baseUrl())
            .apiKey("mock")
            .header(MockApiServer.TOOL_USE_KNOB, "nope")
            .build()) {
      BadRequestException e =
          assertThrows(BadRequestException.class, () -> other.messages(request("hi")));
      assertTrue(
          e.getMessage().contains("names tool 'nope'; the request offers [get_weather]"),
          e.getMessage());
    }
  }

  @Test
  void should_answer_as_usual_without_the_knob() {
    try (AnthropicClient plain =
        AnthropicClient.builder().baseUrl(mock.baseUrl()).apiKey("mock").build()) {
      Message m = plain.messages(request("hi"));
      assertEquals("end_turn", m.stopReason());
      assertEquals(1, m.content().size());
    }
  }
}
