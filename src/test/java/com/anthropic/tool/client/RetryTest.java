package com.anthropic.tool.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.anthropic.tool.client.error.ApiException;
import com.anthropic.tool.client.error.ConnectionException;
import com.anthropic.tool.client.error.OverloadedException;
import com.anthropic.tool.client.error.RateLimitException;
import com.anthropic.tool.client.http.Headers;
import com.anthropic.tool.client.http.RetryPolicy;
import com.anthropic.tool.client.model.Message;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpResponse;

/** Retries against a real server, with recorded (not slept) delays and a fixed clock. */
class RetryTest {
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  private static final String ERROR =
      "{\"type\":\"error\",\"error\":{\"type\":\"%s\",\"message\":\"m\"},\"request_id\":\"req_1\"}";
  private static ClientAndServer server;
  private final RecordingSleeper sleeper = new RecordingSleeper();

  @BeforeAll
  static void start() {
    server = ClientAndServer.startClientAndServer(0);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.reset();
  }

  private AnthropicClient.Builder builder() {
    return AnthropicClient.builder()
        .apiKey("sk-test")
        .baseUrl("http://127.0.0.1:" + server.getPort())
        .sleeper(sleeper)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .random(() -> 0.0);
  }

  private static HttpResponse error(int status, String type) {
    return response().withStatusCode(status).withBody(String.format(ERROR, type));
  }

  private void failNTimes(int n, HttpResponse failure) {
    server.when(request().withPath("/v1/messages"), Times.exactly(n)).respond(failure);
    server
        .when(request().withPath("/v1/messages"))
        .respond(response().withStatusCode(200).withBody(TestServers.MESSAGE));
  }

  private int attempts() {
    return server.retrieveRecordedRequests(request().withPath("/v1/messages")).length;
  }

  private Message send(AnthropicClient.Builder b) {
    try (AnthropicClient c = b.build()) {
      return c.messages(TestServers.request().build());
    }
  }

  @ParameterizedTest(name = "HTTP {0} is retried")
  @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504, 529})
  void should_retry_retryable_statuses_with_exponential_backoff(int status) {
    failNTimes(2, error(status, "api_error"));

    Message m = send(builder());

    assertEquals("Hello", m.text());
    assertEquals(3, attempts());
    assertEquals(List.of(500L, 1000L), sleeper.millis());
  }

  @ParameterizedTest(name = "HTTP {0} is not retried")
  @ValueSource(ints = {400, 401, 403, 404, 413, 422})
  void should_not_retry_other_4xx(int status) {
    failNTimes(1, error(status, "invalid_request_error"));

    assertThrows(ApiException.class, () -> send(builder()));

    assertEquals(1, attempts());
    assertEquals(List.of(), sleeper.millis());
  }

  @Test
  void should_make_three_attempts_by_default_then_throw_the_last_error() {
    failNTimes(5, error(529, "overloaded_error"));

    OverloadedException e = assertThrows(OverloadedException.class, () -> send(builder()));

    assertEquals(529, e.status());
    assertEquals(3, attempts());
    assertEquals(List.of(500L, 1000L), sleeper.millis());
  }

  @Test
  void should_retry_429_honouring_retry_after_ms() {
    failNTimes(1, error(429, "rate_limit_error").withHeader("retry-after-ms", "1234"));

    send(builder());

    assertEquals(List.of(1234L), sleeper.millis());
  }

  @Test
  void should_prefer_retry_after_ms_over_retry_after() {
    failNTimes(
        1,
        error(429, "rate_limit_error")
            .withHeader("retry-after-ms", "250")
            .withHeader("retry-after", "9"));

    send(builder());

    assertEquals(List.of(250L), sleeper.millis());
  }

  @Test
  void should_retry_429_honouring_retry_after_seconds() {
    failNTimes(1, error(429, "rate_limit_error").withHeader("retry-after", "4"));

    send(builder());

    assertEquals(List.of(4000L), sleeper.millis());
  }

  @Test
  void should_retry_honouring_retry_after_as_an_http_date() {
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.ofInstant(NOW.plusSeconds(7), ZoneOffset.UTC));
    failNTimes(1, error(503, "api_error").withHeader("retry-after", date));

    send(builder());

    assertEquals(List.of(7000L), sleeper.millis());
  }

  @Test
  void should_cap_retry_after_at_60_seconds() {
    server
        .when(request().withPath("/v1/messages"), Times.once())
        .respond(error(429, "rate_limit_error").withHeader("retry-after", "3600"));
    server
        .when(request().withPath("/v1/messages"), Times.once())
        .respond(error(429, "rate_limit_error").withHeader("retry-after-ms", "90000"));
    server
        .when(request().withPath("/v1/messages"))
        .respond(response().withStatusCode(200).withBody(TestServers.MESSAGE));

    send(builder());

    assertEquals(List.of(60_000L, 60_000L), sleeper.millis());
  }

  @Test
  void should_ignore_a_malformed_retry_after_and_back_off() {
    failNTimes(1, error(429, "rate_limit_error").withHeader("retry-after", "soon"));

    send(builder());

    assertEquals(List.of(500L), sleeper.millis());
  }

  @Test
  void should_back_off_exponentially_capped_at_8_seconds() {
    failNTimes(7, error(500, "api_error"));

    send(builder().maxRetries(7));

    assertEquals(8, attempts());
    assertEquals(List.of(500L, 1000L, 2000L, 4000L, 8000L, 8000L, 8000L), sleeper.millis());
  }

  @Test
  void should_apply_jitter_of_at_most_a_quarter() {
    failNTimes(2, error(500, "api_error"));

    send(builder().random(() -> 0.5));

    assertEquals(List.of(438L, 875L), sleeper.millis());
  }

  @Test
  void should_retry_a_400_when_the_server_says_x_should_retry_true() {
    failNTimes(1, error(400, "invalid_request_error").withHeader("x-should-retry", "true"));

    send(builder());

    assertEquals(2, attempts());
  }

  @Test
  void should_not_retry_a_529_when_the_server_says_x_should_retry_false() {
    failNTimes(1, error(529, "overloaded_error").withHeader("x-should-retry", "false"));

    assertThrows(OverloadedException.class, () -> send(builder()));

    assertEquals(1, attempts());
    assertEquals(List.of(), sleeper.millis());
  }

  @Test
  void should_send_once_when_the_call_says_no_retries() {
    failNTimes(1, error(529, "overloaded_error"));

    try (AnthropicClient c = builder().build()) {
      assertThrows(
          OverloadedException.class,
          () ->
              c.messages(TestServers.request().build(), CallOptions.builder().noRetries().build()));
    }

    assertEquals(1, attempts());
  }

  @Test
  void should_use_the_call_retry_policy_over_the_client_policy() {
    failNTimes(4, error(429, "rate_limit_error"));

    try (AnthropicClient c = builder().retryPolicy(RetryPolicy.none()).build()) {
      c.messages(
          TestServers.request().build(),
          CallOptions.builder().retryPolicy(RetryPolicy.defaults().withMaxRetries(4)).build());
    }

    assertEquals(5, attempts());
    assertEquals(List.of(500L, 1000L, 2000L, 4000L), sleeper.millis());
  }

  @Test
  void should_use_the_call_backoff() {
    failNTimes(2, error(500, "api_error"));

    try (AnthropicClient c = builder().build()) {
      c.messages(
          TestServers.request().build(),
          CallOptions.builder()
              .retryPolicy(RetryPolicy.backoffOnly(Duration.ofMillis(100), Duration.ofMillis(150)))
              .build());
    }

    assertEquals(List.of(100L, 150L), sleeper.millis());
  }

  @Test
  void should_keep_the_client_retry_count_when_a_call_changes_only_the_backoff() {
    failNTimes(5, error(500, "api_error"));

    try (AnthropicClient c = builder().maxRetries(0).build()) {
      assertThrows(
          ApiException.class,
          () ->
              c.messages(
                  TestServers.request().build(),
                  CallOptions.builder()
                      .retryPolicy(
                          RetryPolicy.backoffOnly(Duration.ofMillis(100), Duration.ofMillis(150)))
                      .build()));
    }

    assertEquals(1, attempts());
  }

  @Test
  void should_let_max_retries_of_the_call_win_over_its_policy_and_the_client() {
    failNTimes(5, error(500, "api_error"));

    try (AnthropicClient c = builder().maxRetries(0).build()) {
      c.messages(
          TestServers.request().build(),
          CallOptions.builder().retryPolicy(RetryPolicy.none()).maxRetries(5).build());
    }

    assertEquals(6, attempts());
  }

  @Test
  void should_honour_max_retries_on_the_client() {
    failNTimes(5, error(429, "rate_limit_error"));

    assertThrows(RateLimitException.class, () -> send(builder().maxRetries(1)));

    assertEquals(2, attempts());
  }

  @Test
  void should_retry_a_refused_connection_then_throw_a_connection_exception() throws Exception {
    int port = TestServers.closedPort();

    ConnectionException e =
        assertThrows(
            ConnectionException.class, () -> send(builder().baseUrl("http://127.0.0.1:" + port)));

    assertEquals(List.of(500L, 1000L), sleeper.millis());
    assertInstanceOf(ConnectionException.class, e);
  }

  @Test
  void should_report_retry_delays_to_the_observer() {
    failNTimes(1, error(529, "overloaded_error").withHeader("retry-after-ms", "10"));
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    var observer =
        new com.anthropic.tool.client.http.HttpObserver() {
          @Override
          public void attemptEnded(com.anthropic.tool.client.http.Attempt a) {
            seen.add(a.number() + ":" + a.status() + ":" + a.retryDelay());
          }
        };

    send(builder().observer(observer));

    assertEquals(List.of("1:529:PT0.01S", "2:200:null"), seen);
  }

  @Test
  void should_let_x_should_retry_override_the_status_rule_case_insensitively() {
    assertEquals(false, RetryPolicy.isRetryable(404, Headers.empty()));
    assertEquals(
        true,
        RetryPolicy.isRetryable(404, Headers.of(List.of(Map.entry("X-Should-Retry", "TRUE")))));
    assertEquals(
        false,
        RetryPolicy.isRetryable(503, Headers.of(List.of(Map.entry("x-should-retry", "false")))));
  }
}
