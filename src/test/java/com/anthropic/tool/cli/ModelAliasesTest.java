package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.stream.SseTestServer;
import com.anthropic.tool.config.XdgPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model aliases: the cached list (newest by created_at), the built-in table, the user's own. */
class ModelAliasesTest {
  @TempDir Path tmp;

  private XdgPaths paths() {
    return new XdgPaths(
        tmp.resolve("config/anthropic-cli"),
        tmp.resolve("state/anthropic-cli"),
        tmp.resolve("data/anthropic-cli"),
        tmp.resolve("cache/anthropic-cli"));
  }

  private void cache(String tsv) throws Exception {
    Path dir = tmp.resolve("cache/anthropic-cli");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("models.tsv"), tsv, StandardCharsets.UTF_8);
  }

  @Test
  void should_take_the_newest_of_the_family_in_the_cached_list_by_created_at() throws Exception {
    // file order is not time order: the newest is in the middle
    cache(
        "claude-sonnet-4-5-20250929\t2025-09-29T00:00:00Z\n"
            + "claude-sonnet-9-1\t2027-03-01T00:00:00Z\n"
            + "claude-opus-4-1\t2025-08-05T00:00:00Z\n"
            + "claude-sonnet-4-6\t2026-02-17T00:00:00Z\n"
            + "bad id with spaces\t2030-01-01T00:00:00Z\n");
    ModelAliases a = new ModelAliases(paths());

    assertEquals("claude-sonnet-9-1", a.resolve("sonnet"));
    assertEquals("claude-opus-4-1", a.resolve("opus"));
    assertEquals(ModelDefaults.ALIASES.get("haiku"), a.resolve("haiku"), "none cached: the table");
  }

  @Test
  void should_use_the_built_in_table_without_a_cache() {
    ModelAliases a = new ModelAliases(paths());

    for (String name : List.of("sonnet", "opus", "haiku")) {
      assertEquals(ModelDefaults.ALIASES.get(name), a.resolve(name), name);
      assertTrue(a.resolve(name).contains(name), name);
    }
  }

  @Test
  void should_send_a_full_id_or_an_unknown_name_as_given() {
    ModelAliases a = new ModelAliases(paths());

    assertEquals("claude-sonnet-4-6", a.resolve("claude-sonnet-4-6"));
    assertEquals("my-proxy-model", a.resolve("my-proxy-model"));
    assertEquals("us.anthropic.claude:1", a.resolve("us.anthropic.claude:1"));
  }

  @Test
  void should_resolve_the_users_aliases_first_and_list_every_alias() throws Exception {
    cache("claude-haiku-7\t2027-01-01T00:00:00Z\n");
    ModelAliases a = new ModelAliases(paths());
    a.set("fast", "haiku");
    a.set("sonnet", "claude-sonnet-4-5");
    a.set("big", "claude-opus-4-7");

    assertEquals("claude-haiku-7", a.resolve("fast"), "an alias of a built-in one");
    assertEquals("claude-sonnet-4-5", a.resolve("sonnet"), "the user's wins");
    assertEquals("claude-opus-4-7", a.resolve("big"));
    assertEquals(List.of("sonnet", "opus", "haiku", "fast", "big"), List.copyOf(a.all().keySet()));
    assertTrue(a.remove("big"));
    assertFalse(a.remove("big"));
    assertEquals("big", a.resolve("big"));
    String file = Files.readString(a.file(), StandardCharsets.UTF_8);
    assertTrue(file.contains("\nfast haiku\n"), file);
  }

  @Test
  void should_warn_about_a_name_that_is_neither_known_nor_an_alias_with_a_suggestion()
      throws Exception {
    cache("claude-sonnet-4-6\t2026-02-17T00:00:00Z\n");
    ModelAliases a = new ModelAliases(paths());

    assertEquals(Optional.empty(), a.unknown("sonnet"));
    assertEquals(Optional.empty(), a.unknown("claude-sonnet-4-6"));
    Optional<String> w = a.unknown("claude-sonet-4-6");
    assertTrue(w.orElse("").contains("did you mean 'claude-sonnet-4-6'?"), w.toString());
    assertTrue(a.unknown("sonet").orElse("").contains("did you mean 'sonnet'?"));
  }

  private static final String SSE =
      "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\","
          + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"x\",\"content\":[],"
          + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":1,"
          + "\"output_tokens\":1}}}\n\n"
          + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

  private CommandHarness chatHarness(SseTestServer server, String stdin) {
    return new CommandHarness()
        .env("ANTHROPIC_API_KEY", "k")
        .env("ANTHROPIC_BASE_URL", server.baseUrl())
        .env("XDG_CONFIG_HOME", tmp.resolve("config").toString())
        .env("XDG_CACHE_HOME", tmp.resolve("cache").toString())
        .env("XDG_DATA_HOME", tmp.resolve("data").toString())
        .env("XDG_STATE_HOME", tmp.resolve("state").toString())
        .stdin(stdin);
  }

  @Test
  void should_apply_a_template_to_chat_without_sending_its_prompt() throws Exception {
    cache("claude-opus-9\t2027-01-01T00:00:00Z\n");
    try (SseTestServer server = new SseTestServer(SseTestServer.body(SSE))) {
      CommandHarness.Result saved =
          chatHarness(server, "")
              .run("templates", "save", "c", "-m", "opus", "-s", "Pirate.", "--prompt", "P $x");
      assertEquals(0, saved.exitCode(), saved.describe());

      CommandHarness.Result r =
          chatHarness(server, "ahoy\n").run("chat", "--template", "c", "-p", "x", "1");

      assertEquals(0, r.exitCode(), r.describe());
      String body = server.bodies().get(0);
      assertEquals("claude-opus-9", Json.parseObject(body).get("model").getAsString(), body);
      assertTrue(body.contains("Pirate."), body);
      assertFalse(body.contains("P 1"), body);
      assertTrue(r.err().contains("note: chat does not send template c's prompt"), r.describe());
    }
  }

  @Test
  void should_resolve_m_and_chats_model_command_through_the_same_aliases() throws Exception {
    cache("claude-opus-9\t2027-01-01T00:00:00Z\nclaude-opus-8\t2026-01-01T00:00:00Z\n");
    try (SseTestServer server =
        new SseTestServer(SseTestServer.body(SSE), SseTestServer.body(SSE))) {
      CommandHarness.Result r =
          chatHarness(server, "first\n/model claude-opuss-9\n/model opus\nsecond\n")
              .run("chat", "-m", "haiku");

      assertEquals(0, r.exitCode(), r.describe());
      List<String> bodies = server.bodies();
      assertEquals(2, bodies.size(), r.describe());
      assertEquals(
          ModelDefaults.ALIASES.get("haiku"),
          Json.parseObject(bodies.get(0)).get("model").getAsString());
      assertEquals("claude-opus-9", Json.parseObject(bodies.get(1)).get("model").getAsString());
      assertTrue(
          r.err()
              .contains(
                  "warning: claude-opuss-9 is neither a known model nor an alias; it is sent as"
                      + " given (did you mean 'claude-opus-9'?)"),
          r.describe());
    }
  }

  @Test
  void should_skip_a_fifo_in_place_of_the_alias_file_or_the_model_cache() throws Exception {
    // a FIFO with no writer would block every -m lookup for ever: only regular files are read
    Path config = tmp.resolve("config/anthropic-cli");
    Path cache = tmp.resolve("cache/anthropic-cli");
    Files.createDirectories(config);
    Files.createDirectories(cache);
    for (Path fifo : List.of(config.resolve("aliases.txt"), cache.resolve("models.tsv"))) {
      Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
      assertEquals(0, p.waitFor(), "mkfifo " + fifo);
    }
    ModelAliases a = new ModelAliases(paths());
    String resolved =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(10), () -> a.resolve("sonnet"));
    assertEquals(ModelDefaults.ALIASES.get("sonnet"), resolved, "the built-in table");
  }
}
