package com.anthropic.tool.chat;

import com.anthropic.tool.client.model.CacheControl;
import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.MessageParam;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A chat conversation: its identity, model, system prompt and turns, immutable (every change
 * returns a new one). {@link #toMessages} gives what the next request sends: the whole history,
 * with the prompt-caching breakpoint on the last content block of the last user turn only.
 *
 * @param id a short identifier, also the saved file's name
 * @param created when the conversation began
 * @param model the model the next request uses
 * @param system the system prompt, or null
 * @param turns the turns in order
 */
public record Conversation(
    String id, Instant created, String model, String system, List<Turn> turns) {

  /**
   * One turn.
   *
   * @param role {@code user} or {@code assistant}
   * @param content the blocks sent to the API
   * @param interrupted an assistant answer cut short by Ctrl-C (only its first part is kept)
   */
  public record Turn(String role, List<ContentBlock> content, boolean interrupted) {
    public Turn {
      Objects.requireNonNull(role, "role");
      content = List.copyOf(content);
    }

    public static Turn user(List<ContentBlock> content) {
      return new Turn("user", content, false);
    }

    public static Turn assistant(List<ContentBlock> content, boolean interrupted) {
      return new Turn("assistant", content, interrupted);
    }

    public boolean isUser() {
      return role.equals("user");
    }

    /**
     * A user turn that only carries {@code tool_result} blocks: a round of the tool loop inside an
     * answer, not a question of the person at the keyboard.
     */
    public boolean isToolResults() {
      return isUser()
          && !content.isEmpty()
          && content.stream().allMatch(b -> b instanceof ContentBlock.ToolResult);
    }

    /** A user turn that the person wrote (not only tool results). */
    public boolean isQuestion() {
      return isUser() && !isToolResults();
    }

    /** The text blocks of this turn, concatenated. */
    public String text() {
      StringBuilder sb = new StringBuilder();
      for (ContentBlock b : content) {
        if (b instanceof ContentBlock.Text t) {
          sb.append(t.text());
        }
      }
      return sb.toString();
    }
  }

  public Conversation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(model, "model");
    turns = List.copyOf(turns);
  }

  /** A new, empty conversation. */
  public static Conversation start(String id, Instant created, String model, String system) {
    return new Conversation(id, created, model, system, List.of());
  }

  /** This conversation with a user turn added. */
  public Conversation withUser(List<ContentBlock> content) {
    return with(Turn.user(content));
  }

  /** This conversation with an assistant turn added. */
  public Conversation withAssistant(List<ContentBlock> content, boolean interrupted) {
    return with(Turn.assistant(content, interrupted));
  }

  private Conversation with(Turn t) {
    List<Turn> next = new ArrayList<>(turns);
    next.add(t);
    return new Conversation(id, created, model, system, next);
  }

  public Conversation withModel(String m) {
    return new Conversation(id, created, m, system, turns);
  }

  public Conversation withSystem(String s) {
    return new Conversation(id, created, model, s, turns);
  }

  /** The same model and system prompt, no turns. */
  public Conversation cleared() {
    return new Conversation(id, created, model, system, List.of());
  }

  /**
   * Without the last exchange: the last question and everything after it (the answer with its tool
   * rounds).
   */
  public Conversation withoutLastExchange() {
    int last = lastUserIndex();
    if (last < 0) {
      return this;
    }
    return new Conversation(id, created, model, system, turns.subList(0, last));
  }

  /**
   * Ready to ask the last question again: everything after the last question (answers, tool rounds)
   * is dropped. Empty when there is no question to retry.
   */
  public java.util.Optional<Conversation> forRetry() {
    int last = lastUserIndex();
    if (last < 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new Conversation(id, created, model, system, turns.subList(0, last + 1)));
  }

  private int lastUserIndex() {
    for (int i = turns.size() - 1; i >= 0; i--) {
      if (turns.get(i).isQuestion()) {
        return i;
      }
    }
    return -1;
  }

  /** The number of questions (user turns that are not only tool results). */
  public int userTurns() {
    return (int) turns.stream().filter(Turn::isQuestion).count();
  }

  /**
   * This conversation with every {@code tool_use} of its last assistant turn answered: a call that
   * no later turn answers gets an {@code is_error} result saying {@code why} (a round cut by
   * Ctrl-C, a loop stopped at its bound), so that the next request is valid.
   */
  public Conversation answeringOpenToolUses(String why) {
    int a = -1;
    for (int i = turns.size() - 1; i >= 0 && a < 0; i--) {
      if (!turns.get(i).isUser()) {
        a = i;
      }
    }
    if (a < 0) {
      return this;
    }
    java.util.Set<String> answered = new java.util.HashSet<>();
    for (Turn t : turns.subList(a + 1, turns.size())) {
      for (ContentBlock b : t.content()) {
        if (b instanceof ContentBlock.ToolResult r) {
          answered.add(r.toolUseId());
        }
      }
    }
    List<ContentBlock> missing = new ArrayList<>();
    for (ContentBlock b : turns.get(a).content()) {
      if (b instanceof ContentBlock.ToolUse u && !answered.contains(u.id())) {
        missing.add(
            new ContentBlock.ToolResult(
                u.id(), List.of(ContentBlock.Text.of(why)), Boolean.TRUE, null, null));
      }
    }
    if (missing.isEmpty()) {
      return this;
    }
    List<Turn> next = new ArrayList<>(turns);
    if (a + 1 < next.size() && next.get(a + 1).isToolResults()) {
      List<ContentBlock> results = new ArrayList<>(next.get(a + 1).content());
      results.addAll(missing);
      next.set(a + 1, Turn.user(results));
    } else {
      next.add(a + 1, Turn.user(missing));
    }
    return new Conversation(id, created, model, system, next);
  }

  /** The first line of the first user turn (for listings), or an empty string. */
  public String firstLine() {
    for (Turn t : turns) {
      if (t.isQuestion()) {
        String text = t.text().strip();
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl).strip();
      }
    }
    return "";
  }

  /**
   * The messages of the next request: every turn in order (neighbouring turns of one role are
   * merged, as the API would merge them; empty turns are left out), with {@code cache} (when not
   * null) on the last content block of the last user turn and on no other block.
   */
  public List<MessageParam> toMessages(CacheControl cache) {
    List<String> roles = new ArrayList<>();
    List<List<ContentBlock>> contents = new ArrayList<>();
    for (Turn t : turns) {
      if (t.content().isEmpty()) {
        continue;
      }
      int n = roles.size();
      if (n > 0 && roles.get(n - 1).equals(t.role())) {
        contents.get(n - 1).addAll(t.content());
      } else {
        roles.add(t.role());
        contents.add(new ArrayList<>(t.content()));
      }
    }
    List<MessageParam> out = new ArrayList<>(roles.size());
    for (int i = 0; i < roles.size(); i++) {
      out.add(new MessageParam(roles.get(i), contents.get(i)));
    }
    return withBreakpoint(out, cache);
  }

  /**
   * The same messages with {@code cache} (when not null) on the last content block of the last user
   * message and on no other block: what each round of an answer's tool loop sends, so that the
   * breakpoint moves to the newest tool results too.
   */
  public static List<MessageParam> withBreakpoint(List<MessageParam> messages, CacheControl cache) {
    int lastUser = -1;
    for (int i = messages.size() - 1; i >= 0 && lastUser < 0; i--) {
      if (messages.get(i).role().equals("user") && !messages.get(i).content().isEmpty()) {
        lastUser = i;
      }
    }
    List<MessageParam> out = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      MessageParam m = messages.get(i);
      List<ContentBlock> blocks = new ArrayList<>(m.content().size());
      for (ContentBlock b : m.content()) {
        blocks.add(withoutCache(b));
      }
      if (i == lastUser && cache != null) {
        blocks.set(blocks.size() - 1, withCache(blocks.get(blocks.size() - 1), cache));
      }
      out.add(new MessageParam(m.role(), blocks));
    }
    return out;
  }

  private static ContentBlock withCache(ContentBlock b, CacheControl cc) {
    if (b instanceof ContentBlock.Text t) {
      return t.withCacheControl(cc);
    }
    JsonObject json = b.toJson();
    json.add("cache_control", cc.toJson());
    return ContentBlock.fromJson(json);
  }

  private static ContentBlock withoutCache(ContentBlock b) {
    if (b instanceof ContentBlock.Text t) {
      if (t.cacheControl() == null && (t.raw() == null || !t.raw().has("cache_control"))) {
        return b;
      }
      JsonObject raw = t.raw() == null ? null : t.raw().deepCopy();
      if (raw != null) {
        raw.remove("cache_control");
      }
      return new ContentBlock.Text(t.text(), t.citations(), null, raw);
    }
    JsonObject json = b.toJson();
    if (!json.has("cache_control")) {
      return b;
    }
    json.remove("cache_control");
    return ContentBlock.fromJson(json);
  }

  /** The conversation as saved: turns as the API's content blocks, nothing secret. */
  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("id", id);
    o.addProperty("created", created.toString());
    o.addProperty("model", model);
    if (system != null) {
      o.addProperty("system", system);
    }
    JsonArray ts = new JsonArray();
    for (Turn t : turns) {
      JsonObject j = new JsonObject();
      j.addProperty("role", t.role());
      JsonArray blocks = new JsonArray();
      for (ContentBlock b : t.content()) {
        blocks.add(b.toJson());
      }
      j.add("content", blocks);
      if (t.interrupted()) {
        j.addProperty("interrupted", true);
      }
      ts.add(j);
    }
    o.add("turns", ts);
    return o;
  }

  /**
   * Reads a saved conversation.
   *
   * @throws IllegalArgumentException when it is not one
   */
  public static Conversation fromJson(JsonObject o) {
    String id = Json.str(o, "id");
    String created = Json.str(o, "created");
    String model = Json.str(o, "model");
    JsonArray ts = Json.arr(o, "turns");
    if (id == null || created == null || model == null || ts == null) {
      throw new IllegalArgumentException(
          "not a saved conversation (needs id, created, model, turns)");
    }
    List<Turn> turns = new ArrayList<>();
    for (JsonElement e : ts) {
      if (!e.isJsonObject()) {
        throw new IllegalArgumentException("each turn must be an object");
      }
      JsonObject t = e.getAsJsonObject();
      String role = Json.str(t, "role");
      if (!"user".equals(role) && !"assistant".equals(role)) {
        throw new IllegalArgumentException("a turn's role must be user or assistant");
      }
      MessageParam m = MessageParam.fromJson(t);
      turns.add(new Turn(role, m.content(), Boolean.TRUE.equals(Json.bool(t, "interrupted"))));
    }
    Instant when;
    try {
      when = Instant.parse(created);
    } catch (java.time.format.DateTimeParseException ex) {
      throw new IllegalArgumentException("created is not a timestamp: " + created, ex);
    }
    return new Conversation(id, when, model, Json.str(o, "system"), turns);
  }
}
