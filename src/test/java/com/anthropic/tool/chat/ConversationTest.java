package com.anthropic.tool.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.model.CacheControl;
import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.MessageParam;
import com.google.gson.JsonArray;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTest {
  private static final Instant T0 = Instant.parse("2026-12-02T22:00:00Z");

  static Conversation twoExchanges() {
    return Conversation.start("c1", T0, "claude-test", null)
        .withUser(List.of(ContentBlock.Text.of("one")))
        .withAssistant(List.of(ContentBlock.Text.of("first")), false)
        .withUser(List.of(ContentBlock.Text.of("two")))
        .withAssistant(List.of(ContentBlock.Text.of("second")), false);
  }

  private static String json(List<MessageParam> msgs) {
    JsonArray a = new JsonArray();
    msgs.forEach(m -> a.add(m.toJson()));
    return Json.write(a);
  }

  @Test
  void should_be_immutable_each_change_returning_a_new_conversation() {
    Conversation empty = Conversation.start("c1", T0, "claude-test", null);
    Conversation one = empty.withUser(List.of(ContentBlock.Text.of("hi")));
    assertEquals(0, empty.turns().size());
    assertEquals(1, one.turns().size());
    assertThrows(UnsupportedOperationException.class, () -> one.turns().add(null));
  }

  @Test
  void should_drop_the_last_exchange_on_undo() {
    Conversation c = twoExchanges().withoutLastExchange();
    assertEquals(2, c.turns().size());
    assertEquals("first", c.turns().get(1).text());
    assertEquals(0, c.withoutLastExchange().turns().size());
    assertEquals(0, c.withoutLastExchange().withoutLastExchange().turns().size());
  }

  @Test
  void should_keep_the_last_question_and_drop_its_answer_for_retry() {
    Conversation c = twoExchanges().forRetry().orElseThrow();
    assertEquals(3, c.turns().size());
    assertEquals("two", c.turns().get(2).text());
    assertTrue(Conversation.start("c", T0, "m", null).forRetry().isEmpty());
  }

  @Test
  void should_put_the_breakpoint_on_the_last_block_of_the_last_user_turn_only() {
    assertEquals(
        "[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"one\"}]},"
            + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"first\"}]},"
            + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"two\","
            + "\"cache_control\":{\"type\":\"ephemeral\"}}]},"
            + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"second\"}]}]",
        json(twoExchanges().toMessages(CacheControl.ephemeral())));
  }

  @Test
  void should_move_the_breakpoint_when_the_conversation_grows() {
    Conversation c = twoExchanges();
    // as the next request would be built: the breakpoint of the turn before is gone
    List<MessageParam> earlier = c.toMessages(CacheControl.ephemeral());
    Conversation next = c.withUser(List.of(ContentBlock.Text.of("three")));
    String body = json(next.toMessages(CacheControl.ephemeral("1h")));
    assertEquals(1, body.split("cache_control", -1).length - 1, body);
    assertTrue(
        body.endsWith(
            "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"three\","
                + "\"cache_control\":{\"type\":\"ephemeral\",\"ttl\":\"1h\"}}]}]"),
        body);
    assertEquals(4, earlier.size());
  }

  @Test
  void should_put_the_breakpoint_after_an_attachment_on_the_text_that_follows_it() {
    ContentBlock doc =
        ContentBlock.fromJson(
            Json.parseObject(
                "{\"type\":\"document\",\"source\":{\"type\":\"text\",\"media_type\":\"text/plain\","
                    + "\"data\":\"notes\"}}"));
    Conversation c =
        Conversation.start("c", T0, "m", null).withUser(List.of(doc, ContentBlock.Text.of("sum")));
    String body = json(c.toMessages(CacheControl.ephemeral()));
    assertEquals(
        "[{\"role\":\"user\",\"content\":[{\"type\":\"document\",\"source\":{\"type\":\"text\","
            + "\"media_type\":\"text/plain\",\"data\":\"notes\"}},{\"type\":\"text\",\"text\":\"sum\","
            + "\"cache_control\":{\"type\":\"ephemeral\"}}]}]",
        body);
  }

  @Test
  void should_send_no_breakpoint_without_cache() {
    assertTrue(!json(twoExchanges().toMessages(null)).contains("cache_control"));
  }

  @Test
  void should_merge_neighbouring_user_turns_and_leave_out_empty_ones() {
    Conversation c =
        Conversation.start("c", T0, "m", null)
            .withUser(List.of(ContentBlock.Text.of("a")))
            .withAssistant(List.of(), true)
            .withUser(List.of(ContentBlock.Text.of("b")));
    assertEquals(
        "[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"a\"},"
            + "{\"type\":\"text\",\"text\":\"b\",\"cache_control\":{\"type\":\"ephemeral\"}}]}]",
        json(c.toMessages(CacheControl.ephemeral())));
  }

  @Test
  void should_read_back_what_it_writes_interrupted_mark_included() {
    Conversation c =
        twoExchanges()
            .withSystem("Be brief.")
            .withUser(List.of(ContentBlock.Text.of("three")))
            .withAssistant(List.of(ContentBlock.Text.of("thr")), true);
    Conversation back = Conversation.fromJson(Json.parseObject(Json.write(c.toJson())));
    assertEquals(Json.write(c.toJson()), Json.write(back.toJson()));
    assertTrue(back.turns().get(5).interrupted());
    assertEquals("Be brief.", back.system());
    assertEquals("one", back.firstLine());
  }

  @Test
  void should_refuse_json_that_is_not_a_saved_conversation() {
    assertThrows(
        IllegalArgumentException.class, () -> Conversation.fromJson(Json.parseObject("{}")));
  }

  private static ContentBlock.ToolUse use(String id) {
    return new ContentBlock.ToolUse(id, "weather", new com.google.gson.JsonObject(), null);
  }

  private static ContentBlock.ToolResult result(String id, String text, Boolean error) {
    return new ContentBlock.ToolResult(id, List.of(ContentBlock.Text.of(text)), error, null, null);
  }

  @Test
  void should_count_tool_results_as_part_of_the_answer_not_as_questions() {
    Conversation c =
        Conversation.start("c1", T0, "claude-test", null)
            .withUser(List.of(ContentBlock.Text.of("weather?")))
            .withAssistant(List.of(use("t1")), false)
            .withUser(List.of(result("t1", "21C", null)))
            .withAssistant(List.of(ContentBlock.Text.of("Warm.")), false);
    assertEquals(1, c.userTurns());
    assertEquals("weather?", c.firstLine());
    assertEquals(0, c.withoutLastExchange().turns().size());
    assertEquals(1, c.forRetry().orElseThrow().turns().size());
  }

  @Test
  void should_answer_the_open_calls_of_a_cut_round_after_the_results_that_arrived() {
    Conversation c =
        Conversation.start("c1", T0, "claude-test", null)
            .withUser(List.of(ContentBlock.Text.of("two cities")))
            .withAssistant(List.of(ContentBlock.Text.of("Looking."), use("t1"), use("t2")), false)
            .withUser(List.of(result("t1", "21C", null)))
            .answeringOpenToolUses("cut");
    assertEquals(3, c.turns().size());
    assertEquals(
        List.of(result("t1", "21C", null), result("t2", "cut", Boolean.TRUE)),
        c.turns().get(2).content());
    assertEquals(c, c.answeringOpenToolUses("again"), "nothing left open");
    Conversation fresh =
        Conversation.start("c1", T0, "claude-test", null)
            .withUser(List.of(ContentBlock.Text.of("q")))
            .withAssistant(List.of(use("t9")), false)
            .answeringOpenToolUses("stopped");
    assertEquals(List.of(result("t9", "stopped", Boolean.TRUE)), fresh.turns().get(2).content());
  }
}
