package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.anthropic.tool.client.RawServer;
import com.anthropic.tool.client.TestServers;
import com.anthropic.tool.client.model.Json;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/** The `messages` command against CLI.md: exit codes, error lines, input and output rules. */
class MessagesCommandContractTest {
  private static ClientAndServer server;
  @TempDir Path tmp;

  private static final String MESSAGE =
      "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-x\","
          + "\"content\":[{\"type\":\"thinking\",\"thinking\":\"deep thought\","
          + "\"signature\":\"s\"},{\"type\":\"text\",\"text\":\"Answer\"}],"
          + "\"stop_reason\":\"%s\",\"stop_sequence\":null,"
          + "\"usage\":{\"input_tokens\":3,\"output_tokens\":2}}";

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

  private String base() {
    return "http://127.0.0.1:" + server.getPort();
  }

  private CommandHarness harness() {
    return new CommandHarness()
        .env("ANTHROPIC_BASE_URL", base())
        .env("ANTHROPIC_API_KEY", "sk-test-secret");
  }

  private void answer(String stopReason) {
    server
        .when(request().withPath("/v1/messages"))
        .respond(response().withStatusCode(200).withBody(String.format(MESSAGE, stopReason)));
  }

  private void answer(HttpResponse r) {
    server.when(request().withPath("/v1/messages")).respond(r);
  }

  private JsonObject sentBody() {
    HttpRequest[] sent = server.retrieveRecordedRequests(request().withPath("/v1/messages"));
    assertEquals(1, sent.length);
    return Json.parseObject(sent[0].getBodyAsString());
  }

  private HttpRequest sentRequest() {
    HttpRequest[] sent = server.retrieveRecordedRequests(request().withPath("/v1/messages"));
    assertEquals(1, sent.length);
    return sent[0];
  }

  private int attempts() {
    return server.retrieveRecordedRequests(request().withPath("/v1/messages")).length;
  }

  private JsonArray userContent() {
    JsonArray msgs = sentBody().getAsJsonArray("messages");
    return msgs.get(msgs.size() - 1).getAsJsonObject().getAsJsonArray("content");
  }

  private static String error(String type, String message, String requestId) {
    return "{\"type\":\"error\",\"error\":{\"type\":\""
        + type
        + "\",\"message\":\""
        + message
        + "\"},\"request_id\":"
        + (requestId == null ? "null" : "\"" + requestId + "\"")
        + "}";
  }

  private static void assertOneErrorLine(CommandHarness.Result r, String expected) {
    List<String> errors = r.err().lines().filter(l -> l.startsWith("error:")).toList();
    assertEquals(List.of(expected), errors, r.describe());
    assertFalse(r.err().contains("null"), r.describe());
    assertFalse(r.err().contains("\tat "), r.describe());
    assertEquals("", r.out(), r.describe());
  }

  // ---- exit codes -------------------------------------------------------------------------

  @Test
  void should_exit_0_and_print_only_the_answer() {
    answer("end_turn");

    CommandHarness.Result r = harness().run("messages", "hi");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("Answer", r.out(), r.describe());
    assertEquals("", r.err(), r.describe());
  }

  static Stream<Arguments> apiFailures() {
    return Stream.of(
        Arguments.of(
            400,
            error("invalid_request_error", "max_tokens: too big", "req_a"),
            1,
            "error: invalid_request_error: max_tokens: too big (HTTP 400, request-id req_a)"),
        Arguments.of(
            404,
            error("not_found_error", "model: nope", "req_b"),
            1,
            "error: not_found_error: model: nope (HTTP 404, request-id req_b)"),
        Arguments.of(
            401,
            error("authentication_error", "invalid x-api-key", "req_c"),
            3,
            "error: authentication_error: invalid x-api-key; the key came from ANTHROPIC_API_KEY"
                + " (HTTP 401, request-id req_c)"),
        Arguments.of(
            403,
            error("permission_error", "Permission denied", "req_d"),
            3,
            "error: permission_error: Permission denied (HTTP 403, request-id req_d)"),
        Arguments.of(
            500,
            error("api_error", "Internal server error", null),
            1,
            "error: api_error: Internal server error (HTTP 500)"),
        Arguments.of(
            413,
            "{\"error\":{\"type\":\"request_too_large\",\"message\":\"Request exceeds the maximum"
                + " size\"}}",
            1,
            "error: request_too_large: Request exceeds the maximum size (HTTP 413)"),
        Arguments.of(
            413,
            "<html>\n<head><title>413 Request Entity Too Large</title></head>\n<body>\n"
                + "<center><h1>413 Request Entity Too Large</h1></center>\n</body>\n</html>\n",
            1,
            "error: request_too_large: 413 Request Entity Too Large (HTTP 413)"));
  }

  @ParameterizedTest(name = "HTTP {0} -> exit {2}")
  @MethodSource("apiFailures")
  void should_map_api_errors_to_exit_codes_and_one_error_line(
      int status, String body, int exit, String line) {
    answer(response().withStatusCode(status).withBody(body));

    CommandHarness.Result r = harness().run("messages", "--max-retries", "0", "hi");

    assertEquals(exit, r.exitCode(), r.describe());
    assertOneErrorLine(r, line);
  }

  @Test
  void should_take_the_request_id_from_the_header() {
    answer(
        response()
            .withStatusCode(401)
            .withHeader("request-id", "req_hdr")
            .withBody(error("authentication_error", "invalid x-api-key", null)));

    CommandHarness.Result r = harness().run("messages", "hi");

    assertEquals(3, r.exitCode(), r.describe());
    assertOneErrorLine(
        r,
        "error: authentication_error: invalid x-api-key; the key came from ANTHROPIC_API_KEY"
            + " (HTTP 401, request-id req_hdr)");
  }

  @Test
  void should_exit_4_after_retrying_429_with_notices_on_stderr() {
    answer(
        response()
            .withStatusCode(429)
            .withHeader("retry-after-ms", "1")
            .withBody(error("rate_limit_error", "slow down", "req_r")));

    CommandHarness.Result r = harness().run("messages", "hi");

    assertEquals(4, r.exitCode(), r.describe());
    assertEquals(3, attempts(), r.describe());
    assertEquals(2, r.err().lines().filter(l -> l.startsWith("retrying: ")).count(), r.describe());
    assertOneErrorLine(r, "error: rate_limit_error: slow down (HTTP 429, request-id req_r)");
  }

  @Test
  void should_exit_4_after_retrying_529() {
    answer(
        response()
            .withStatusCode(529)
            .withHeader("retry-after-ms", "1")
            .withBody(error("overloaded_error", "Overloaded", null)));

    CommandHarness.Result r = harness().run("messages", "--max-retries", "1", "hi");

    assertEquals(4, r.exitCode(), r.describe());
    assertEquals(2, attempts(), r.describe());
    assertOneErrorLine(r, "error: overloaded_error: Overloaded (HTTP 529)");
  }

  @Test
  void should_send_once_with_no_retries() {
    answer(response().withStatusCode(529).withBody(error("overloaded_error", "Overloaded", null)));

    CommandHarness.Result r = harness().run("messages", "--no-retries", "hi");

    assertEquals(4, r.exitCode(), r.describe());
    assertEquals(1, attempts(), r.describe());
    assertFalse(r.err().contains("retrying:"), r.describe());
  }

  @Test
  void should_exit_5_when_the_connection_is_refused() throws IOException {
    int port = TestServers.closedPort();

    CommandHarness.Result r =
        harness()
            .env("ANTHROPIC_BASE_URL", "http://127.0.0.1:" + port)
            .run("messages", "--max-retries", "0", "hi");

    assertEquals(5, r.exitCode(), r.describe());
    assertTrue(r.err().startsWith("error: connection_error: connection refused"), r.describe());
    assertOneErrorLine(r, r.err().strip());
  }

  @Test
  void should_exit_5_on_a_timeout() throws IOException {
    try (RawServer silent = new RawServer(RawServer.silent())) {
      CommandHarness.Result r =
          harness()
              .env("ANTHROPIC_BASE_URL", silent.baseUrl())
              .run("messages", "--timeout", "0.3", "--max-tokens", "1", "hi");

      assertEquals(5, r.exitCode(), r.describe());
      assertTrue(r.err().startsWith("error: timeout_error: "), r.describe());
    }
  }

  @Test
  void should_exit_5_when_the_connection_drops_mid_response() throws IOException {
    try (RawServer server = new RawServer(RawServer.headThenClose(200, "{\"id\":"))) {
      CommandHarness.Result r =
          harness().env("ANTHROPIC_BASE_URL", server.baseUrl()).run("messages", "hi");

      assertEquals(5, r.exitCode(), r.describe());
      assertTrue(r.err().startsWith("error: connection_error: "), r.describe());
    }
  }

  @Test
  void should_exit_3_without_a_key_and_say_how_to_give_one() {
    CommandHarness.Result r =
        new CommandHarness().env("ANTHROPIC_BASE_URL", base()).run("messages", "hi");

    assertEquals(3, r.exitCode(), r.describe());
    assertTrue(r.err().startsWith("error: authentication_error: "), r.describe());
    assertTrue(r.err().contains("ANTHROPIC_API_KEY"), r.describe());
    assertTrue(r.err().contains("--api-key"), r.describe());
    assertTrue(r.err().contains("config.properties"), r.describe());
    assertTrue(r.err().contains("anthropic mock-server"), r.describe());
    assertEquals(0, attempts());
  }

  @Test
  void should_treat_an_empty_api_key_as_none() {
    CommandHarness.Result r =
        new CommandHarness()
            .env("ANTHROPIC_BASE_URL", base())
            .run("messages", "--api-key", "", "hi");

    assertEquals(3, r.exitCode(), r.describe());
    assertTrue(r.err().startsWith("error: authentication_error: "), r.describe());
    assertEquals(0, attempts());
  }

  static Stream<Arguments> usageErrors() {
    return Stream.of(
        Arguments.of((Object) new String[] {"messages", "--no-such-flag", "hi"}),
        Arguments.of((Object) new String[] {"messages", "--max-tokens", "many", "hi"}),
        Arguments.of((Object) new String[] {"messages", "--format", "yaml", "hi"}),
        Arguments.of((Object) new String[] {"messages", "-t", "3", "hi"}),
        Arguments.of((Object) new String[] {"messages", "--max-tokens", "0", "hi"}),
        Arguments.of((Object) new String[] {"messages", "--thinking", "10", "hi"}),
        Arguments.of((Object) new String[] {"messages", "--cache-ttl", "2h", "hi"}),
        Arguments.of((Object) new String[] {"messages", "--service-tier", "gold", "hi"}),
        Arguments.of((Object) new String[] {"messages", "--max-retries", "-1", "hi"}),
        Arguments.of((Object) new String[] {"messages", "--timeout", "soon", "hi"}),
        Arguments.of((Object) new String[] {"messages", "-a", "/no/such/file.png", "hi"}),
        Arguments.of((Object) new String[] {"messages", "--request", "/no/such/body.json"}),
        Arguments.of((Object) new String[] {"messages", "--system-file", "/no/such/sys.txt", "hi"}),
        Arguments.of((Object) new String[] {"messages", "--tool", "/no/such/tool.json", "hi"}),
        Arguments.of((Object) new String[] {"messages", "hi", "--beta"}),
        Arguments.of((Object) new String[] {"no-such-command"}));
  }

  @ParameterizedTest
  @MethodSource("usageErrors")
  void should_exit_2_on_usage_errors_before_sending(String[] args) {
    answer("end_turn");

    CommandHarness.Result r = harness().run(args);

    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(r.err().startsWith("error: "), r.describe());
    assertEquals(1, r.err().lines().count(), r.describe());
    assertEquals("", r.out(), r.describe());
    assertEquals(0, attempts(), r.describe());
  }

  @Test
  void should_exit_2_on_bad_json_in_the_request_file() throws IOException {
    Path body = tmp.resolve("body.json");
    Files.writeString(body, "{\"model\": ");

    CommandHarness.Result r = harness().run("messages", "--request", body.toString());

    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(r.err().startsWith("error: invalid_input: --request"), r.describe());
    assertEquals(0, attempts());
  }

  @Test
  void should_exit_2_when_stdin_is_empty_and_there_is_no_prompt() {
    CommandHarness.Result r = harness().stdin("").run("messages");

    assertEquals(2, r.exitCode(), r.describe());
    assertEquals(0, attempts());
  }

  @Test
  void should_print_usage_and_exit_2_with_no_prompt_on_a_terminal() {
    CommandHarness.Result r =
        harness().stdinIsTerminal(true).stdin(new NeverEndingStream()).run("messages");

    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(r.err().startsWith("Usage:"), r.describe());
  }

  // ---- input ------------------------------------------------------------------------------

  @Test
  void should_put_piped_stdin_before_the_prompt_words() {
    answer("end_turn");

    CommandHarness.Result r = harness().stdin("the document\n").run("messages", "Summarise", "it");

    assertEquals(0, r.exitCode(), r.describe());
    JsonArray content = userContent();
    assertEquals(2, content.size(), content.toString());
    JsonObject doc = content.get(0).getAsJsonObject();
    assertEquals("document", doc.get("type").getAsString(), content.toString());
    assertEquals("text", doc.getAsJsonObject("source").get("type").getAsString());
    assertEquals("text/plain", doc.getAsJsonObject("source").get("media_type").getAsString());
    assertEquals("the document\n", doc.getAsJsonObject("source").get("data").getAsString());
    assertEquals("Summarise it", content.get(1).getAsJsonObject().get("text").getAsString());
  }

  @Test
  void should_send_piped_stdin_alone_as_the_prompt_text() {
    answer("end_turn");

    CommandHarness.Result r = harness().stdin("What is 2+2?").run("messages");

    assertEquals(0, r.exitCode(), r.describe());
    JsonArray content = userContent();
    assertEquals(1, content.size(), content.toString());
    assertEquals("text", content.get(0).getAsJsonObject().get("type").getAsString());
    assertEquals("What is 2+2?", content.get(0).getAsJsonObject().get("text").getAsString());
  }

  @Test
  void should_not_read_stdin_when_it_is_a_terminal() {
    answer("end_turn");

    CommandHarness.Result r =
        harness().stdinIsTerminal(true).stdin(new NeverEndingStream()).run("messages", "hi");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(1, userContent().size());
  }

  private static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
  };
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};
  private static final byte[] PDF =
      "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);

  @Test
  void should_attach_files_typed_by_content_and_urls_as_url_sources() throws IOException {
    answer("end_turn");
    Path png = tmp.resolve("picture.dat");
    Files.write(png, PNG);
    Path jpeg = tmp.resolve("photo.png"); // the extension lies
    Files.write(jpeg, JPEG);
    Path pdf = tmp.resolve("paper");
    Files.write(pdf, PDF);
    Path text = tmp.resolve("notes.md");
    Files.writeString(text, "# notes\nü\n");

    CommandHarness.Result r =
        harness()
            .run(
                "messages",
                "-a",
                png.toString(),
                "--attach",
                jpeg.toString(),
                "-a",
                pdf.toString(),
                "-a",
                text.toString(),
                "-a",
                "https://example.com/cat.jpg?x=1",
                "-a",
                "https://example.com/paper.PDF",
                "compare");

    assertEquals(0, r.exitCode(), r.describe());
    JsonArray c = userContent();
    assertEquals(7, c.size(), c.toString());
    assertBase64(c.get(0).getAsJsonObject(), "image", "image/png", PNG);
    assertBase64(c.get(1).getAsJsonObject(), "image", "image/jpeg", JPEG);
    assertBase64(c.get(2).getAsJsonObject(), "document", "application/pdf", PDF);
    JsonObject doc = c.get(3).getAsJsonObject();
    assertEquals("document", doc.get("type").getAsString());
    assertEquals("text", doc.getAsJsonObject("source").get("type").getAsString());
    assertEquals("text/plain", doc.getAsJsonObject("source").get("media_type").getAsString());
    assertEquals("# notes\nü\n", doc.getAsJsonObject("source").get("data").getAsString());
    assertEquals("notes.md", doc.get("title").getAsString());
    JsonObject urlImage = c.get(4).getAsJsonObject();
    assertEquals("image", urlImage.get("type").getAsString());
    assertEquals(
        Json.parseObject("{\"type\":\"url\",\"url\":\"https://example.com/cat.jpg?x=1\"}"),
        urlImage.getAsJsonObject("source"));
    JsonObject urlDoc = c.get(5).getAsJsonObject();
    assertEquals("document", urlDoc.get("type").getAsString());
    assertEquals(
        "https://example.com/paper.PDF", urlDoc.getAsJsonObject("source").get("url").getAsString());
    assertEquals("compare", c.get(6).getAsJsonObject().get("text").getAsString());
  }

  private static void assertBase64(JsonObject block, String type, String mediaType, byte[] data) {
    assertEquals(type, block.get("type").getAsString(), block.toString());
    JsonObject source = block.getAsJsonObject("source");
    assertEquals("base64", source.get("type").getAsString());
    assertEquals(mediaType, source.get("media_type").getAsString());
    assertEquals(Base64.getEncoder().encodeToString(data), source.get("data").getAsString());
  }

  @Test
  void should_reject_a_binary_attachment_it_cannot_type() throws IOException {
    Path bin = tmp.resolve("blob.bin");
    Files.write(bin, new byte[] {0, 1, 2, 3, (byte) 0xfe});

    CommandHarness.Result r = harness().run("messages", "-a", bin.toString(), "hi");

    assertEquals(2, r.exitCode(), r.describe());
    assertEquals(0, attempts());
  }

  @Test
  void should_let_flags_override_the_request_file_and_keep_unknown_fields() throws IOException {
    answer("end_turn");
    Path body = tmp.resolve("body.json");
    Files.writeString(
        body,
        "{\"model\":\"file-model\",\"max_tokens\":10,\"temperature\":0.1,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"from file\"}],"
            + "\"future_knob\":{\"a\":[1,2]},\"metadata\":{\"user_id\":\"u\"}}");

    CommandHarness.Result r =
        harness()
            .run(
                "messages",
                "--request",
                body.toString(),
                "-m",
                "flag-model",
                "--max-tokens",
                "99",
                "more words");

    assertEquals(0, r.exitCode(), r.describe());
    JsonObject sent = sentBody();
    assertEquals("flag-model", sent.get("model").getAsString());
    assertEquals(99, sent.get("max_tokens").getAsInt());
    assertEquals(0.1, sent.get("temperature").getAsDouble());
    assertEquals(Json.parseObject("{\"a\":[1,2]}"), sent.get("future_knob"));
    assertEquals("u", sent.getAsJsonObject("metadata").get("user_id").getAsString());
    JsonArray content = userContent();
    assertEquals("from file", content.get(0).getAsJsonObject().get("text").getAsString());
    assertEquals("more words", content.get(1).getAsJsonObject().get("text").getAsString());
  }

  @Test
  void should_read_the_request_from_stdin() {
    answer("end_turn");

    CommandHarness.Result r =
        harness()
            .stdin(
                "{\"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
            .run("messages", "--request", "-");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(5, sentBody().get("max_tokens").getAsInt());
  }

  @Test
  void should_send_a_stream_request_file_as_a_non_streaming_call() throws IOException {
    answer("end_turn");
    Path body = tmp.resolve("stream.json");
    Files.writeString(
        body,
        "{\"model\":\"m\",\"max_tokens\":5,\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");

    CommandHarness.Result r = harness().run("messages", "--request", body.toString());

    assertEquals(0, r.exitCode(), r.describe());
    assertFalse(sentBody().has("stream"), sentBody().toString());
  }

  // ---- output -----------------------------------------------------------------------------

  @Test
  void should_print_usage_to_stderr_only() {
    answer("end_turn");

    CommandHarness.Result r = harness().run("messages", "-u", "hi");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("Answer", r.out());
    assertTrue(r.err().contains("usage: input_tokens=3 output_tokens=2"), r.describe());
  }

  @Test
  void should_print_the_whole_message_with_format_json() {
    answer("end_turn");

    CommandHarness.Result r = harness().run("messages", "--format", "json", "-u", "hi");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(Json.parseObject(String.format(MESSAGE, "end_turn")), Json.parseObject(r.out()));
    assertEquals(1, r.out().lines().count());
  }

  @Test
  void should_warn_on_stderr_naming_max_tokens() {
    answer("max_tokens");

    CommandHarness.Result r = harness().run("messages", "hi");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("Answer", r.out());
    assertTrue(r.err().startsWith("warning: "), r.describe());
    assertTrue(r.err().contains("max_tokens"), r.describe());
    assertFalse(r.err().contains("\u001b"), r.describe());
  }

  @Test
  void should_show_thinking_on_stderr_only() {
    answer("end_turn");

    CommandHarness.Result quiet = harness().run("messages", "hi");
    server.clear(request());
    answer("end_turn");
    CommandHarness.Result shown = harness().run("messages", "--show-thinking", "hi");

    assertFalse(quiet.err().contains("deep thought"), quiet.describe());
    assertFalse(quiet.out().contains("deep thought"), quiet.describe());
    assertEquals("Answer", shown.out(), shown.describe());
    assertTrue(shown.err().contains("deep thought"), shown.describe());
  }

  // ---- shared options -------------------------------------------------------------------

  @Test
  void should_accept_debug_before_the_subcommand() {
    answer("end_turn");

    CommandHarness.Result r = harness().run("--debug", "messages", "hi");

    assertDebugOutput(r);
  }

  @Test
  void should_accept_debug_after_the_subcommand() {
    answer("end_turn");

    CommandHarness.Result r = harness().run("messages", "--debug", "hi");

    assertDebugOutput(r);
  }

  private static void assertDebugOutput(CommandHarness.Result r) {
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("Answer", r.out(), r.describe());
    assertTrue(r.err().contains("debug: > POST http://"), r.describe());
    assertTrue(r.err().contains("debug: > x-api-key: <redacted>"), r.describe());
    assertTrue(r.err().contains("debug: < POST /v1/messages HTTP 200"), r.describe());
    assertFalse(r.err().contains("sk-test-secret"), r.describe());
  }

  @Test
  void should_redact_a_bearer_token_and_key_like_custom_headers_in_debug() {
    answer("end_turn");

    CommandHarness.Result r =
        new CommandHarness()
            .env("ANTHROPIC_BASE_URL", base())
            .env("ANTHROPIC_AUTH_TOKEN", "tok-secret")
            .env("ANTHROPIC_CUSTOM_HEADERS", "X-Proxy-Api-Key: proxy-secret\nX-Team: blue")
            .run("messages", "--debug", "hi");

    assertEquals(0, r.exitCode(), r.describe());
    assertFalse(r.err().contains("tok-secret"), r.describe());
    assertFalse(r.err().contains("proxy-secret"), r.describe());
    assertTrue(r.err().contains("X-Team: blue"), r.describe());
  }

  @Test
  void should_print_a_stack_trace_only_with_debug() {
    answer(response().withStatusCode(404).withBody(error("not_found_error", "nope", "req_x")));

    CommandHarness.Result plain = harness().run("messages", "hi");
    CommandHarness.Result debug = harness().run("--debug", "messages", "hi");

    assertFalse(plain.err().contains("\tat "), plain.describe());
    assertTrue(debug.err().contains("\tat "), debug.describe());
  }

  @Test
  void should_apply_shared_options_in_either_position() {
    answer("end_turn");

    CommandHarness.Result before =
        harness().run("--api-key", "sk-flag-1", "--beta", "b1", "messages", "hi");
    HttpRequest first = sentRequest();
    server.clear(request());
    answer("end_turn");
    CommandHarness.Result after =
        harness().run("messages", "--api-key", "sk-flag-2", "--beta", "b2", "hi");
    HttpRequest second = sentRequest();

    assertEquals(0, before.exitCode(), before.describe());
    assertEquals(0, after.exitCode(), after.describe());
    assertEquals("sk-flag-1", first.getFirstHeader("x-api-key"));
    assertEquals("b1", first.getFirstHeader("anthropic-beta"));
    assertEquals("sk-flag-2", second.getFirstHeader("x-api-key"));
    assertEquals("b2", second.getFirstHeader("anthropic-beta"));
  }

  @Test
  void should_combine_repeatable_shared_options_given_in_both_positions() {
    answer("end_turn");

    CommandHarness.Result r =
        harness().run("--beta", "b1", "--no-retries", "messages", "--beta", "b2", "hi");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("b1,b2", sentRequest().getFirstHeader("anthropic-beta"));
  }

  @Test
  void should_exit_5_when_the_answer_stalls_after_the_head() throws IOException {
    try (RawServer stall = new RawServer(RawServer.headThenSilence("{\"id\":"))) {
      CommandHarness.Result r =
          harness()
              .env("ANTHROPIC_BASE_URL", stall.baseUrl())
              .run("messages", "--timeout", "0.3", "--max-tokens", "1", "hi");

      assertEquals(5, r.exitCode(), r.describe());
      assertTrue(r.err().startsWith("error: timeout_error: "), r.describe());
    }
  }

  @Test
  void should_print_help_and_version_to_stdout_with_exit_0() {
    CommandHarness.Result help = harness().run("--help");
    CommandHarness.Result subHelp = harness().run("messages", "--help");
    CommandHarness.Result version = harness().run("--version");

    assertEquals(0, help.exitCode(), help.describe());
    assertTrue(help.out().startsWith("Usage:"), help.describe());
    assertTrue(help.out().contains("messages"), help.describe());
    assertEquals(0, subHelp.exitCode(), subHelp.describe());
    assertTrue(subHelp.out().contains("--max-tokens"), subHelp.describe());
    assertEquals(0, version.exitCode(), version.describe());
    assertTrue(version.out().matches("anthropic \\d+\\.\\d+\\.\\d+\\R"), version.describe());
  }

  @Test
  void should_print_help_without_escape_sequences_when_colour_is_off() {
    CommandHarness.Result flag = harness().stdoutIsTerminal(true).run("--no-color", "--help");
    CommandHarness.Result dumb =
        harness().stdoutIsTerminal(true).env("TERM", "dumb").run("messages", "--help");
    CommandHarness.Result noColor =
        harness().stdoutIsTerminal(true).env("NO_COLOR", "1").run("--help");
    CommandHarness.Result pipe = harness().run("--help");

    for (CommandHarness.Result r : List.of(flag, dumb, noColor, pipe)) {
      assertEquals(0, r.exitCode(), r.describe());
      assertFalse(r.out().contains("\u001b"), r.describe());
    }
  }

  // ---- configuration ---------------------------------------------------------------------

  private CommandHarness withConfig(String properties) throws IOException {
    Path dir = tmp.resolve("xdg/anthropic-cli");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("config.properties"), properties);
    return new CommandHarness().env("XDG_CONFIG_HOME", tmp.resolve("xdg").toString());
  }

  @Test
  void should_use_the_config_file_below_environment_and_flags() throws IOException {
    answer("end_turn");
    String config =
        "model=config-model\nmax-tokens=77\nbase-url=" + base() + "\napi-key=sk-config\n";

    CommandHarness.Result fromFile = withConfig(config).run("messages", "hi");
    JsonObject fileBody = sentBody();
    server.clear(request());
    answer("end_turn");
    CommandHarness.Result fromEnv =
        withConfig(config)
            .env("ANTHROPIC_MODEL", "env-model")
            .env("ANTHROPIC_API_KEY", "sk-env")
            .run("messages", "hi");
    JsonObject envBody = sentBody();
    String envKey = sentRequest().getFirstHeader("x-api-key");
    server.clear(request());
    answer("end_turn");
    CommandHarness.Result fromFlag =
        withConfig(config)
            .env("ANTHROPIC_MODEL", "env-model")
            .env("ANTHROPIC_API_KEY", "sk-env")
            .run("messages", "-m", "flag-model", "--api-key", "sk-flag", "--max-tokens", "5", "hi");
    JsonObject flagBody = sentBody();
    String flagKey = sentRequest().getFirstHeader("x-api-key");

    assertEquals(0, fromFile.exitCode(), fromFile.describe());
    assertEquals("config-model", fileBody.get("model").getAsString());
    assertEquals(77, fileBody.get("max_tokens").getAsInt());
    assertEquals(0, fromEnv.exitCode(), fromEnv.describe());
    assertEquals("env-model", envBody.get("model").getAsString());
    assertEquals("sk-env", envKey);
    assertEquals(0, fromFlag.exitCode(), fromFlag.describe());
    assertEquals("flag-model", flagBody.get("model").getAsString());
    assertEquals(5, flagBody.get("max_tokens").getAsInt());
    assertEquals("sk-flag", flagKey);
  }

  @Test
  void should_let_an_environment_token_beat_a_key_in_the_config_file() throws IOException {
    answer("end_turn");

    CommandHarness.Result r =
        withConfig("api-key=sk-config\nbase-url=" + base() + "\n")
            .env("ANTHROPIC_AUTH_TOKEN", "tok-env")
            .run("messages", "hi");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("Bearer tok-env", sentRequest().getFirstHeader("authorization"));
    assertEquals("", sentRequest().getFirstHeader("x-api-key"));
  }

  @Test
  void should_default_to_the_model_table() {
    answer("end_turn");

    CommandHarness.Result r = harness().run("messages", "hi");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(ModelDefaults.DEFAULT_MODEL, sentBody().get("model").getAsString());
    assertEquals(
        ModelDefaults.maxTokensFor(ModelDefaults.DEFAULT_MODEL),
        sentBody().get("max_tokens").getAsInt());
  }

  @Test
  void should_prefer_anthropic_base_url_over_anthropic_api_base() throws IOException {
    answer("end_turn");
    int closed = TestServers.closedPort();

    CommandHarness.Result r =
        harness().env("ANTHROPIC_API_BASE", "http://127.0.0.1:" + closed).run("messages", "hi");
    CommandHarness.Result alone =
        new CommandHarness()
            .env("ANTHROPIC_API_KEY", "k")
            .env("ANTHROPIC_API_BASE", base())
            .run("messages", "hi");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(0, alone.exitCode(), alone.describe());
  }

  @Test
  void should_let_the_base_url_flag_beat_the_environment() throws IOException {
    answer("end_turn");
    int closed = TestServers.closedPort();

    CommandHarness.Result r =
        harness()
            .env("ANTHROPIC_BASE_URL", "http://127.0.0.1:" + closed)
            .run("messages", "--base-url", base(), "hi");

    assertEquals(0, r.exitCode(), r.describe());
  }

  /** A stdin that would block forever: reading it is a bug. */
  private static final class NeverEndingStream extends java.io.InputStream {
    @Override
    public int read() {
      throw new AssertionError("stdin must not be read here");
    }
  }
}
