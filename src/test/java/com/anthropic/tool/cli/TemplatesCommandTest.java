package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.anthropic.tool.client.model.Json;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;

/** {@code templates} and {@code --template}/{@code -p}: saved, applied, flags given winning. */
class TemplatesCommandTest {
  private static ClientAndServer server;
  @TempDir Path tmp;

  private static final String MESSAGE =
      "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-x\","
          + "\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],\"stop_reason\":\"end_turn\","
          + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":3,\"output_tokens\":2}}";

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
        .when(request().withMethod("POST").withPath("/v1/messages"))
        .respond(response().withStatusCode(200).withBody(MESSAGE));
  }

  private CommandHarness harness() {
    return new CommandHarness()
        .env("ANTHROPIC_BASE_URL", "http://127.0.0.1:" + server.getPort())
        .env("ANTHROPIC_API_KEY", "sk-test")
        .env("XDG_CONFIG_HOME", tmp.resolve("config").toString())
        .env("XDG_CACHE_HOME", tmp.resolve("cache").toString());
  }

  private CommandHarness.Result save(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "templates";
    all[1] = "save";
    System.arraycopy(args, 0, all, 2, args.length);
    CommandHarness.Result r = harness().run(all);
    assertEquals(0, r.exitCode(), r.describe());
    return r;
  }

  private JsonObject sent() {
    HttpRequest[] sent = server.retrieveRecordedRequests(request().withPath("/v1/messages"));
    assertEquals(1, sent.length, "one request");
    return Json.parseObject(sent[0].getBodyAsString());
  }

  private static JsonArray content(JsonObject body) {
    return body.getAsJsonArray("messages").get(0).getAsJsonObject().getAsJsonArray("content");
  }

  private static String text(JsonObject body) {
    JsonArray c = content(body);
    return c.get(c.size() - 1).getAsJsonObject().get("text").getAsString();
  }

  @Test
  void should_save_the_options_given_in_a_private_readable_file() throws Exception {
    save("terse", "-m", "haiku", "-s", "Be brief.", "-t", "0.2", "--stop", "END", "--stop", "X");

    Path file = tmp.resolve("config/anthropic-cli/templates/terse.txt");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(text.contains("\nmodel: haiku\n"), text);
    assertTrue(text.contains("\nsystem: Be brief.\n"), text);
    assertTrue(text.contains("\ntemperature: 0.2\n"), text);
    assertTrue(text.contains("\nstop: END\nstop: X\n"), text);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    CommandHarness.Result list = harness().run("templates", "list");
    assertEquals("terse\n", list.out(), list.describe());
    CommandHarness.Result show = harness().run("templates", "show", "terse");
    assertEquals(text, show.out(), show.describe());
  }

  @Test
  void should_never_save_shared_options_such_as_the_api_key() throws Exception {
    save("k", "--api-key", "sk-ant-secret-123456", "--base-url", "http://x.invalid", "-m", "m1");

    String text =
        Files.readString(
            tmp.resolve("config/anthropic-cli/templates/k.txt"), StandardCharsets.UTF_8);
    assertFalse(text.contains("secret"), text);
    assertFalse(text.contains("x.invalid"), text);
    assertTrue(text.contains("model: m1"), text);
  }

  @Test
  void should_apply_a_template_with_the_flags_given_winning() {
    save("terse", "-m", "claude-a", "-s", "Be brief.", "-t", "0.2", "--max-tokens", "77");

    CommandHarness.Result r =
        harness().run("messages", "--template", "terse", "-t", "0.9", "-m", "claude-b", "hi");

    assertEquals(0, r.exitCode(), r.describe());
    JsonObject body = sent();
    assertEquals("claude-b", body.get("model").getAsString(), body.toString());
    assertEquals(0.9, body.get("temperature").getAsDouble(), body.toString());
    assertEquals(77, body.get("max_tokens").getAsInt(), body.toString());
    assertTrue(body.get("system").toString().contains("\"Be brief.\""), body.toString());
    assertEquals("hi", text(body));
  }

  @Test
  void should_fill_placeholders_and_add_the_prompt_words_after_the_template_prompt() {
    save("facts", "--prompt", "Give $n facts about ${topic}, costing $$5.");

    CommandHarness.Result r =
        harness()
            .run(
                "messages", "--template", "facts", "-p", "n", "3", "-p", "topic", "owls", "Short.");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("Give 3 facts about owls, costing $5.\n\nShort.", text(sent()));
  }

  @Test
  void should_refuse_an_unfilled_placeholder_naming_it_and_send_nothing() {
    save("facts", "--prompt", "Give $n facts about $topic");

    CommandHarness.Result r = harness().run("messages", "--template", "facts", "-p", "n", "3");

    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(r.err().contains("nothing fills $topic (give -p topic VALUE)"), r.describe());
    assertEquals(0, server.retrieveRecordedRequests(request()).length);
  }

  @Test
  void should_refuse_a_param_the_template_does_not_have() {
    save("facts", "--prompt", "About $topic");

    CommandHarness.Result r =
        harness().run("messages", "--template", "facts", "-p", "topic", "a", "-p", "tpoic", "b");

    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(r.err().contains("-p tpoic: template facts has no $tpoic"), r.describe());
  }

  @Test
  void should_fill_input_from_standard_input_instead_of_a_document() {
    save("summ", "--prompt", "Summarize:\n$input\nEnd.");

    CommandHarness.Result r =
        harness().stdin("the piped text\n\n").run("messages", "--template", "summ", "briefly");

    assertEquals(0, r.exitCode(), r.describe());
    JsonObject body = sent();
    assertEquals(1, content(body).size(), "no document block: " + body);
    assertEquals("Summarize:\nthe piped text\nEnd.\n\nbriefly", text(body));
  }

  @Test
  void should_fill_input_from_the_prompt_words_when_nothing_is_piped() {
    save("summ", "--prompt", "Summarize: $input");

    CommandHarness.Result r = harness().run("messages", "--template", "summ", "these", "words");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("Summarize: these words", text(sent()));
  }

  @Test
  void should_keep_stdin_a_document_when_the_template_has_no_input() {
    save("ask", "--prompt", "What is this?");

    CommandHarness.Result r = harness().stdin("some data").run("messages", "--template", "ask");

    assertEquals(0, r.exitCode(), r.describe());
    JsonObject body = sent();
    assertEquals(2, content(body).size(), body.toString());
    assertTrue(content(body).get(0).toString().contains("some data"), body.toString());
    assertEquals("What is this?", text(body));
  }

  @Test
  void should_suggest_the_closest_name_for_an_unknown_template() {
    save("summarize", "-m", "x");

    CommandHarness.Result r = harness().run("messages", "--template", "sumarize", "hi");

    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(
        r.err().contains("no template 'sumarize' (did you mean 'summarize'?)"), r.describe());
    assertEquals(0, server.retrieveRecordedRequests(request()).length);
  }

  @Test
  void should_refuse_a_bad_template_name_with_exit_2() {
    for (String bad : new String[] {"../x", "a b", "x".repeat(65), ""}) {
      CommandHarness.Result r = harness().run("templates", "save", bad, "-m", "x");
      assertEquals(2, r.exitCode(), r.describe());
    }
    assertFalse(Files.exists(tmp.resolve("config/anthropic-cli/x.txt")));
  }

  @Test
  void should_refuse_param_without_template() {
    CommandHarness.Result r = harness().run("messages", "-p", "a", "b", "hi");

    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(r.err().contains("give --template NAME"), r.describe());
  }

  @Test
  void should_fill_input_with_each_prompt_of_a_batch() throws Exception {
    server
        .when(request().withMethod("POST").withPath("/v1/messages/batches"))
        .respond(
            response()
                .withBody(
                    "{\"id\":\"msgbatch_1\",\"type\":\"message_batch\","
                        + "\"processing_status\":\"in_progress\",\"request_counts\":{"
                        + "\"processing\":2,\"succeeded\":0,\"errored\":0,\"canceled\":0,"
                        + "\"expired\":0},\"ended_at\":null,\"created_at\":\"2026-01-01T00:00:00Z\","
                        + "\"expires_at\":\"2026-01-02T00:00:00Z\",\"cancel_initiated_at\":null,"
                        + "\"results_url\":null}"));
    save("tr", "-m", "claude-t", "--prompt", "Translate to $lang: $input");
    Path prompts = tmp.resolve("p.txt");
    Files.writeString(prompts, "one\ntwo\n");

    CommandHarness.Result r =
        harness()
            .run(
                "batches",
                "create",
                "--prompts",
                prompts.toString(),
                "--template",
                "tr",
                "-p",
                "lang",
                "French");

    assertEquals(0, r.exitCode(), r.describe());
    HttpRequest[] sent =
        server.retrieveRecordedRequests(request().withPath("/v1/messages/batches"));
    JsonArray reqs = Json.parseObject(sent[0].getBodyAsString()).getAsJsonArray("requests");
    for (int i = 0; i < 2; i++) {
      JsonObject params = reqs.get(i).getAsJsonObject().getAsJsonObject("params");
      assertEquals("claude-t", params.get("model").getAsString());
      assertEquals(
          "Translate to French: " + (i == 0 ? "one" : "two"),
          params
              .getAsJsonArray("messages")
              .get(0)
              .getAsJsonObject()
              .getAsJsonArray("content")
              .get(0)
              .getAsJsonObject()
              .get("text")
              .getAsString(),
          params.toString());
    }
  }

  @Test
  void should_edit_with_the_editor_and_refuse_a_broken_result() throws Exception {
    save("e", "-m", "x");
    Path editor = tmp.resolve("editor.sh");
    Files.writeString(editor, "#!/bin/sh\nprintf 'not an option line\\n' >> \"$1\"\n");
    editor.toFile().setExecutable(true);

    CommandHarness.Result r =
        harness().env("EDITOR", editor.toString()).run("templates", "edit", "e");

    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(r.err().contains("line 4: expected 'name: value'"), r.describe());
  }

  @Test
  void should_resolve_an_alias_from_the_environment_on_the_fast_path() {
    assertTrue(FastPath.command(new String[] {"messages", "hi"}) != null, "the fast path runs it");

    CommandHarness.Result r = harness().env("ANTHROPIC_MODEL", "haiku").run("messages", "hi");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(ModelDefaults.ALIASES.get("haiku"), sent().get("model").getAsString());
  }

  @Test
  void should_delete_and_print_the_path() {
    save("gone", "-m", "x");

    assertEquals(0, harness().run("templates", "delete", "gone").exitCode());
    assertEquals("", harness().run("templates", "list").out());
    CommandHarness.Result again = harness().run("templates", "delete", "gone");
    assertEquals(2, again.exitCode(), again.describe());
    assertEquals(
        tmp.resolve("config/anthropic-cli/templates") + "\n",
        harness().run("templates", "path").out());
  }
}
