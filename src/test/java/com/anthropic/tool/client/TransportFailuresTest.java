package com.anthropic.tool.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.anthropic.tool.client.error.AnthropicException;
import com.anthropic.tool.client.error.ApiTimeoutException;
import com.anthropic.tool.client.error.ConnectionException;
import com.anthropic.tool.client.error.OverloadedException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Connections that are refused, silent, or dropped: typed exceptions, bounded time, no hang. */
class TransportFailuresTest {
  private final RecordingSleeper sleeper = new RecordingSleeper();

  private AnthropicClient client(String baseUrl, Duration timeout) {
    return AnthropicClient.builder()
        .apiKey("sk-test")
        .baseUrl(baseUrl)
        .timeout(timeout)
        .sleeper(sleeper)
        .random(() -> 0.0)
        .build();
  }

  @Test
  void should_throw_a_timeout_when_the_server_accepts_and_never_answers() throws Exception {
    try (RawServer server = new RawServer(RawServer.silent());
        AnthropicClient c = client(server.baseUrl(), Duration.ofMillis(300))) {
      AnthropicException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(20),
              () ->
                  assertThrows(
                      ApiTimeoutException.class, () -> c.messages(TestServers.request().build())));
      assertFalse(e.getMessage().contains("null"), e.getMessage());
      assertEquals(1, server.requests());
    }
  }

  @Test
  void should_wait_only_as_long_as_the_call_timeout_says() throws Exception {
    try (RawServer server = new RawServer(RawServer.silent());
        AnthropicClient c = client(server.baseUrl(), Duration.ofSeconds(60))) {
      assertTimeoutPreemptively(
          Duration.ofSeconds(20),
          () ->
              assertThrows(
                  ApiTimeoutException.class,
                  () ->
                      c.messages(
                          TestServers.request().build(),
                          CallOptions.builder().timeout(Duration.ofMillis(300)).build())));
      assertEquals(1, server.requests());
    }
  }

  @Test
  void should_retry_a_connection_closed_before_the_response_then_fail() throws Exception {
    try (RawServer server = new RawServer(RawServer.hangUp());
        AnthropicClient c = client(server.baseUrl(), Duration.ofSeconds(5))) {
      ConnectionException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(20),
              () ->
                  assertThrows(
                      ConnectionException.class, () -> c.messages(TestServers.request().build())));
      assertFalse(e instanceof ApiTimeoutException, e.toString());
      assertEquals(3, server.requests());
      assertEquals(List.of(500L, 1000L), sleeper.millis());
    }
  }

  @Test
  void should_fail_as_a_network_error_when_a_200_body_is_cut_off() throws Exception {
    try (RawServer server = new RawServer(RawServer.headThenClose(200, "{\"id\":\"msg_"));
        AnthropicClient c = client(server.baseUrl(), Duration.ofSeconds(5))) {
      ConnectionException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(20),
              () ->
                  assertThrows(
                      ConnectionException.class, () -> c.messages(TestServers.request().build())));
      assertFalse(e instanceof ApiTimeoutException, e.toString());
      assertEquals(1, server.requests());
    }
  }

  @Test
  void should_retry_an_error_whose_body_is_cut_off_and_report_its_status() throws Exception {
    try (RawServer server =
            new RawServer(RawServer.headThenClose(529, "{\"type\":\"error\",\"error\":{\"ty"));
        AnthropicClient c = client(server.baseUrl(), Duration.ofSeconds(5))) {
      OverloadedException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(20),
              () ->
                  assertThrows(
                      OverloadedException.class, () -> c.messages(TestServers.request().build())));
      assertEquals(529, e.status());
      assertEquals("req_raw", e.requestId().orElseThrow());
      assertEquals(3, server.requests());
      assertEquals(List.of(500L, 1000L), sleeper.millis());
      assertInstanceOf(OverloadedException.class, e);
    }
  }

  @Test
  void should_fail_fast_on_a_refused_connection_without_retries() throws Exception {
    int port = TestServers.closedPort();
    try (AnthropicClient c = client("http://127.0.0.1:" + port, Duration.ofSeconds(5))) {
      ConnectionException e =
          assertThrows(
              ConnectionException.class,
              () ->
                  c.messages(
                      TestServers.request().build(), CallOptions.builder().noRetries().build()));
      assertFalse(e instanceof ApiTimeoutException);
      assertEquals(List.of(), sleeper.millis());
    }
  }

  @Test
  void should_throw_a_timeout_when_the_body_stalls_after_the_head() throws Exception {
    try (RawServer server = new RawServer(RawServer.headThenSilence("{\"id\":"));
        AnthropicClient c = client(server.baseUrl(), Duration.ofMillis(300))) {
      assertTimeoutPreemptively(
          Duration.ofSeconds(20),
          () ->
              assertThrows(
                  ApiTimeoutException.class, () -> c.messages(TestServers.request().build())));
      assertEquals(1, server.requests());
    }
  }
}
