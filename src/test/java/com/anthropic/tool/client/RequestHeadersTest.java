package com.anthropic.tool.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.anthropic.tool.client.error.InvalidRequestException;
import com.anthropic.tool.client.error.MissingCredentialsException;
import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.model.Source;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;

/** What goes on the wire: headers from options and environment, and the JSON body. */
class RequestHeadersTest {
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
    server
        .when(request().withPath("/v1/messages"))
        .respond(response().withStatusCode(200).withBody(TestServers.MESSAGE));
  }

  private String base() {
    return "http://127.0.0.1:" + server.getPort();
  }

  private HttpRequest sent(AnthropicClient.Builder b, MessagesRequest req) {
    try (AnthropicClient c = b.build()) {
      c.messages(req);
    }
    HttpRequest[] all = server.retrieveRecordedRequests(request().withPath("/v1/messages"));
    assertEquals(1, all.length);
    return all[0];
  }

  @Test
  void should_send_the_api_key_as_x_api_key_with_version_and_joined_betas() {
    HttpRequest r =
        sent(
            AnthropicClient.builder().apiKey("sk-key").baseUrl(base()).beta("b-one").beta("b-two"),
            TestServers.request().build());

    assertEquals("POST", r.getMethod().getValue());
    assertEquals("sk-key", r.getFirstHeader("x-api-key"));
    assertEquals("", r.getFirstHeader("authorization"));
    assertEquals("2023-06-01", r.getFirstHeader("anthropic-version"));
    assertEquals("b-one,b-two", r.getFirstHeader("anthropic-beta"));
    assertTrue(r.getFirstHeader("content-type").startsWith("application/json"));
    assertTrue(r.getFirstHeader("user-agent").startsWith("anthropic-cli/"));
  }

  @Test
  void should_add_the_call_betas_and_headers_to_the_clients_for_that_call_only() {
    try (AnthropicClient c =
        AnthropicClient.builder()
            .apiKey("sk-key")
            .baseUrl(base())
            .beta("b-one")
            .header("X-Team", "client")
            .build()) {
      c.messages(
          TestServers.request().build(),
          CallOptions.builder().beta("b-two").beta("b-one").header("x-team", "call").build());
      c.messages(TestServers.request().build());
    }
    HttpRequest[] all = server.retrieveRecordedRequests(request().withPath("/v1/messages"));

    assertEquals(2, all.length);
    assertEquals("b-one,b-two", all[0].getFirstHeader("anthropic-beta"));
    assertEquals(List.of("call"), all[0].getHeader("x-team"));
    assertEquals("b-one", all[1].getFirstHeader("anthropic-beta"));
    assertEquals(List.of("client"), all[1].getHeader("x-team"));
  }

  @Test
  void should_create_a_batch_with_the_call_betas_for_that_call_only() {
    server
        .when(request().withPath("/v1/messages/batches"))
        .respond(
            response()
                .withBody(
                    "{\"id\":\"b1\",\"type\":\"message_batch\",\"processing_status\":"
                        + "\"in_progress\"}"));
    List<com.anthropic.tool.client.model.BatchRequest> requests =
        List.of(
            com.anthropic.tool.client.model.BatchRequest.of("q1", TestServers.request().build()));
    try (AnthropicClient c = AnthropicClient.builder().apiKey("k").baseUrl(base()).build()) {
      assertEquals(
          "b1", c.batches().create(requests, CallOptions.builder().beta(Files.BETA).build()).id());
      c.batches().create(requests);
    }
    HttpRequest[] all = server.retrieveRecordedRequests(request().withPath("/v1/messages/batches"));

    assertEquals(2, all.length);
    assertEquals("files-api-2025-04-14", all[0].getFirstHeader("anthropic-beta"));
    assertEquals("", all[1].getFirstHeader("anthropic-beta"));
  }

  @Test
  void should_not_send_call_options_in_the_body() {
    HttpRequest r;
    try (AnthropicClient c = AnthropicClient.builder().apiKey("k").baseUrl(base()).build()) {
      c.messages(
          TestServers.request().build(),
          CallOptions.builder().noRetries().timeout(java.time.Duration.ofSeconds(3)).build());
    }
    r = server.retrieveRecordedRequests(request().withPath("/v1/messages"))[0];

    assertEquals(TestServers.request().build().toJson(), Json.parseObject(r.getBodyAsString()));
  }

  @Test
  void should_send_an_auth_token_as_bearer_when_there_is_no_key() {
    HttpRequest r =
        sent(
            AnthropicClient.builder()
                .fromEnv(Map.of("ANTHROPIC_AUTH_TOKEN", "tok-1"))
                .baseUrl(base()),
            TestServers.request().build());

    assertEquals("Bearer tok-1", r.getFirstHeader("authorization"));
    assertEquals("", r.getFirstHeader("x-api-key"));
  }

  @Test
  void should_prefer_the_api_key_when_both_are_set() {
    HttpRequest r =
        sent(
            AnthropicClient.builder()
                .fromEnv(Map.of("ANTHROPIC_AUTH_TOKEN", "tok-1", "ANTHROPIC_API_KEY", "sk-env"))
                .baseUrl(base()),
            TestServers.request().build());

    assertEquals("sk-env", r.getFirstHeader("x-api-key"));
    assertEquals("", r.getFirstHeader("authorization"));
  }

  @Test
  void should_read_version_betas_and_custom_headers_from_the_environment() {
    HttpRequest r =
        sent(
            AnthropicClient.builder()
                .fromEnv(
                    Map.of(
                        "ANTHROPIC_API_KEY", "sk-env",
                        "ANTHROPIC_BASE_URL", base(),
                        "ANTHROPIC_API_VERSION", "2099-01-01",
                        "ANTHROPIC_BETA", "x-1, x-2,",
                        "ANTHROPIC_CUSTOM_HEADERS",
                            "X-Team: blue\r\nnot a header\n\nX-Trace: a:b")),
            TestServers.request().build());

    assertEquals("2099-01-01", r.getFirstHeader("anthropic-version"));
    assertEquals("x-1,x-2", r.getFirstHeader("anthropic-beta"));
    assertEquals("blue", r.getFirstHeader("x-team"));
    assertEquals("a:b", r.getFirstHeader("x-trace"));
  }

  @Test
  void should_prefer_anthropic_base_url_over_anthropic_api_base() {
    AnthropicClient c =
        AnthropicClient.builder()
            .fromEnv(
                Map.of(
                    "ANTHROPIC_API_KEY", "k",
                    "ANTHROPIC_BASE_URL", "http://a.example",
                    "ANTHROPIC_API_BASE", "http://b.example"))
            .build();
    assertEquals("http://a.example", c.options().baseUrl());
    c.close();
    AnthropicClient d =
        AnthropicClient.builder()
            .fromEnv(Map.of("ANTHROPIC_API_KEY", "k", "ANTHROPIC_API_BASE", "http://b.example"))
            .build();
    assertEquals("http://b.example", d.options().baseUrl());
    d.close();
  }

  @Test
  void should_refuse_to_build_without_credentials() {
    assertThrows(
        MissingCredentialsException.class, () -> AnthropicClient.builder().baseUrl(base()).build());
  }

  @Test
  void should_refuse_a_base_url_without_a_scheme() {
    assertThrows(
        InvalidRequestException.class,
        () -> AnthropicClient.builder().apiKey("k").baseUrl("api.example.com").build());
  }

  @Test
  void should_not_show_credentials_in_options_to_string() {
    AnthropicClient c = AnthropicClient.builder().apiKey("sk-secret").baseUrl(base()).build();
    assertFalse(c.options().toString().contains("sk-secret"));
    c.close();
  }

  @Test
  void should_send_the_body_the_request_describes() {
    JsonObject meta = new JsonObject();
    meta.addProperty("user_id", "u1");
    MessagesRequest req =
        MessagesRequest.builder(
                "claude-test",
                List.of(
                    MessageParam.user(
                        List.of(
                            ContentBlock.Image.of(new Source.Url("https://x.example/a.png")),
                            ContentBlock.Text.of("what is it?")))),
                100)
            .system("be brief")
            .temperature(0.5)
            .topK(5)
            .stopSequences(List.of("END"))
            .metadata(meta)
            .serviceTier("auto")
            .putExtra("future_option", new JsonPrimitive(true))
            .build();

    HttpRequest r = sent(AnthropicClient.builder().apiKey("k").baseUrl(base()), req);

    JsonObject expected =
        Json.parseObject(
            "{\"model\":\"claude-test\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\","
                + "\"content\":[{\"type\":\"image\",\"source\":{\"type\":\"url\","
                + "\"url\":\"https://x.example/a.png\"}},{\"type\":\"text\",\"text\":\"what is"
                + " it?\"}]}],\"system\":[{\"type\":\"text\",\"text\":\"be brief\"}],"
                + "\"temperature\":0.5,\"top_k\":5,\"stop_sequences\":[\"END\"],"
                + "\"service_tier\":\"auto\",\"metadata\":{\"user_id\":\"u1\"},"
                + "\"future_option\":true}");
    assertEquals(expected, Json.parseObject(r.getBodyAsString()));
  }
}
