package com.anthropic.tool.chat;

import com.anthropic.tool.client.Pricing;
import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.Usage;
import com.anthropic.tool.store.Exchange;
import com.anthropic.tool.store.Ids;
import com.anthropic.tool.store.LogStore;
import com.anthropic.tool.store.StoreException;
import com.anthropic.tool.store.StoredConversation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Chat's conversations in the log database ({@link LogStore}): each answered question is one
 * exchange of its conversation, written as the chat goes; {@code /undo} and {@code /retry} remove
 * the exchanges they replace, {@code /clear} goes on in a new conversation. Several chats (and
 * one-shot commands) may add to one conversation at once: each adds its own exchanges, none is
 * overwritten. Files are only ever read here: an exported conversation ({@code --resume FILE}) and
 * the {@code conversations/*.json} of earlier versions are imported with ids of the log's own.
 */
public final class ConversationStore {
  /** The largest conversation file read. */
  static final long MAX_FILE = 64L << 20;

  private final Supplier<LogStore> opener;
  private final boolean logging;
  private CompletableFuture<LogStore> db;
  private String cid;
  private final List<Row> rows = new ArrayList<>();

  /** An exchange this session knows is in the log, with the turns it holds. */
  private record Row(String responseId, List<Conversation.Turn> turns) {}

  /**
   * @param opener opens the log database (called at most once, on another thread)
   * @param logging false with {@code --no-log} or logging off: nothing is written
   */
  public ConversationStore(Supplier<LogStore> opener, boolean logging) {
    this.opener = opener;
    this.logging = logging;
  }

  /** Starts opening the database on a daemon thread, so that the first save does not wait. */
  public void startOpening() {
    if (db != null) {
      return;
    }
    CompletableFuture<LogStore> f = new CompletableFuture<>();
    db = f;
    Thread t =
        new Thread(
            () -> {
              try {
                f.complete(opener.get());
              } catch (Throwable e) { // NOPMD: reported where the store is used
                f.completeExceptionally(e);
              }
            },
            "anthropic-chat-log-open");
    t.setDaemon(true);
    t.start();
  }

  LogStore db() {
    startOpening();
    try {
      return db.join();
    } catch (CompletionException e) {
      Throwable c = e.getCause();
      if (c instanceof StoreException s) {
        throw s;
      }
      throw new StoreException(String.valueOf(c == null ? e.getMessage() : c.getMessage()), c);
    }
  }

  /** Closes the database, if it was opened. */
  public void close() {
    if (db != null) {
      db.thenAccept(LogStore::close);
    }
  }

  /** A fresh conversation id. */
  public static String newId(Instant now) {
    return Ids.next(now);
  }

  /**
   * What an answer ended with, for its row.
   *
   * @param usage its tokens (all its API calls), or null
   * @param stopReason the final stop reason, or null
   * @param error the error line it failed with, or null
   * @param status the HTTP status of that failure, or null
   * @param durationMs how long it took
   * @param prompt the question (for a failed one, which the conversation no longer holds)
   */
  public record Answer(
      Usage usage,
      String stopReason,
      String error,
      Integer status,
      long durationMs,
      String prompt) {}

  /** {@code /clear}: the rest of the chat is a new conversation; the old one stays in the log. */
  public void cleared() {
    rows.clear();
    cid = Ids.next(Instant.now());
  }

  /** Saves changes of the conversation other than an answer ({@code /model}, {@code /undo}). */
  public Optional<String> save(Conversation c) {
    return save(c, null);
  }

  /**
   * Brings the log in line with {@code c}: exchanges this session wrote (or loaded) that {@code c}
   * no longer holds are removed, its new turns become one exchange with {@code answer}'s figures.
   * Returns the problem when the log could not be written (never thrown).
   */
  public Optional<String> save(Conversation c, Answer answer) {
    if (!logging) {
      return Optional.empty();
    }
    try {
      LogStore store = db();
      if (cid == null) {
        cid = c.id();
      }
      List<Conversation.Turn> now = c.turns();
      int common = 0;
      List<Conversation.Turn> persisted = new ArrayList<>();
      rows.forEach(r -> persisted.addAll(r.turns()));
      while (common < persisted.size()
          && common < now.size()
          && persisted.get(common) == now.get(common)) {
        common++;
      }
      int keep = 0;
      int count = 0;
      while (keep < rows.size() && count + rows.get(keep).turns().size() <= common) {
        count += rows.get(keep).turns().size();
        keep++;
      }
      if (keep < rows.size()) {
        List<String> gone = new ArrayList<>();
        rows.subList(keep, rows.size()).forEach(r -> gone.add(r.responseId()));
        store.deleteResponses(gone);
        rows.subList(keep, rows.size()).clear();
      }
      List<Conversation.Turn> fresh = new ArrayList<>(now.subList(count, now.size()));
      if (fresh.isEmpty() && (answer == null || answer.error() == null)) {
        if (!rows.isEmpty()) {
          store.updateConversation(cid, c.model(), c.system());
        }
        return Optional.empty();
      }
      Instant when = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      String id = Ids.next(when);
      store.record(exchange(id, cid, when, c, fresh, answer));
      if (!fresh.isEmpty()) {
        rows.add(new Row(id, fresh));
      }
      return Optional.empty();
    } catch (StoreException | IllegalArgumentException e) {
      return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  private static Exchange exchange(
      String id,
      String cid,
      Instant when,
      Conversation c,
      List<Conversation.Turn> turns,
      Answer a) {
    String prompt = a != null && a.prompt() != null ? a.prompt() : "";
    StringBuilder response = new StringBuilder();
    List<MessageParam> params = new ArrayList<>();
    List<Exchange.ToolCallRecord> calls = new ArrayList<>();
    for (Conversation.Turn t : turns) {
      if (t.isQuestion() && prompt.isEmpty()) {
        prompt = t.text();
      } else if (!t.isUser()) {
        response.append(t.text());
        for (ContentBlock b : t.content()) {
          if (b instanceof ContentBlock.ToolUse u) {
            calls.add(
                new Exchange.ToolCallRecord(
                    u.id(),
                    u.name(),
                    u.input() == null ? null : Json.write(u.input()),
                    null,
                    false));
          }
        }
      }
      if (!t.content().isEmpty()) {
        params.add(new MessageParam(t.role(), t.content()));
      }
    }
    Usage u = a == null ? null : a.usage();
    return new Exchange(
        id,
        cid,
        when,
        "chat",
        c.model(),
        c.system(),
        prompt,
        response.toString(),
        u == null
            ? Exchange.Tokens.NONE
            : new Exchange.Tokens(
                u.inputTokens(),
                u.outputTokens(),
                u.cacheCreationInputTokens(),
                u.cacheReadInputTokens()),
        u == null ? null : Pricing.estimate(c.model(), u).map(Pricing.Cost::total).orElse(null),
        a == null ? null : a.durationMs(),
        a == null ? null : a.stopReason(),
        null,
        a == null || a.error() == null ? null : Exchange.errorColumn(a.error()),
        a == null ? null : a.status(),
        params,
        calls,
        List.of());
  }

  /** Conversations for {@code chat --list}, the most recently used first. */
  public List<LogStore.ConversationSummary> list() {
    return db().conversations(1000);
  }

  /**
   * The conversation of the most recent logged exchange.
   *
   * @throws IllegalArgumentException when there is none, or it cannot be read (naming it)
   */
  public Conversation latest() {
    String id =
        db().latestConversationId()
            .orElseThrow(() -> new IllegalArgumentException("no logged conversation to continue"));
    return load(id);
  }

  /**
   * A conversation by id (or a unique start of one), or imported from an exported JSON file as a
   * new conversation (the file's own id is never used).
   *
   * @throws IllegalArgumentException naming what was not found or cannot be read
   */
  public Conversation load(String idOrFile) {
    Path asFile = Path.of(idOrFile);
    boolean looksLikeFile =
        idOrFile.contains("/") || idOrFile.endsWith(".json") || idOrFile.endsWith(".md");
    if (looksLikeFile || Files.exists(asFile)) {
      if (idOrFile.endsWith(".md")) {
        throw new IllegalArgumentException(
            idOrFile
                + " is a Markdown export, which cannot be resumed; /save FILE.json exports one"
                + " that can");
      }
      return importFile(asFile);
    }
    LogStore store = db();
    String id =
        store
            .resolveConversation(idOrFile)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no conversation " + idOrFile + " in the log (chat --list shows them)"));
    StoredConversation sc = store.conversation(id);
    List<Conversation.Turn> turns = new ArrayList<>();
    rows.clear();
    for (StoredConversation.Turn ex : sc.exchanges()) {
      List<Conversation.Turn> mine = new ArrayList<>();
      for (MessageParam m : ex.turns()) {
        mine.add(new Conversation.Turn(m.role(), m.content(), false));
      }
      turns.addAll(mine);
      rows.add(new Row(ex.responseId(), mine));
    }
    cid = sc.id();
    return new Conversation(
        sc.id(), sc.created(), sc.model() == null ? "" : sc.model(), sc.system(), turns);
  }

  /** Imports an exported conversation as a new one and returns it. */
  private Conversation importFile(Path file) {
    Conversation read = readFile(file);
    String id = Ids.next(Instant.now());
    record(read, id, Instant.now(), null);
    return load(id);
  }

  /** Writes {@code c}'s exchanges as conversation {@code id}, once per {@code source} if given. */
  private void record(Conversation c, String id, Instant when, String source) {
    List<Exchange> exchanges = new ArrayList<>();
    for (List<Conversation.Turn> ex : exchanges(c.turns())) {
      Instant at = when.truncatedTo(ChronoUnit.MILLIS);
      exchanges.add(exchange(Ids.next(at), id, at, c, ex, null));
    }
    if (exchanges.isEmpty()) {
      throw new IllegalArgumentException("the conversation has no turns to resume");
    }
    LogStore store = db();
    if (source == null) {
      store.importOnce("file:" + id, exchanges.toArray(new Exchange[0]));
    } else {
      store.importOnce(source, exchanges.toArray(new Exchange[0]));
    }
  }

  /** The turns cut into exchanges: each starts at a question. */
  static List<List<Conversation.Turn>> exchanges(List<Conversation.Turn> turns) {
    List<List<Conversation.Turn>> out = new ArrayList<>();
    for (Conversation.Turn t : turns) {
      if (out.isEmpty() || t.isQuestion()) {
        out.add(new ArrayList<>());
      }
      out.get(out.size() - 1).add(t);
    }
    return out;
  }

  /**
   * Reads a conversation file: only a regular file (a FIFO or a directory is refused without being
   * opened), at most {@link #MAX_FILE} bytes.
   */
  static Conversation readFile(Path p) {
    if (!Files.exists(p)) {
      throw new IllegalArgumentException("no such file: " + p);
    }
    if (!Files.isRegularFile(p)) {
      throw new IllegalArgumentException(p + " is not a regular file");
    }
    try {
      if (Files.size(p) > MAX_FILE) {
        throw new IllegalArgumentException(p + " is larger than " + (MAX_FILE >> 20) + " MB");
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(p)) {
        bytes = in.readNBytes((int) MAX_FILE + 1);
      }
      return Conversation.fromJson(Json.parseObject(new String(bytes, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + p + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
      throw new IllegalArgumentException(p + ": " + e.getMessage(), e);
    }
  }

  /**
   * Imports the {@code *.json} conversations earlier versions saved in {@code dir}, each once (the
   * files stay as they are). Returns a warning for each file that could not be imported.
   */
  public List<String> importLegacy(Path dir) {
    List<String> warnings = new ArrayList<>();
    if (!logging || !Files.isDirectory(dir)) {
      return warnings;
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.forEach(files::add);
    } catch (IOException e) {
      warnings.add("cannot list " + dir + ": " + e.getMessage());
      return warnings;
    }
    files.sort(null);
    LogStore store = db();
    for (Path p : files) {
      String name = p.getFileName().toString();
      if (!name.endsWith(".json") || name.startsWith(".") || !Files.isRegularFile(p)) {
        continue; // a FIFO, a directory or a stray file: never opened
      }
      String source = "legacy:" + p.toAbsolutePath().normalize();
      if (store.imported(source)) {
        continue;
      }
      try {
        Conversation c = readFile(p);
        String id = c.id();
        if (!Ids.plausible(id) || store.resolveConversation(id).filter(id::equals).isPresent()) {
          id = Ids.next(c.created());
        }
        record(c, id, Files.getLastModifiedTime(p).toInstant(), source);
      } catch (IllegalArgumentException | IOException | StoreException e) {
        store.importOnce(source);
        warnings.add("the old conversation " + p + " was not imported: " + e.getMessage());
      }
    }
    return warnings;
  }
}
