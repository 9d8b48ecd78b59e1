package com.anthropic.tool.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.model.ContentBlock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversationStoreTest {
  @TempDir Path tmp;

  private static Conversation conv(String id, String first) {
    return Conversation.start(id, Instant.parse("2026-12-02T22:00:00Z"), "claude-test", null)
        .withUser(List.of(ContentBlock.Text.of(first + "\nmore")))
        .withAssistant(List.of(ContentBlock.Text.of("ok")), false);
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void should_save_0600_files_in_0700_directories_and_leave_no_temporary_file() throws Exception {
    Path dir = tmp.resolve("data/anthropic-cli/conversations");
    ConversationStore store = new ConversationStore(dir);
    assertTrue(store.save(conv("20261202-220000-aaaa", "hello")).isEmpty());
    assertEquals("rwx------", mode(dir));
    assertEquals("rwx------", mode(dir.getParent()));
    Path file = dir.resolve("20261202-220000-aaaa.json");
    assertEquals("rw-------", mode(file));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void should_list_the_most_recent_first_and_skip_files_that_are_not_conversations()
      throws Exception {
    ConversationStore store = new ConversationStore(tmp);
    store.save(conv("a1", "older"));
    store.save(conv("b2", "newer"));
    Files.setLastModifiedTime(
        tmp.resolve("a1.json"), FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
    Files.writeString(tmp.resolve("broken.json"), "{\"id\":");
    List<ConversationStore.Entry> list = store.list();
    assertEquals(List.of("b2", "a1"), list.stream().map(e -> e.conversation().id()).toList());
    assertEquals("newer", list.get(0).conversation().firstLine());
    assertEquals("b2", store.latest().orElseThrow().id());
  }

  @Test
  void should_load_by_id_by_unique_start_of_an_id_and_by_file() throws Exception {
    ConversationStore store = new ConversationStore(tmp.resolve("c"));
    store.save(conv("20261202-220000-aaaa", "one"));
    store.save(conv("20261203-090000-bbbb", "two"));
    assertEquals("one", store.load("20261202-220000-aaaa").firstLine());
    assertEquals("two", store.load("20261203").firstLine());
    assertEquals(
        "one", store.load(tmp.resolve("c/20261202-220000-aaaa.json").toString()).firstLine());
    IllegalArgumentException ambiguous =
        assertThrows(IllegalArgumentException.class, () -> store.load("2026"));
    assertTrue(ambiguous.getMessage().contains("matches 2 conversations"), ambiguous.getMessage());
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class, () -> store.load("nope"));
    assertEquals("no saved conversation nope (chat --list shows them)", missing.getMessage());
  }

  @Test
  void should_write_markdown_or_json_for_save() throws Exception {
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
    Path json = tmp.resolve("chat.json");
    Transcripts.write(c, json);
    assertEquals(
        4,
        Conversation.fromJson(
                com.anthropic.tool.client.model.Json.parseObject(Files.readString(json)))
            .turns()
            .size());
    assertEquals("rw-------", mode(json));
  }
}
