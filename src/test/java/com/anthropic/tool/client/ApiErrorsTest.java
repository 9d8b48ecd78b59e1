package com.anthropic.tool.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.anthropic.tool.client.error.ApiException;
import com.anthropic.tool.client.error.AuthenticationException;
import com.anthropic.tool.client.error.BadRequestException;
import com.anthropic.tool.client.error.InternalServerException;
import com.anthropic.tool.client.error.NotFoundException;
import com.anthropic.tool.client.error.OverloadedException;
import com.anthropic.tool.client.error.PermissionDeniedException;
import com.anthropic.tool.client.error.RateLimitException;
import com.anthropic.tool.client.error.RequestTooLargeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockserver.integration.ClientAndServer;

/** Each status family becomes the right exception with status, type, message, request id, body. */
class ApiErrorsTest {
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

  private AnthropicClient client() {
    return AnthropicClient.builder()
        .apiKey("sk-test")
        .baseUrl("http://127.0.0.1:" + server.getPort())
        .retryPolicy(com.anthropic.tool.client.http.RetryPolicy.none())
        .build();
  }

  private ApiException failWith(int status, String body, Map<String, String> headers) {
    var resp = response().withStatusCode(status).withBody(body);
    headers.forEach(resp::withHeader);
    server.when(request().withPath("/v1/messages")).respond(resp);
    try (AnthropicClient c = client()) {
      return assertThrows(ApiException.class, () -> c.messages(TestServers.request().build()));
    }
  }

  static String resource(String name) throws IOException {
    try (var in = ApiErrorsTest.class.getResourceAsStream("/errors/" + name)) {
      return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Stream<Arguments> families() {
    return Stream.of(
        Arguments.of(
            400, "400.json", BadRequestException.class, "invalid_request_error", "req_400"),
        Arguments.of(
            401, "401.json", AuthenticationException.class, "authentication_error", "req_401"),
        Arguments.of(
            403, "403.json", PermissionDeniedException.class, "permission_error", "req_403"),
        Arguments.of(404, "404.json", NotFoundException.class, "not_found_error", "req_404"),
        Arguments.of(429, "429.json", RateLimitException.class, "rate_limit_error", "req_429"),
        Arguments.of(500, "500.json", InternalServerException.class, "api_error", "req_500"),
        Arguments.of(503, "500.json", InternalServerException.class, "api_error", "req_500"),
        Arguments.of(529, "529.json", OverloadedException.class, "overloaded_error", "req_529"));
  }

  @ParameterizedTest(name = "HTTP {0} -> {2}")
  @MethodSource("families")
  void should_map_each_status_family_to_its_exception(
      int status, String file, Class<?> type, String errorType, String requestId)
      throws IOException {
    String body = resource(file);

    ApiException e = failWith(status, body, Map.of());

    assertInstanceOf(type, e);
    assertEquals(status, e.status());
    assertEquals(errorType, e.type());
    assertEquals(requestId, e.requestId().orElseThrow());
    assertEquals(body, e.body());
    assertFalse(e.errorMessage().isBlank());
    assertTrue(e.getMessage().contains(errorType), e.getMessage());
    assertTrue(e.getMessage().contains(e.errorMessage()), e.getMessage());
    assertTrue(e.getMessage().contains(String.valueOf(status)), e.getMessage());
  }

  @Test
  void should_prefer_the_request_id_header_over_the_body() {
    ApiException e =
        failWith(
            500,
            "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"boom\"},"
                + "\"request_id\":\"req_body\"}",
            Map.of("request-id", "req_header"));

    assertEquals("req_header", e.requestId().orElseThrow());
    assertEquals("req_header", e.headers().first("Request-Id").orElseThrow());
  }

  @Test
  void should_treat_a_null_request_id_as_unknown() {
    ApiException e =
        failWith(
            500,
            "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server"
                + " error\"},\"request_id\":null}",
            Map.of());

    assertTrue(e.requestId().isEmpty());
    assertFalse(e.getMessage().contains("null"), e.getMessage());
  }

  @Test
  void should_describe_an_html_413_from_a_proxy() throws IOException {
    String html = resource("413-cloudflare.html");

    ApiException e = failWith(413, html, Map.of("content-type", "text/html"));

    assertInstanceOf(RequestTooLargeException.class, e);
    assertEquals(413, e.status());
    assertEquals(html, e.body());
    assertEquals("413 Request Entity Too Large", e.errorMessage());
    assertTrue(e.requestId().isEmpty());
    assertFalse(e.getMessage().contains("null"), e.getMessage());
    assertFalse(e.getMessage().contains("<"), e.getMessage());
  }

  @Test
  void should_summarise_an_html_body_without_a_title_as_text() {
    ApiException e =
        failWith(
            502,
            "<html>\n<body><h1>Bad gateway</h1>\n<p>upstream   died</p></body></html>",
            Map.of());

    assertInstanceOf(InternalServerException.class, e);
    assertEquals("Bad gateway upstream died", e.errorMessage());
  }

  @Test
  void should_describe_an_empty_error_body() {
    ApiException e = failWith(500, "", Map.of());

    assertEquals(500, e.status());
    assertEquals("empty response body", e.errorMessage());
    assertFalse(e.getMessage().contains("null"), e.getMessage());
  }

  @Test
  void should_never_put_null_in_the_message_of_a_hand_made_exception() {
    ApiException e =
        ApiException.of(
            500, null, null, null, com.anthropic.tool.client.http.Headers.empty(), null);

    assertFalse(e.getMessage().contains("null"), e.getMessage());
    assertEquals("", e.body());
  }

  /** Every error body in the shared fixtures, served with the status its file name starts with. */
  @TestFactory
  Stream<DynamicTest> should_parse_every_shared_error_fixture() throws IOException {
    var dir = TestServers.sharedFixtures().map(p -> p.resolve("json/errors"));
    org.junit.jupiter.api.Assumptions.assumeTrue(
        dir.isPresent() && Files.isDirectory(dir.get()), "shared fixtures absent");
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir.get())) {
      s.filter(p -> p.getFileName().toString().matches("\\d{3}-.*\\.json"))
          .sorted()
          .forEach(files::add);
    }
    assertFalse(files.isEmpty());
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      String name = f.getFileName().toString();
                      int status = Integer.parseInt(name.substring(0, 3));
                      String body = Files.readString(f);
                      var json = com.anthropic.tool.client.model.Json.parseObject(body);
                      var err = json.getAsJsonObject("error");
                      ApiException e = failWith(status, body, Map.of());
                      server.reset();
                      assertEquals(status, e.status());
                      assertEquals(err.get("type").getAsString(), e.type());
                      assertEquals(err.get("message").getAsString(), e.errorMessage());
                      assertEquals(body, e.body());
                      var rid = json.get("request_id");
                      if (rid == null || rid.isJsonNull()) {
                        assertTrue(e.requestId().isEmpty(), name);
                      } else {
                        assertEquals(rid.getAsString(), e.requestId().orElseThrow());
                      }
                      assertFalse(e.getMessage().contains("null"), e.getMessage());
                    }));
  }
}
