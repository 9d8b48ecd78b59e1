package com.anthropic.tool.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.store.LogStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chat's conversations in the log database. */
class ConversationStoreTest {
  @TempDir Path tmp;

  private ConversationStore store() {
    return new ConversationStore(
        () -> LogStore.open(tmp.resolve("logs.db"), tmp.resolve("native")), true);
  }

  private static Conversation conv(String id, String first) {
    return Conversation.start(id, Instant.parse("2026-12-02T22:00:00Z"), "claude-test", null)
        .withUser(List.of(ContentBlock.Text.of(first + "\nmore")))
        .withAssistant(List.of(ContentBlock.Text.of("ok")), false);
  }

  private static Conversation.Turn last(Conversation c) {
    return c.turns().get(c.turns().size() - 1);
  }

  @Test
  void should_keep_each_answer_as_an_exchange_and_load_the_conversation_back() {
    ConversationStore a = store();
    Conversation c = conv("c-1", "hello");
    assertTrue(a.save(c).isEmpty());
    c =
        c.withUser(List.of(ContentBlock.Text.of("again")))
            .withAssistant(List.of(ContentBlock.Text.of("twice")), false);
    assertTrue(a.save(c).isEmpty());
    Conversation back = store().load("c-1");
    assertEquals(4, back.turns().size());
    assertEquals("twice", last(back).text());
    assertEquals("hello", back.firstLine());
    assertEquals("c-1", store().latest().id());
    assertEquals(2L, store().list().get(0).exchanges());
    assertEquals("c-1", store().load("c-").id(), "a unique start of an id");
  }

  @Test
  void should_drop_the_exchange_undo_drops_and_replace_the_one_retry_replaces() {
    ConversationStore a = store();
    Conversation c = conv("c-2", "one");
    a.save(c);
    Conversation two =
        c.withUser(List.of(ContentBlock.Text.of("two")))
            .withAssistant(List.of(ContentBlock.Text.of("2")), false);
    a.save(two);
    a.save(two.withoutLastExchange());
    assertEquals(2, store().load("c-2").turns().size(), "undo");
    Conversation retried =
        c.forRetry().orElseThrow().withAssistant(List.of(ContentBlock.Text.of("again")), false);
    a.save(retried);
    Conversation back = store().load("c-2");
    assertEquals(2, back.turns().size(), "retry replaces: " + back.turns());
    assertEquals("again", last(back).text());
  }

  @Test
  void should_keep_the_exchanges_of_two_sessions_continuing_one_conversation() {
    store().save(conv("c-3", "start"));
    ConversationStore first = store();
    ConversationStore second = store();
    Conversation one = first.load("c-3");
    Conversation two = second.load("c-3");
    first.save(
        one.withUser(List.of(ContentBlock.Text.of("from A")))
            .withAssistant(List.of(ContentBlock.Text.of("a")), false));
    second.save(
        two.withUser(List.of(ContentBlock.Text.of("from B")))
            .withAssistant(List.of(ContentBlock.Text.of("b")), false));
    Conversation back = store().load("c-3");
    assertEquals(6, back.turns().size(), back.turns().toString());
    assertTrue(back.turns().stream().anyMatch(t -> t.text().equals("from A")));
    assertTrue(back.turns().stream().anyMatch(t -> t.text().equals("from B")));
  }

  @Test
  void should_import_a_file_as_a_new_conversation_whatever_id_it_claims() throws Exception {
    Path victim = tmp.resolve("victim.json");
    Files.writeString(victim, "{\"keep\":true}");
    Conversation evil = conv("../../" + tmp.resolve("victim"), "evil");
    Path file = tmp.resolve("export.json");
    Files.writeString(file, Json.write(evil.toJson()));
    Conversation imported = store().load(file.toString());
    assertNotEquals(evil.id(), imported.id());
    assertTrue(imported.id().matches("[0-9A-Z]{26}"), imported.id());
    assertEquals("evil", imported.firstLine());
    assertEquals("{\"keep\":true}", Files.readString(victim));
    try (var files = Files.list(tmp)) {
      assertEquals(
          List.of("export.json", "logs.db", "victim.json"),
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> !n.startsWith("logs.db-") && !n.equals("native"))
              .sorted()
              .toList());
    }
  }

  @Test
  void should_refuse_a_markdown_export_and_a_fifo_without_hanging() throws Exception {
    IllegalArgumentException md =
        assertThrows(IllegalArgumentException.class, () -> store().load("conv.md"));
    assertTrue(
        md.getMessage().contains("Markdown export, which cannot be resumed"), md.getMessage());
    Path fifo = tmp.resolve("pipe.json");
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo");
    IllegalArgumentException notFile =
        assertThrows(IllegalArgumentException.class, () -> store().load(fifo.toString()));
    assertTrue(notFile.getMessage().contains("not a regular file"), notFile.getMessage());
  }

  @Test
  void should_import_old_files_once_and_leave_them_in_place() throws Exception {
    Path dir = tmp.resolve("conversations");
    Files.createDirectories(dir.resolve("a-directory.json"));
    Path old = dir.resolve("20261202-220000-aaaa.json");
    String text = Json.write(conv("20261202-220000-aaaa", "old one").toJson());
    Files.writeString(old, text);
    Files.writeString(dir.resolve("broken.json"), "{\"id\":");
    Process p = new ProcessBuilder("mkfifo", dir.resolve("fifo.json").toString()).start();
    assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo");
    List<String> warnings = store().importLegacy(dir);
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("broken.json"), warnings.toString());
    assertEquals(List.of(), store().importLegacy(dir), "the second time imports nothing");
    assertEquals("old one", store().load("20261202-220000-aaaa").firstLine());
    assertEquals(1, store().list().size());
    assertEquals(text, Files.readString(old));
  }

  @Test
  void should_write_json_or_markdown_for_save() throws Exception {
    Conversation c =
        conv("c1", "hello")
            .withUser(List.of(ContentBlock.Text.of("go on")))
            .withAssistant(List.of(ContentBlock.Text.of("and")), true);
    Path md = tmp.resolve("chat.md");
    Transcripts.write(c, md);
    assertEquals(
        "# Chat c1\n\nModel: claude-test · started 2026-12-02T22:00:00Z\n\n"
            + "## You\n\nhello\nmore\n\n## Assistant\n\nok\n\n"
            + "## You\n\ngo on\n\n## Assistant\n\nand\n\n*[interrupted]*\n\n",
        Files.readString(md));
    Path json = tmp.resolve("chat.txt");
    Transcripts.write(c, json);
    assertEquals(4, Conversation.fromJson(Json.parseObject(Files.readString(json))).turns().size());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(json)));
  }

  @Test
  void should_write_nothing_when_logging_is_off() {
    ConversationStore off =
        new ConversationStore(
            () -> LogStore.open(tmp.resolve("logs.db"), tmp.resolve("native")), false);
    assertTrue(off.save(conv("c-off", "x")).isEmpty());
    assertFalse(store().list().stream().anyMatch(s -> s.id().equals("c-off")));
  }
}
