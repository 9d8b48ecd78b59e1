package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.anthropic.tool.client.model.Json;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.Times;
import org.mockserver.model.HttpRequest;

/** The batch lifecycle against MockServer. */
class BatchesCommandTest {
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

  private String base() {
    return "http://127.0.0.1:" + server.getPort();
  }

  private CommandHarness harness() {
    return new CommandHarness()
        .env("ANTHROPIC_BASE_URL", base())
        .env("ANTHROPIC_API_KEY", "sk-test")
        .env("XDG_CACHE_HOME", tmp.resolve("cache").toString());
  }

  private String batch(String id, String status, String resultsUrl) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\"message_batch\",\"processing_status\":\""
        + status
        + "\",\"request_counts\":{\"processing\":"
        + (status.equals("ended") ? 0 : 2)
        + ",\"succeeded\":"
        + (status.equals("ended") ? 2 : 0)
        + ",\"errored\":0,\"canceled\":0,\"expired\":0},"
        + "\"created_at\":\"2024-09-24T18:37:24.100435Z\",\"ended_at\":"
        + (status.equals("ended") ? "\"2024-09-24T18:40:00Z\"" : "null")
        + ",\"expires_at\":\"2024-09-25T18:37:24.100435Z\",\"cancel_initiated_at\":null,"
        + "\"archived_at\":null,\"results_url\":"
        + (resultsUrl == null ? "null" : "\"" + resultsUrl + "\"")
        + "}";
  }

  /** The content of the first message of request i of a create body's {@code requests}. */
  private static JsonArray firstTurn(JsonArray requests, int i) {
    return requests
        .get(i)
        .getAsJsonObject()
        .getAsJsonObject("params")
        .getAsJsonArray("messages")
        .get(0)
        .getAsJsonObject()
        .getAsJsonArray("content");
  }

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  static String line(String id, String prompt) {
    return "{\"custom_id\":\""
        + id
        + "\",\"params\":{\"model\":\"claude-x\",\"max_tokens\":64,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\""
        + prompt
        + "\"}]}}";
  }

  @Test
  void should_create_a_batch_from_jsonl_and_print_its_line() throws IOException {
    server
        .when(request().withMethod("POST").withPath("/v1/messages/batches"))
        .respond(response().withBody(batch("msgbatch_1", "in_progress", null)));
    Path in = write("in.jsonl", line("q-1", "Hi") + "\n\n" + line("q_2", "There") + "\n");

    CommandHarness.Result r = harness().run("batches", "create", "--input", in.toString());

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(
        "msgbatch_1\tin_progress\tprocessing=2\tsucceeded=0\terrored=0\tcanceled=0\texpired=0"
            + "\t2024-09-24T18:37:24.100435Z\t-\n",
        r.out());
    HttpRequest sent = server.retrieveRecordedRequests(request())[0];
    JsonArray reqs = Json.parseObject(sent.getBodyAsString()).getAsJsonArray("requests");
    assertEquals(2, reqs.size());
    assertEquals(
        Json.parseObject(line("q_2", "There")),
        reqs.get(1).getAsJsonObject(),
        sent.getBodyAsString());
  }

  @Test
  void should_name_every_invalid_line_and_send_nothing() throws IOException {
    Path in =
        write(
            "bad.jsonl",
            line("ok-1", "a")
                + "\n"
                + "{not json\n"
                + line("bad id!", "b")
                + "\n"
                + line("ok-1", "dup")
                + "\n"
                + "{\"custom_id\":\"p\",\"params\":{\"model\":\"m\",\"messages\":[]}}\n"
                + line("x".repeat(65), "long")
                + "\n");

    CommandHarness.Result r = harness().run("batches", "create", "--input", in.toString());

    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(r.err().contains("line 2, column 2: unexpected 'n'"), r.describe());
    assertFalse(r.err().contains("setStrictness") || r.err().contains("github"), r.describe());
    assertTrue(r.err().contains("line 3: custom_id may contain only"), r.describe());
    assertTrue(
        r.err().contains("line 4: custom_id 'ok-1' is already used on line 1"), r.describe());
    assertTrue(r.err().contains("line 5: params: "), r.describe());
    assertTrue(r.err().contains("line 6: custom_id must be at most 64"), r.describe());
    assertTrue(r.err().contains("error: invalid_input: "), r.describe());
    assertEquals(0, server.retrieveRecordedRequests(request()).length);
  }

  @Test
  void should_build_prompt_requests_from_the_flags_with_line_ids() {
    server
        .when(request().withMethod("POST").withPath("/v1/messages/batches"))
        .respond(response().withBody(batch("msgbatch_2", "in_progress", null)));

    CommandHarness.Result r =
        harness()
            .stdin("first \"quoted\" prompt\n\nmine\tsecond\n")
            .run(
                "batches",
                "create",
                "--prompts",
                "-",
                "-m",
                "claude-x",
                "--max-tokens",
                "99",
                "-s",
                "Be brief");

    assertEquals(0, r.exitCode(), r.describe());
    JsonArray reqs =
        Json.parseObject(server.retrieveRecordedRequests(request())[0].getBodyAsString())
            .getAsJsonArray("requests");
    assertEquals(2, reqs.size());
    JsonObject first = reqs.get(0).getAsJsonObject();
    assertEquals("line-1", first.get("custom_id").getAsString());
    JsonObject params = first.getAsJsonObject("params");
    assertEquals("claude-x", params.get("model").getAsString());
    assertEquals(99, params.get("max_tokens").getAsInt());
    assertEquals(
        "first \"quoted\" prompt",
        params
            .getAsJsonArray("messages")
            .get(0)
            .getAsJsonObject()
            .getAsJsonArray("content")
            .get(0)
            .getAsJsonObject()
            .get("text")
            .getAsString());
    assertEquals("mine", reqs.get(1).getAsJsonObject().get("custom_id").getAsString());
  }

  @Test
  void should_put_each_prompt_after_the_piped_document_in_its_own_request() throws IOException {
    server
        .when(request().withMethod("POST").withPath("/v1/messages/batches"))
        .respond(response().withBody(batch("msgbatch_3", "in_progress", null)));
    Path prompts = write("prompts.txt", "q one\nq two\n");

    CommandHarness.Result r =
        harness()
            .stdin("the shared document")
            .run("batches", "create", "--prompts", prompts.toString(), "-m", "claude-x");

    assertEquals(0, r.exitCode(), r.describe());
    HttpRequest create = server.retrieveRecordedRequests(request())[0];
    assertEquals("", create.getFirstHeader("anthropic-beta"), "no file id, no Files beta");
    String body = create.getBodyAsString();
    JsonArray reqs = Json.parseObject(body).getAsJsonArray("requests");
    assertEquals(2, reqs.size());
    for (int i = 0; i < 2; i++) {
      JsonArray content = firstTurn(reqs, i);
      assertEquals(2, content.size(), body);
      assertTrue(content.get(0).toString().contains("the shared document"), body);
      assertEquals(
          i == 0 ? "q one" : "q two", content.get(1).getAsJsonObject().get("text").getAsString());
    }
    assertFalse(body.contains("PROMPT"), body);
  }

  @Test
  void should_attach_an_uploaded_file_to_every_prompt_and_create_with_the_files_beta()
      throws IOException {
    server
        .when(request().withMethod("GET").withPath("/v1/files/file_011"))
        .respond(
            response()
                .withBody(
                    "{\"id\":\"file_011\",\"type\":\"file\",\"filename\":\"paper.pdf\","
                        + "\"mime_type\":\"application/pdf\",\"size_bytes\":17,"
                        + "\"created_at\":\"2025-04-15T18:37:24Z\",\"downloadable\":false}"));
    server
        .when(request().withMethod("POST").withPath("/v1/messages/batches"))
        .respond(response().withBody(batch("msgbatch_4", "in_progress", null)));
    Path prompts = write("prompts.txt", "summarise it\nlist its sources\n");

    CommandHarness.Result r =
        harness().run("batches", "create", "--prompts", prompts.toString(), "-n", "-a", "file_011");

    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.out().startsWith("msgbatch_4\t"), r.describe());
    HttpRequest[] lookups = server.retrieveRecordedRequests(request().withPath("/v1/files/.*"));
    assertEquals(1, lookups.length, "one metadata lookup for the id, not one per prompt");
    HttpRequest create =
        server.retrieveRecordedRequests(request().withPath("/v1/messages/batches"))[0];
    assertEquals("files-api-2025-04-14", create.getFirstHeader("anthropic-beta"));
    JsonArray reqs = Json.parseObject(create.getBodyAsString()).getAsJsonArray("requests");
    assertEquals(2, reqs.size());
    for (int i = 0; i < 2; i++) {
      JsonObject first = firstTurn(reqs, i).get(0).getAsJsonObject();
      assertEquals("document", first.get("type").getAsString(), create.getBodyAsString());
      assertEquals("{\"type\":\"file\",\"file_id\":\"file_011\"}", first.get("source").toString());
    }
  }

  @Test
  void should_refuse_too_many_requests_without_split_and_create_several_with_it()
      throws IOException {
    server
        .when(request().withMethod("POST").withPath("/v1/messages/batches"), Times.once())
        .respond(response().withBody(batch("msgbatch_a", "in_progress", null)));
    server
        .when(request().withMethod("POST").withPath("/v1/messages/batches"))
        .respond(response().withBody(batch("msgbatch_b", "in_progress", null)));
    Path in = write("three.txt", "one\ntwo\nthree\n");

    CommandHarness.Result refused =
        harness().run("batches", "create", "--prompts", in.toString(), "--max-requests", "2");
    assertEquals(2, refused.exitCode(), refused.describe());
    assertTrue(refused.err().contains("--split"), refused.describe());
    assertEquals(0, server.retrieveRecordedRequests(request()).length);

    CommandHarness.Result r =
        harness()
            .run("batches", "create", "--prompts", in.toString(), "--max-requests", "2", "--split");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.out().startsWith("msgbatch_a\t"), r.describe());
    assertTrue(r.out().contains("\nmsgbatch_b\t"), r.describe());
    HttpRequest[] sent = server.retrieveRecordedRequests(request());
    assertEquals(2, sent.length);
    assertEquals(2, Json.parseObject(sent[0].getBodyAsString()).getAsJsonArray("requests").size());
    assertEquals(1, Json.parseObject(sent[1].getBodyAsString()).getAsJsonArray("requests").size());
  }

  @Test
  void should_get_list_cancel_and_delete_with_the_right_method_and_path() {
    server
        .when(request().withMethod("GET").withPath("/v1/messages/batches/msgbatch_1"))
        .respond(response().withBody(batch("msgbatch_1", "ended", null)));
    server
        .when(request().withMethod("POST").withPath("/v1/messages/batches/msgbatch_1/cancel"))
        .respond(response().withBody(batch("msgbatch_1", "canceling", null)));
    server
        .when(request().withMethod("DELETE").withPath("/v1/messages/batches/msgbatch_1"))
        .respond(response().withBody("{\"id\":\"msgbatch_1\",\"type\":\"message_batch_deleted\"}"));
    server
        .when(
            request()
                .withMethod("GET")
                .withPath("/v1/messages/batches")
                .withQueryStringParameter("after_id", "msgbatch_1"))
        .respond(
            response()
                .withBody(
                    ResourceCommandsTest.page(
                        "msgbatch_2", "msgbatch_2", false, batch("msgbatch_2", "ended", null))));
    server
        .when(request().withMethod("GET").withPath("/v1/messages/batches"))
        .respond(
            response()
                .withBody(
                    ResourceCommandsTest.page(
                        "msgbatch_1", "msgbatch_1", true, batch("msgbatch_1", "ended", null))));

    CommandHarness.Result get = harness().run("batches", "get", "msgbatch_1", "--format", "json");
    assertEquals(0, get.exitCode(), get.describe());
    assertEquals(Json.parseObject(batch("msgbatch_1", "ended", null)), Json.parseObject(get.out()));
    assertTrue(get.out().contains("\"archived_at\":null"), get.describe());

    CommandHarness.Result cancel = harness().run("batches", "cancel", "msgbatch_1");
    assertEquals(0, cancel.exitCode(), cancel.describe());
    assertTrue(cancel.out().startsWith("msgbatch_1\tcanceling\t"), cancel.describe());

    CommandHarness.Result delete = harness().run("batches", "delete", "msgbatch_1");
    assertEquals("msgbatch_1\tdeleted\n", delete.out(), delete.describe());

    CommandHarness.Result list = harness().run("batches", "list", "--all", "--limit", "1");
    assertEquals(0, list.exitCode(), list.describe());
    assertEquals(2, list.out().split("\n").length, list.describe());
    HttpRequest[] lists =
        server.retrieveRecordedRequests(
            request().withMethod("GET").withPath("/v1/messages/batches"));
    assertEquals(2, lists.length);
    assertEquals("1", lists[0].getFirstQueryStringParameter("limit"));
    assertEquals("msgbatch_1", lists[1].getFirstQueryStringParameter("after_id"));
  }

  @Test
  void should_wait_until_ended_with_plain_progress_lines_on_a_pipe() {
    server
        .when(
            request().withMethod("GET").withPath("/v1/messages/batches/msgbatch_w"),
            Times.exactly(2))
        .respond(response().withBody(batch("msgbatch_w", "in_progress", null)));
    server
        .when(request().withMethod("GET").withPath("/v1/messages/batches/msgbatch_w"))
        .respond(response().withBody(batch("msgbatch_w", "ended", null)));

    CommandHarness.Result r =
        harness().run("batches", "wait", "msgbatch_w", "--poll-interval", "0.001");

    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.out().startsWith("msgbatch_w\tended\t"), r.describe());
    assertTrue(r.err().contains("waiting: batch msgbatch_w: in_progress"), r.describe());
    assertTrue(r.err().contains("waiting: batch msgbatch_w: ended"), r.describe());
    assertTrue(!r.err().contains("\u001b"), r.describe());
    assertEquals(3, server.retrieveRecordedRequests(request()).length);
  }

  @Test
  void should_rewrite_one_live_progress_line_on_a_terminal() {
    server
        .when(request().withMethod("GET").withPath("/v1/messages/batches/msgbatch_t"), Times.once())
        .respond(response().withBody(batch("msgbatch_t", "in_progress", null)));
    server
        .when(request().withMethod("GET").withPath("/v1/messages/batches/msgbatch_t"))
        .respond(response().withBody(batch("msgbatch_t", "ended", null)));

    CommandHarness.Result r =
        harness()
            .stderrIsTerminal(true)
            .run("batches", "wait", "msgbatch_t", "--poll-interval", "0.001");

    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.err().contains("\r\u001b[2Kbatch msgbatch_t: in_progress"), r.describe());
    assertTrue(r.err().endsWith("\n"), r.describe());
    assertTrue(!r.err().contains("waiting:"), r.describe());
  }

  private void serveResults(String id, byte[] body) {
    server
        .when(request().withMethod("GET").withPath("/v1/messages/batches/" + id))
        .respond(
            response()
                .withBody(batch(id, "ended", base() + "/v1/messages/batches/" + id + "/results")));
    server
        .when(request().withMethod("GET").withPath("/v1/messages/batches/" + id + "/results"))
        .respond(response().withHeader("content-type", "application/x-jsonl").withBody(body));
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = BatchesCommandTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void should_copy_results_through_one_line_each_and_filter_them() throws IOException {
    byte[] body = resource("/batch/results-mixed.jsonl");
    serveResults("msgbatch_r", body);
    String[] original = new String(body, StandardCharsets.UTF_8).split("\r?\n");

    CommandHarness.Result all = harness().run("batches", "results", "msgbatch_r");
    assertEquals(0, all.exitCode(), all.describe());
    assertEquals(
        original[0] + "\n" + original[1] + "\n" + original[2] + "\n" + original[3] + "\n",
        all.out());

    CommandHarness.Result errored =
        harness().run("batches", "results", "msgbatch_r", "--only", "errored");
    assertEquals(original[1] + "\n", errored.out(), errored.describe());

    CommandHarness.Result text = harness().run("batches", "results", "msgbatch_r", "--text");
    assertEquals("a-1\tHello\\nthere\n", text.out(), text.describe());

    Path out = tmp.resolve("results.jsonl");
    CommandHarness.Result file =
        harness().run("batches", "results", "msgbatch_r", "--output", out.toString());
    assertEquals(0, file.exitCode(), file.describe());
    assertEquals(all.out(), Files.readString(out));
    assertEquals("", file.out());
  }

  @Test
  void should_stream_the_shared_docs_results_when_present() throws IOException {
    Path dir = SharedDir.require("batch");
    byte[] body = Files.readAllBytes(dir.resolve("docs-guide-batch-results.jsonl"));
    serveResults("msgbatch_d", body);

    CommandHarness.Result r = harness().run("batches", "results", "msgbatch_d", "--text");

    assertEquals(0, r.exitCode(), r.describe());
    String[] lines = r.out().split("\n");
    assertEquals(2, lines.length, r.describe());
    assertTrue(lines[0].startsWith("my-second-request\tHello again!"), r.describe());
  }

  @Test
  void should_not_fetch_results_of_a_batch_still_in_progress() {
    server
        .when(request().withMethod("GET").withPath("/v1/messages/batches/msgbatch_p"))
        .respond(response().withBody(batch("msgbatch_p", "in_progress", null)));

    CommandHarness.Result r = harness().run("batches", "results", "msgbatch_p");

    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(r.err().contains("batches wait msgbatch_p"), r.describe());
  }

  @Test
  void should_exit_1_on_a_results_line_that_is_not_json() {
    serveResults(
        "msgbatch_x", "{\"custom_id\":\"a\"}\nnot json\n".getBytes(StandardCharsets.UTF_8));

    CommandHarness.Result r = harness().run("batches", "results", "msgbatch_x");

    assertEquals(1, r.exitCode(), r.describe());
    assertTrue(r.err().contains("line 2"), r.describe());
  }
}
