package com.anthropic.tool.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.Source;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogStoreTest {
  @TempDir Path tmp;

  private LogStore open() {
    return LogStore.open(tmp.resolve("logs.db"), tmp.resolve("native"));
  }

  private static Exchange exchange(String cid, Instant when, String prompt, String answer) {
    return new Exchange(
        Ids.next(when),
        cid,
        when,
        "messages",
        "claude-sonnet-4-6",
        null,
        prompt,
        answer,
        new Exchange.Tokens(10L, 20L, 0L, 0L),
        0.001,
        5L,
        "end_turn",
        null,
        null,
        null,
        List.of(
            MessageParam.user(prompt),
            MessageParam.assistant(List.of(ContentBlock.Text.of(answer)))),
        List.of(),
        List.of());
  }

  /** Plain SQL on the file, as another program would run it. */
  private void execute(String sql) {
    try (java.sql.Connection c =
            new org.sqlite.JDBC()
                .connect("jdbc:sqlite:" + tmp.resolve("logs.db"), new java.util.Properties());
        java.sql.Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (java.sql.SQLException e) {
      throw new AssertionError(sql, e);
    }
  }

  @Test
  void should_make_the_schema_once_and_refuse_a_newer_one() throws Exception {
    open().close();
    try (LogStore db = open()) {
      assertEquals(
          (long) Migrations.STEPS.size(),
          db.query("PRAGMA user_version", List.of()).get(0).get("user_version"));
    }
    execute("PRAGMA user_version = 99");
    StoreException e = assertThrows(StoreException.class, this::open);
    assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
  }

  @Test
  void should_list_search_and_sum_usage() {
    Instant t = Instant.parse("2026-12-05T10:00:00Z");
    try (LogStore db = open()) {
      db.record(exchange("c1", t, "what is a monad?", "a burrito"));
      db.record(exchange("c1", t.plusSeconds(60), "shorter", "a box"));
      db.record(exchange("c2", t.plusSeconds(86_400), "other day", "yes"));
      List<Map<String, Object>> all = db.list(new LogStore.Filter(10, null, null, null));
      assertEquals(
          List.of("other day", "shorter", "what is a monad?"),
          all.stream().map(r -> r.get("prompt")).toList());
      assertEquals(
          List.of("what is a monad?"),
          db.search("monad", new LogStore.Filter(10, null, null, null)).stream()
              .map(r -> r.get("prompt"))
              .toList());
      assertEquals(1, db.list(new LogStore.Filter(10, null, null, t.plusSeconds(3600))).size());
      List<Map<String, Object>> byDay = db.usage(null, false);
      assertEquals("2026-12-05", byDay.get(0).get("day"));
      assertEquals(2L, byDay.get(0).get("calls"));
      assertEquals(40L, byDay.get(0).get("output_tokens"));
      assertEquals("c1", db.latestConversationId().map(x -> "c1").orElseThrow());
      assertEquals(4, db.conversation("c1").messages().size());
      assertEquals(2, db.deleteConversation("c1"));
      assertEquals(1, db.list(new LogStore.Filter(10, null, null, null)).size());
    }
  }

  @Test
  void should_name_a_conversation_whose_turns_are_damaged() {
    try (LogStore db = open()) {
      Exchange e = exchange("c-bad", Instant.now(), "q", "a");
      db.record(e);
      execute("UPDATE responses SET turns_json = '[{\"role\":' WHERE id = '" + e.id() + "'");
      StoreException x = assertThrows(StoreException.class, () -> db.conversation("c-bad"));
      assertTrue(x.getMessage().contains("conversation c-bad cannot be read"), x.getMessage());
    }
  }

  @Test
  void should_keep_no_attachment_bytes_in_the_turns() {
    byte[] png = "not really a png but bytes".getBytes(StandardCharsets.UTF_8);
    String b64 = Base64.getEncoder().encodeToString(png);
    String json =
        Turns.toJson(
            List.of(
                MessageParam.user(
                    List.of(
                        ContentBlock.Image.of(new Source.Base64("image/png", b64)),
                        ContentBlock.Text.of("what is it?")))));
    assertFalse(json.contains(b64), json);
    assertTrue(
        json.contains("image/png, " + png.length + " bytes, sha256 " + Turns.sha256(png)), json);
  }

  @Test
  void should_make_ids_that_sort_in_time_order() {
    Instant t = Instant.parse("2026-12-05T10:00:00Z");
    String a = Ids.next(t);
    String b = Ids.next(t);
    String c = Ids.next(t.plusMillis(1));
    assertTrue(a.compareTo(b) < 0 && b.compareTo(c) < 0, a + " " + b + " " + c);
    assertEquals(26, a.length());
  }

  @Test
  void should_make_the_database_file_0600() throws Exception {
    open().close();
    assertEquals(
        "rw-------",
        java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(tmp.resolve("logs.db"))));
  }
}
