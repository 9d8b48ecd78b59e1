package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.anthropic.tool.client.RawServer;
import com.anthropic.tool.client.model.Json;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.Parameter;

/** {@code files upload|list|get|download|delete} and {@code -a file_…} against a loopback API. */
class FilesCommandTest {
  private static final String BETA = "files-api-2025-04-14";
  private static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
  };
  private static ClientAndServer server;
  @TempDir Path tmp;

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

  private CommandHarness harness(String base) {
    return new CommandHarness()
        .env("ANTHROPIC_BASE_URL", base)
        .env("ANTHROPIC_API_KEY", "sk-test")
        .env("XDG_CONFIG_HOME", tmp.resolve("config").toString())
        .env("XDG_CACHE_HOME", tmp.resolve("cache").toString());
  }

  private CommandHarness harness() {
    return harness("http://127.0.0.1:" + server.getPort());
  }

  private static String file(String id, String name, String mime, long size) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\"file\",\"filename\":\""
        + name
        + "\",\"mime_type\":\""
        + mime
        + "\",\"size_bytes\":"
        + size
        + ",\"created_at\":\"2025-04-15T18:37:24.100435Z\",\"downloadable\":false}";
  }

  private HttpRequest only(String method, String path) {
    HttpRequest[] sent =
        server.retrieveRecordedRequests(request().withMethod(method).withPath(path));
    assertEquals(1, sent.length, method + " " + path);
    return sent[0];
  }

  @Test
  void should_upload_as_multipart_with_the_beta_header_and_print_the_id() throws IOException {
    Path pdf = tmp.resolve("paper.pdf");
    Files.write(pdf, "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1));
    server
        .when(request().withMethod("POST").withPath("/v1/files"))
        .respond(response().withBody(file("file_011", "paper.pdf", "application/pdf", 17)));

    CommandHarness.Result r = harness().run("files", "upload", pdf.toString());

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("file_011\n", r.out(), r.describe());
    HttpRequest sent = only("POST", "/v1/files");
    assertEquals(BETA, sent.getFirstHeader("anthropic-beta"));
    String type = sent.getFirstHeader("content-type");
    assertTrue(type.startsWith("multipart/form-data; boundary="), type);
    String boundary = type.substring(type.indexOf("boundary=") + 9);
    assertEquals(
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"paper.pdf\"\r\n"
            + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n1 0 obj\n\r\n--"
            + boundary
            + "--\r\n",
        new String(sent.getBodyAsRawBytes(), StandardCharsets.ISO_8859_1));
  }

  @Test
  void should_list_a_page_with_the_beta_header_and_say_how_to_get_the_next() {
    server
        .when(request().withMethod("GET").withPath("/v1/files"))
        .respond(
            response()
                .withBody(
                    "{\"data\":["
                        + file("file_b", "b.txt", "text/plain", 3)
                        + ","
                        + file("file_a", "a.png", "image/png", 16)
                        + "],\"has_more\":true,\"first_id\":\"file_b\",\"last_id\":\"file_a\"}"));

    CommandHarness.Result r = harness().run("files", "list", "--limit", "2");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(
        "file_b\tb.txt\ttext/plain\t3\t2025-04-15T18:37:24.100435Z\n"
            + "file_a\ta.png\timage/png\t16\t2025-04-15T18:37:24.100435Z\n",
        r.out(),
        r.describe());
    assertTrue(r.err().startsWith("note: ") && r.err().contains("--after-id file_a"), r.describe());
    HttpRequest sent = only("GET", "/v1/files");
    assertEquals(BETA, sent.getFirstHeader("anthropic-beta"));
    assertEquals("2", sent.getFirstQueryStringParameter("limit"));
  }

  @Test
  void should_follow_every_page_with_all() {
    server
        .when(
            request()
                .withMethod("GET")
                .withPath("/v1/files")
                .withQueryStringParameter(Parameter.param("after_id", "file_b")))
        .respond(
            response()
                .withBody(
                    "{\"data\":["
                        + file("file_a", "a", "text/plain", 1)
                        + "],\"has_more\":false,\"first_id\":\"file_a\",\"last_id\":\"file_a\"}"));
    server
        .when(request().withMethod("GET").withPath("/v1/files"))
        .respond(
            response()
                .withBody(
                    "{\"data\":["
                        + file("file_b", "b", "text/plain", 1)
                        + "],\"has_more\":true,\"first_id\":\"file_b\",\"last_id\":\"file_b\"}"));

    CommandHarness.Result r = harness().run("files", "list", "--all", "--format", "json");

    assertEquals(0, r.exitCode(), r.describe());
    List<String> ids =
        r.out().lines().map(l -> Json.parseObject(l).get("id").getAsString()).toList();
    assertEquals(List.of("file_b", "file_a"), ids, r.describe());
    assertEquals("", r.err(), r.describe());
  }

  @Test
  void should_get_and_delete_with_the_beta_header() {
    server
        .when(request().withMethod("GET").withPath("/v1/files/file_1"))
        .respond(response().withBody(file("file_1", "a.png", "image/png", 16)));
    server
        .when(request().withMethod("DELETE").withPath("/v1/files/file_1"))
        .respond(response().withBody("{\"id\":\"file_1\",\"type\":\"file_deleted\"}"));

    CommandHarness.Result get = harness().run("files", "get", "file_1", "--format", "json");
    CommandHarness.Result del = harness().run("files", "delete", "file_1");

    assertEquals(0, get.exitCode(), get.describe());
    assertEquals(
        Json.parseObject(file("file_1", "a.png", "image/png", 16)), Json.parseObject(get.out()));
    assertEquals("file_1\tdeleted\n", del.out(), del.describe());
    assertEquals(BETA, only("GET", "/v1/files/file_1").getFirstHeader("anthropic-beta"));
    assertEquals(BETA, only("DELETE", "/v1/files/file_1").getFirstHeader("anthropic-beta"));
  }

  @Test
  void should_download_the_bytes_unchanged_to_stdout_and_to_a_file() throws IOException {
    byte[] content = new byte[200_000];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31);
    }
    server
        .when(request().withMethod("GET").withPath("/v1/files/file_1/content"))
        .respond(
            response().withHeader("content-type", "application/octet-stream").withBody(content));

    CommandHarness.Result toStdout = harness().run("files", "download", "file_1");
    Path out = tmp.resolve("copy.bin");
    CommandHarness.Result toFile =
        harness().run("files", "download", "file_1", "--output", out.toString());

    assertEquals(0, toStdout.exitCode(), toStdout.describe());
    assertEquals(0, toFile.exitCode(), toFile.describe());
    assertArrayEquals(content, Files.readAllBytes(out));
    assertEquals(
        BETA,
        server.retrieveRecordedRequests(request().withPath("/v1/files/file_1/content"))[0]
            .getFirstHeader("anthropic-beta"));
  }

  @Test
  void should_leave_nothing_when_a_download_is_cut_midway() throws IOException {
    Path out = tmp.resolve("dl").resolve("result.bin");
    Files.createDirectories(out.getParent());
    try (RawServer cut = new RawServer(RawServer.headThenClose(200, "only part of the file"))) {
      CommandHarness.Result r =
          harness(cut.baseUrl())
              .run("files", "download", "file_1", "--output", out.toString(), "--no-retries");

      assertEquals(ExitCodes.NETWORK, r.exitCode(), r.describe());
      assertTrue(r.err().startsWith("error: "), r.describe());
    }
    try (Stream<Path> left = Files.list(out.getParent())) {
      assertEquals(List.of(), left.toList(), "neither the file nor a temporary one is left");
    }
  }

  @Test
  void should_attach_an_uploaded_image_and_pdf_by_id_with_the_beta_on_that_request_only()
      throws IOException {
    server
        .when(request().withMethod("GET").withPath("/v1/files/file_img"))
        .respond(response().withBody(file("file_img", "a.png", "image/png", 16)));
    server
        .when(request().withMethod("GET").withPath("/v1/files/file_pdf"))
        .respond(response().withBody(file("file_pdf", "p.pdf", "application/pdf", 9)));
    server
        .when(request().withMethod("POST").withPath("/v1/messages"))
        .respond(
            response()
                .withBody(
                    "{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\",\"content\":"
                        + "[{\"type\":\"text\",\"text\":\"ok\"}],\"stop_reason\":\"end_turn\"}"));

    CommandHarness.Result r =
        harness()
            .run("messages", "-a", "file_img", "-a", "file_pdf", "-a", "file_img", "Compare them");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("ok", r.out());
    HttpRequest sent = only("POST", "/v1/messages");
    assertEquals(BETA, sent.getFirstHeader("anthropic-beta"));
    JsonObject body = Json.parseObject(sent.getBodyAsString());
    assertEquals(
        Json.parseObject(
            "{\"role\":\"user\",\"content\":["
                + "{\"type\":\"image\",\"source\":{\"type\":\"file\",\"file_id\":\"file_img\"}},"
                + "{\"type\":\"document\",\"source\":{\"type\":\"file\",\"file_id\":\"file_pdf\"}},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"file\",\"file_id\":\"file_img\"}},"
                + "{\"type\":\"text\",\"text\":\"Compare them\"}]}"),
        body.getAsJsonArray("messages").get(0));
    assertEquals(
        1,
        server.retrieveRecordedRequests(request().withPath("/v1/files/file_img")).length,
        "each file id is looked up once");

    server.reset();
    server
        .when(request().withMethod("POST").withPath("/v1/messages"))
        .respond(
            response()
                .withBody(
                    "{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\",\"content\":"
                        + "[{\"type\":\"text\",\"text\":\"ok\"}],\"stop_reason\":\"end_turn\"}"));
    CommandHarness.Result plain = harness().run("messages", "Hi");
    assertEquals(0, plain.exitCode(), plain.describe());
    assertEquals(
        "",
        only("POST", "/v1/messages").getFirstHeader("anthropic-beta"),
        "a request without file ids carries no Files beta");
  }

  @Test
  void should_fail_with_the_apis_error_and_send_no_message_for_an_unknown_file_id() {
    server
        .when(request().withMethod("GET").withPath("/v1/files/file_gone"))
        .respond(
            response()
                .withStatusCode(404)
                .withBody(
                    "{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\","
                        + "\"message\":\"File not found\"},\"request_id\":\"req_1\"}"));

    CommandHarness.Result r = harness().run("messages", "-a", "file_gone", "What is it?");

    assertEquals(1, r.exitCode(), r.describe());
    assertTrue(r.err().startsWith("error: not_found_error: File not found"), r.describe());
    assertEquals(0, server.retrieveRecordedRequests(request().withPath("/v1/messages")).length);
    assertFalse(r.err().contains("\tat "), r.describe());
  }

  @Test
  void should_refuse_a_missing_upload_file_with_exit_2_and_send_nothing() {
    CommandHarness.Result r = harness().run("files", "upload", tmp.resolve("nope.pdf").toString());
    assertEquals(2, r.exitCode(), r.describe());
    assertEquals(0, server.retrieveRecordedRequests(request()).length);
  }
}
