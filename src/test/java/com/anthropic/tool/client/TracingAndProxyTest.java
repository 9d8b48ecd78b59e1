package com.anthropic.tool.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.Times;

/** One span per call with an event per attempt; proxies from the environment. */
class TracingAndProxyTest {
  private static ClientAndServer server;

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

  @Test
  void should_record_one_span_per_call_with_an_event_per_attempt() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    SdkTracerProvider provider =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    server
        .when(request().withPath("/v1/messages"), Times.once())
        .respond(response().withStatusCode(529).withHeader("retry-after-ms", "0"));
    server
        .when(request().withPath("/v1/messages"))
        .respond(
            response()
                .withStatusCode(200)
                .withHeader("request-id", "req_span")
                .withBody(TestServers.MESSAGE));

    try (AnthropicClient c =
        AnthropicClient.builder()
            .apiKey("k")
            .baseUrl("http://127.0.0.1:" + server.getPort())
            .sleeper(new RecordingSleeper())
            .openTelemetry(OpenTelemetrySdk.builder().setTracerProvider(provider).build())
            .build()) {
      c.messages(TestServers.request().build());
    }

    List<SpanData> spans = exporter.getFinishedSpanItems();
    assertEquals(1, spans.size());
    SpanData span = spans.get(0);
    assertEquals("anthropic.http", span.getName());
    assertEquals("anthropic-cli", span.getInstrumentationScopeInfo().getName());
    assertEquals("POST", span.getAttributes().get(AttributeKey.stringKey("http.request.method")));
    assertEquals("/v1/messages", span.getAttributes().get(AttributeKey.stringKey("url.path")));
    assertEquals(200L, span.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
    assertEquals(2L, span.getAttributes().get(AttributeKey.longKey("anthropic.attempts")));
    assertEquals(
        "req_span", span.getAttributes().get(AttributeKey.stringKey("anthropic.request_id")));
    assertTrue(span.getAttributes().get(AttributeKey.longKey("duration_ms")) >= 0);
    assertEquals(2, span.getEvents().size());
    assertEquals("attempt", span.getEvents().get(0).getName());
    assertEquals(
        529L,
        span.getEvents()
            .get(0)
            .getAttributes()
            .get(AttributeKey.longKey("http.response.status_code")));
    provider.close();
  }

  @Test
  void should_send_through_the_proxy_named_in_the_environment() {
    server
        .when(request().withPath("/v1/messages"))
        .respond(response().withStatusCode(200).withBody(TestServers.MESSAGE));

    try (AnthropicClient c =
        AnthropicClient.builder()
            .fromEnv(
                Map.of(
                    "ANTHROPIC_API_KEY", "k",
                    "ANTHROPIC_BASE_URL", "http://api.anthropic.invalid",
                    "http_proxy", "127.0.0.1:" + server.getPort()))
            .build()) {
      assertEquals("Hello", c.messages(TestServers.request().build()).text());
    }

    var sent = server.retrieveRecordedRequests(request().withPath("/v1/messages"));
    assertEquals(1, sent.length);
    assertTrue(sent[0].getFirstHeader("host").startsWith("api.anthropic.invalid"));
  }

  @Test
  void should_bypass_the_proxy_for_no_proxy_hosts() {
    server
        .when(request().withPath("/v1/messages"))
        .respond(response().withStatusCode(200).withBody(TestServers.MESSAGE));

    try (AnthropicClient c =
        AnthropicClient.builder()
            .fromEnv(
                Map.of(
                    "ANTHROPIC_API_KEY", "k",
                    "ANTHROPIC_BASE_URL", "http://127.0.0.1:" + server.getPort(),
                    "HTTP_PROXY", "http://127.0.0.1:9",
                    "NO_PROXY", "localhost,127.0.0.1"))
            .build()) {
      assertEquals("Hello", c.messages(TestServers.request().build()).text());
    }
  }
}
