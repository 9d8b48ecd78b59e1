package com.anthropic.tool.client.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.error.InvalidRequestException;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** build() fails fast with a message that names the field. */
class MessagesRequestValidationTest {
  private static MessagesRequest.Builder valid() {
    return MessagesRequest.builder("claude-test", List.of(MessageParam.user("hi")), 2048);
  }

  static Stream<Arguments> invalid() {
    return Stream.<Arguments>of(
        Arguments.of("model", (UnaryOperator<MessagesRequest.Builder>) b -> b.model(null)),
        Arguments.of("model", (UnaryOperator<MessagesRequest.Builder>) b -> b.model(" ")),
        Arguments.of(
            "messages", (UnaryOperator<MessagesRequest.Builder>) b -> b.messages(List.of())),
        Arguments.of(
            "messages[1].role",
            (UnaryOperator<MessagesRequest.Builder>)
                b -> b.addMessage(new MessageParam("system", List.of(ContentBlock.Text.of("x"))))),
        Arguments.of(
            "messages[1].content",
            (UnaryOperator<MessagesRequest.Builder>)
                b -> b.addMessage(MessageParam.assistant(List.of()))),
        Arguments.of("max_tokens", (UnaryOperator<MessagesRequest.Builder>) b -> b.maxTokens(0)),
        Arguments.of("max_tokens", (UnaryOperator<MessagesRequest.Builder>) b -> b.maxTokens(-5)),
        Arguments.of(
            "temperature", (UnaryOperator<MessagesRequest.Builder>) b -> b.temperature(1.5)),
        Arguments.of(
            "temperature", (UnaryOperator<MessagesRequest.Builder>) b -> b.temperature(-0.1)),
        Arguments.of(
            "temperature", (UnaryOperator<MessagesRequest.Builder>) b -> b.temperature(Double.NaN)),
        Arguments.of("top_p", (UnaryOperator<MessagesRequest.Builder>) b -> b.topP(2.0)),
        Arguments.of("top_k", (UnaryOperator<MessagesRequest.Builder>) b -> b.topK(-1)),
        Arguments.of(
            "stop_sequences",
            (UnaryOperator<MessagesRequest.Builder>) b -> b.stopSequences(List.of(""))),
        Arguments.of(
            "service_tier", (UnaryOperator<MessagesRequest.Builder>) b -> b.serviceTier("gold")),
        Arguments.of(
            "thinking.budget_tokens",
            (UnaryOperator<MessagesRequest.Builder>) b -> b.thinking(ThinkingConfig.enabled(100))),
        Arguments.of(
            "thinking.budget_tokens",
            (UnaryOperator<MessagesRequest.Builder>) b -> b.thinking(ThinkingConfig.enabled(4096))),
        Arguments.of(
            "tool_choice",
            (UnaryOperator<MessagesRequest.Builder>)
                b ->
                    b.tools(List.of(Tool.of("calc", "adds", new com.google.gson.JsonObject())))
                        .toolChoice(ToolChoice.tool("other"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void should_name_the_invalid_field(String field, UnaryOperator<MessagesRequest.Builder> change) {
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> change.apply(valid()).build());

    assertTrue(e.getMessage().startsWith(field), e.getMessage());
  }

  @Test
  void should_accept_boundary_values() {
    MessagesRequest r =
        valid()
            .temperature(0.0)
            .topP(1.0)
            .topK(0)
            .thinking(ThinkingConfig.enabled(1024))
            .serviceTier("standard_only")
            .build();

    assertEquals(0.0, r.temperature());
  }

  @Test
  void should_reject_a_streaming_request_in_messages_before_sending() throws Exception {
    AtomicInteger sent = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          sent.incrementAndGet();
          exchange.sendResponseHeaders(500, -1);
          exchange.close();
        });
    server.start();
    try (AnthropicClient c =
        AnthropicClient.builder()
            .apiKey("k")
            .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
            .maxRetries(0)
            .build()) {
      InvalidRequestException e =
          assertThrows(
              InvalidRequestException.class, () -> c.messages(valid().stream(true).build()));
      assertTrue(e.getMessage().contains("stream"), e.getMessage());
    } finally {
      server.stop(0);
    }
    assertEquals(0, sent.get());
  }

  @Test
  void should_not_send_stream_false_in_the_body() {
    MessagesRequest r = valid().build();

    assertTrue(!r.toJson().has("stream"));
    assertEquals(3, r.toJson().size());
  }

  @Test
  void should_scale_the_expected_duration_with_max_tokens_up_to_ten_minutes() {
    assertEquals(Duration.ofSeconds(58), valid().maxTokens(2048).build().expectedDuration());
    assertEquals(Duration.ofSeconds(600), valid().maxTokens(64000).build().expectedDuration());
  }
}
