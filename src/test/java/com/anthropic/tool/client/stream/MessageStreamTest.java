package com.anthropic.tool.client.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.error.AnthropicException;
import com.anthropic.tool.client.error.ApiTimeoutException;
import com.anthropic.tool.client.error.ConnectionException;
import com.anthropic.tool.client.error.OverloadedException;
import com.anthropic.tool.client.http.Attempt;
import com.anthropic.tool.client.http.HttpObserver;
import com.anthropic.tool.client.http.RetryPolicy;
import com.anthropic.tool.client.model.Delta;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.model.StreamEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessageStreamTest {
  static final String START =
      "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\","
          + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-test\",\"content\":[],"
          + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":5,"
          + "\"output_tokens\":1}}}\n\n"
          + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
          + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
          + "event: ping\ndata: {\"type\": \"ping\"}\n\n";
  static final String OVERLOADED =
      "event: error\ndata: {\"type\":\"error\",\"error\":{\"details\":null,"
          + "\"type\":\"overloaded_error\",\"message\":\"Overloaded\"},\"request_id\":\"req_e\"}\n\n";
  static final String END =
      "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
          + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
          + "\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":7}}\n\n"
          + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

  static String delta(String text) {
    return "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
        + "\"delta\":{\"type\":\"text_delta\",\"text\":\""
        + text
        + "\"}}\n\n";
  }

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final List<String> retryNotices = new CopyOnWriteArrayList<>();
  private final CountDownLatch never = new CountDownLatch(1);
  private SseTestServer server;
  private AnthropicClient client;

  private AnthropicClient client(SseTestServer s, Duration timeout, RetryPolicy policy) {
    server = s;
    client =
        AnthropicClient.builder()
            .apiKey("sk-test")
            .baseUrl(s.baseUrl())
            .timeout(timeout)
            .retryPolicy(policy)
            .sleeper(sleeps::add)
            .random(() -> 0.0)
            .observer(
                new HttpObserver() {
                  @Override
                  public void attemptEnded(Attempt a) {
                    if (a.willRetry()) {
                      retryNotices.add(
                          a.number()
                              + " "
                              + (a.error() == null ? a.status() : a.error().getMessage()));
                    }
                  }
                })
            .build();
    return client;
  }

  private AnthropicClient client(SseTestServer s) {
    return client(s, Duration.ofSeconds(10), RetryPolicy.defaults());
  }

  private static MessagesRequest request() {
    return MessagesRequest.builder("claude-test", List.of(MessageParam.user("hi")), 100).build();
  }

  @AfterEach
  void stop() {
    never.countDown();
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void should_stream_events_in_order_and_send_stream_true() throws IOException {
    AnthropicClient c =
        client(new SseTestServer(SseTestServer.body(START + delta("Hi") + delta(" there") + END)));

    List<String> types = new ArrayList<>();
    Message m;
    try (MessageStream stream = c.messagesStream(request())) {
      m = stream.consume(e -> types.add(e.type()));
      assertEquals("req_test", stream.requestId().orElseThrow());
    }

    assertEquals("Hi there", m.text());
    assertEquals("end_turn", m.stopReason());
    assertEquals(7L, m.usage().outputTokens());
    assertEquals(5L, m.usage().inputTokens());
    assertEquals(
        List.of(
            "message_start",
            "content_block_start",
            "ping",
            "content_block_delta",
            "content_block_delta",
            "content_block_stop",
            "message_delta",
            "message_stop"),
        types);
    assertTrue(Json.parseObject(server.bodies().get(0)).get("stream").getAsBoolean());
  }

  @Test
  void should_be_iterable_and_collectable() throws IOException {
    AnthropicClient c = client(new SseTestServer(SseTestServer.body(START + delta("A") + END)));
    StringBuilder text = new StringBuilder();
    try (MessageStream stream = c.messagesStream(request())) {
      for (StreamEvent e : stream) {
        if (e instanceof StreamEvent.ContentBlockDelta
            && ((StreamEvent.ContentBlockDelta) e).delta() instanceof Delta.Text) {
          text.append(((Delta.Text) ((StreamEvent.ContentBlockDelta) e).delta()).text());
        }
      }
      assertThrows(IllegalStateException.class, stream::iterator);
    }
    assertEquals("A", text.toString());
    assertEquals("A", StreamAccumulator.collect(c.messagesStream(request())).text());
  }

  @Test
  void should_fail_with_a_timeout_after_the_idle_time_without_bytes() throws IOException {
    AnthropicClient c =
        client(
            new SseTestServer(conn -> conn.send(START + delta("Hel")).await(never)),
            Duration.ofMillis(300),
            RetryPolicy.defaults());

    MessageStream stream = c.messagesStream(request());
    long t0 = System.nanoTime();
    assertThrows(ApiTimeoutException.class, () -> stream.consume(e -> {}));
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

    assertTrue(ms < 10_000, "timed out after " + ms + " ms");
    assertEquals("Hel", stream.partial().orElseThrow().text());
    assertEquals(1, server.requests(), "a timeout after content is not retried");
  }

  @Test
  void should_allow_a_stream_longer_than_the_timeout_while_bytes_keep_coming() throws IOException {
    AnthropicClient c =
        client(
            new SseTestServer(
                conn -> {
                  conn.send(START);
                  for (int i = 0; i < 8; i++) {
                    Thread.sleep(100); // the server's pace, well under the 300 ms idle timeout
                    conn.send(delta(String.valueOf(i)));
                  }
                  conn.send(END);
                }),
            Duration.ofMillis(300),
            RetryPolicy.defaults());

    assertEquals("01234567", StreamAccumulator.collect(c.messagesStream(request())).text());
  }

  @Test
  void should_retry_an_error_event_before_the_first_delta_without_delivering_it()
      throws IOException {
    AnthropicClient c =
        client(
            new SseTestServer(
                SseTestServer.body(START + OVERLOADED),
                SseTestServer.body(START + delta("ok") + END)));

    List<String> types = new ArrayList<>();
    Message m;
    try (MessageStream stream = c.messagesStream(request())) {
      m = stream.consume(e -> types.add(e.type()));
      assertEquals(2, stream.attempts());
    }

    assertEquals("ok", m.text());
    assertEquals(2, server.requests());
    assertEquals(List.of(Duration.ofMillis(500)), sleeps);
    assertEquals(List.of("1 overloaded_error: Overloaded"), retryNotices);
    assertEquals(1, types.stream().filter("message_start"::equals).count(), types.toString());
    assertFalse(types.contains("error"), types.toString());
  }

  @Test
  void should_retry_a_dropped_connection_before_the_first_delta() throws IOException {
    AnthropicClient c =
        client(
            new SseTestServer(
                conn -> conn.send(START).drop(), SseTestServer.body(START + delta("ok") + END)));

    assertEquals("ok", StreamAccumulator.collect(c.messagesStream(request())).text());
    assertEquals(2, server.requests());
    assertEquals(List.of(Duration.ofMillis(500)), sleeps);
  }

  @Test
  void should_give_up_when_the_retries_are_spent_and_deliver_the_error_event() throws IOException {
    AnthropicClient c =
        client(
            new SseTestServer(SseTestServer.body(START + OVERLOADED)),
            Duration.ofSeconds(10),
            RetryPolicy.defaults().withMaxRetries(2));

    List<String> types = new ArrayList<>();
    MessageStream stream = c.messagesStream(request());
    OverloadedException e =
        assertThrows(OverloadedException.class, () -> stream.consume(ev -> types.add(ev.type())));

    assertEquals(3, server.requests());
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000)), sleeps);
    assertEquals("req_e", e.requestId().orElseThrow());
    assertEquals(List.of("message_start", "content_block_start", "ping", "error"), types);
  }

  @Test
  void should_not_retry_after_content_and_keep_the_partial_message() throws IOException {
    AnthropicClient c =
        client(
            new SseTestServer(
                SseTestServer.body(START + delta("Partial") + OVERLOADED),
                SseTestServer.body(START + delta("never") + END)));

    MessageStream stream = c.messagesStream(request());
    OverloadedException e = assertThrows(OverloadedException.class, () -> stream.consume(ev -> {}));

    assertEquals(1, server.requests());
    assertTrue(sleeps.isEmpty());
    assertEquals(0, e.status());
    assertEquals("overloaded_error", e.type());
    assertEquals("Partial", stream.partial().orElseThrow().text());
  }

  @Test
  void should_fail_as_a_connection_error_when_the_body_ends_before_message_stop()
      throws IOException {
    AnthropicClient c = client(new SseTestServer(SseTestServer.body(START + delta("cut"))));

    MessageStream stream = c.messagesStream(request());
    AnthropicException e = assertThrows(AnthropicException.class, () -> stream.consume(ev -> {}));

    assertInstanceOf(ConnectionException.class, e);
    assertEquals("cut", stream.partial().orElseThrow().text());
  }

  @Test
  void should_cancel_the_http_exchange_on_close() throws Exception {
    SseTestServer s =
        new SseTestServer(
            conn -> {
              conn.send(START + delta("first"));
              if (conn.pingUntilDisconnected()) {
                server.disconnected.countDown();
              }
            });
    AnthropicClient c = client(s);

    MessageStream stream = c.messagesStream(request());
    List<String> texts = new ArrayList<>();
    stream.consume(
        e -> {
          if (e instanceof StreamEvent.ContentBlockDelta) {
            texts.add(((Delta.Text) ((StreamEvent.ContentBlockDelta) e).delta()).text());
            stream.close();
          }
        });

    assertEquals(List.of("first"), texts);
    assertTrue(stream.isClosed());
    assertTrue(
        server.disconnected.await(10, TimeUnit.SECONDS), "the server never saw the disconnect");
  }

  @Test
  void should_raise_an_http_error_status_from_messages_stream() throws IOException {
    AnthropicClient c =
        client(
            new SseTestServer(
                conn ->
                    conn.status(
                        401,
                        "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                            + "\"message\":\"invalid x-api-key\"}}")));

    AnthropicException e =
        assertThrows(AnthropicException.class, () -> c.messagesStream(request()));
    assertTrue(e.getMessage().contains("authentication_error"), e.getMessage());
  }

  @Test
  void should_not_retry_a_non_retryable_error_event_before_content() throws IOException {
    String invalid =
        "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":"
            + "\"invalid_request_error\",\"message\":\"bad\"},\"request_id\":\"req_i\"}\n\n";
    AnthropicClient c =
        client(
            new SseTestServer(
                SseTestServer.body(START + invalid),
                SseTestServer.body(START + delta("never") + END)));

    MessageStream stream = c.messagesStream(request());
    AnthropicException e = assertThrows(AnthropicException.class, () -> stream.consume(ev -> {}));

    assertTrue(e.getMessage().contains("bad"), e.getMessage());
    assertEquals(1, server.requests(), "not retried");
    assertEquals(List.of(), sleeps);
  }
}
