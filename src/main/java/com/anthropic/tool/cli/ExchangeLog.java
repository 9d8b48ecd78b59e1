package com.anthropic.tool.cli;

import com.anthropic.tool.client.Pricing;
import com.anthropic.tool.client.error.ApiException;
import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.model.Source;
import com.anthropic.tool.client.model.Usage;
import com.anthropic.tool.client.tools.ToolLoopResult;
import com.anthropic.tool.config.PrivateDirs;
import com.anthropic.tool.config.Settings;
import com.anthropic.tool.config.XdgPaths;
import com.anthropic.tool.store.Exchange;
import com.anthropic.tool.store.Ids;
import com.anthropic.tool.store.LogStore;
import com.anthropic.tool.store.StoreException;
import com.anthropic.tool.store.StoredConversation;
import com.anthropic.tool.store.Turns;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The log of one command's exchange ({@code docs/logs.md}). The database is opened on a daemon
 * thread once the request is on its way ({@link #opening}), so neither the first byte of the answer
 * nor the answer itself waits for SQLite; the row is written after the answer was printed. A log
 * that cannot be opened or written never fails the command: one {@code warning:} line.
 */
final class ExchangeLog {
  private final boolean enabled;
  private final Path file;
  private final Path nativeCache;
  private final PrintWriter err;
  private final Instant started = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  private final long startNanos = System.nanoTime();
  private CompletableFuture<LogStore> store;
  private String conversationId;
  private int priorTurns;

  private ExchangeLog(boolean enabled, Path file, Path nativeCache, PrintWriter err) {
    this.enabled = enabled;
    this.file = file;
    this.nativeCache = nativeCache;
    this.err = err;
  }

  /** The database file of these paths. */
  static Path file(XdgPaths paths) {
    return paths.data().resolve("logs.db");
  }

  /** Whether the config file turns logging off ({@code log=off}). */
  static boolean offInConfig(Settings settings) {
    return settings.fromFile("log").map(v -> v.strip().equalsIgnoreCase("off")).orElse(false);
  }

  /** The log for a command with these options. */
  static ExchangeLog of(CommandSupport s, LogOptions o) {
    Settings settings = s.settings();
    boolean on = !o.noLog && !offInConfig(settings);
    return new ExchangeLog(
        on, file(settings.paths()), settings.paths().cache().resolve("native"), s.err());
  }

  /** Opens the store now, on this thread (the caller needs it before sending: a continuation). */
  static LogStore openNow(Path file, Path nativeCache) {
    try {
      PrivateDirs.ensure(file.getParent());
      PrivateDirs.ensure(nativeCache);
    } catch (IOException e) {
      throw new StoreException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
    }
    return LogStore.open(file, nativeCache);
  }

  /**
   * The conversation {@code -c} or {@code --cid} continue, or null for neither. Its turns are what
   * the request sends before the new prompt; the exchange joins it.
   *
   * @throws CliException naming a conversation that cannot be read (exit 1)
   */
  StoredConversation continuation(LogOptions o, RequestOptions r) {
    StoredConversation c = continuation(o);
    if (c != null) {
      if (r.model == null) {
        r.model = c.model();
      }
      if (r.system == null && r.systemFile == null && r.request == null) {
        r.system = c.system();
      }
    }
    return c;
  }

  private StoredConversation continuation(LogOptions o) {
    if (!o.continueLast && o.cid == null) {
      return null;
    }
    if (o.continueLast && o.cid != null) {
      throw CliException.usage("--continue and --cid cannot be used together");
    }
    LogStore db;
    try {
      db = openNow(file, nativeCache);
    } catch (StoreException e) {
      throw new CliException(
          ExitCodes.FAILURE, "log_error", "cannot read the log: " + e.getMessage(), e);
    }
    store = CompletableFuture.completedFuture(db);
    try {
      // conversations saved by earlier versions join the log the first time one is continued
      for (String w :
          new com.anthropic.tool.chat.ConversationStore(() -> db, enabled)
              .importLegacy(file.getParent().resolve("conversations"))) {
        err.println("warning: " + w);
      }
      String cid =
          o.cid != null
              ? db.resolveConversation(o.cid)
                  .orElseThrow(
                      () ->
                          new CliException(
                              ExitCodes.FAILURE,
                              "not_found",
                              "no conversation "
                                  + o.cid
                                  + " in the log (anthropic logs shows them)"))
              : db.latestConversationId()
                  .orElseThrow(
                      () ->
                          new CliException(
                              ExitCodes.FAILURE,
                              "not_found",
                              "no logged conversation to continue"
                                  + (enabled ? "" : " (logging is off)")));
      StoredConversation c = db.conversation(cid);
      conversationId = c.id();
      priorTurns = c.messages().size();
      return c;
    } catch (StoreException e) {
      throw new CliException(ExitCodes.FAILURE, "log_error", e.getMessage(), e);
    }
  }

  /** The request with the conversation's turns before the new prompt's. */
  static MessagesRequest continued(MessagesRequest req, StoredConversation c) {
    if (c == null) {
      return req;
    }
    List<MessageParam> all = new ArrayList<>(c.messages());
    all.addAll(req.messages());
    return req.toBuilder().messages(all).build();
  }

  /** Starts opening the database on a daemon thread: call once the request is sent. */
  void opening() {
    if (!enabled || store != null) {
      return;
    }
    CompletableFuture<LogStore> f = new CompletableFuture<>();
    store = f;
    Thread t =
        new Thread(
            () -> {
              try {
                f.complete(openNow(file, nativeCache));
              } catch (Throwable e) { // NOPMD: reported as a warning where the row is written
                f.completeExceptionally(e);
              }
            },
            "anthropic-log-open");
    t.setDaemon(true);
    t.start();
  }

  /** What an exchange ended with. */
  record Outcome(
      Message message,
      List<MessageParam> turns,
      Usage usage,
      String requestId,
      List<Exchange.ToolCallRecord> toolCalls) {
    /** A tool loop's answer: every round after the {@code sent} turns, each call and result. */
    static Outcome of(ToolLoopResult r, int sent, String requestId) {
      List<MessageParam> turns =
          new ArrayList<>(r.transcript().subList(sent, r.transcript().size()));
      java.util.Map<String, ContentBlock.ToolResult> results = new java.util.HashMap<>();
      for (MessageParam p : turns) {
        for (ContentBlock b : p.content()) {
          if (b instanceof ContentBlock.ToolResult tr) {
            results.put(tr.toolUseId(), tr);
          }
        }
      }
      List<Exchange.ToolCallRecord> calls = new ArrayList<>();
      List<ContentBlock> unanswered = new ArrayList<>();
      for (MessageParam p : turns) {
        for (ContentBlock b : p.content()) {
          if (b instanceof ContentBlock.ToolUse u) {
            ContentBlock.ToolResult tr = results.get(u.id());
            StringBuilder out = new StringBuilder();
            if (tr != null) {
              for (ContentBlock c : tr.content()) {
                if (c instanceof ContentBlock.Text t) {
                  out.append(t.text());
                }
              }
            } else {
              unanswered.add(
                  new ContentBlock.ToolResult(
                      u.id(),
                      List.of(ContentBlock.Text.of("not run: the answer stopped")),
                      Boolean.TRUE,
                      null,
                      null));
            }
            calls.add(
                new Exchange.ToolCallRecord(
                    u.id(),
                    u.name(),
                    u.input() == null ? null : Json.write(u.input()),
                    tr == null ? null : out.toString(),
                    tr == null || Boolean.TRUE.equals(tr.isError())));
          }
        }
      }
      if (!unanswered.isEmpty()) {
        // a continuation must never send a tool_use without its tool_result
        turns.add(MessageParam.user(unanswered));
      }
      return new Outcome(r.finalMessage(), turns, r.usage(), requestId, calls);
    }

    /** One call's answer. */
    static Outcome of(Message m, String requestId) {
      return new Outcome(
          m, List.of(MessageParam.assistant(m.content())), m.usage(), requestId, List.of());
    }
  }

  /** Records an answer: {@code sent} is the request as sent (continued turns included). */
  void answered(String command, MessagesRequest sent, Outcome o, List<String> attachArgs) {
    if (!enabled) {
      closeStore();
      return;
    }
    Message m = o.message();
    List<MessageParam> turns =
        new ArrayList<>(sent.messages().subList(priorTurns, sent.messages().size()));
    turns.addAll(o.turns());
    Usage u = o.usage() != null ? o.usage() : m == null ? null : m.usage();
    write(
        command,
        sent,
        m == null ? "" : m.text(),
        u,
        m == null ? null : m.stopReason(),
        o.requestId(),
        null,
        null,
        turns,
        o.toolCalls(),
        attachArgs);
  }

  /** Records a failure; the command then reports it as usual. */
  void failed(
      String command, MessagesRequest sent, Throwable t, String partial, List<String> attachArgs) {
    if (!enabled || sent == null) {
      closeStore();
      return;
    }
    String line = Exchange.errorColumn(ErrorReporter.describe(t).line());
    Integer status = null;
    String requestId = null;
    if (t instanceof ApiException a) {
      status = a.status() > 0 ? a.status() : null;
      requestId = a.requestId().orElse(null);
    }
    write(
        command,
        sent,
        partial == null ? "" : partial,
        null,
        null,
        requestId,
        line,
        status,
        List.of(),
        List.of(),
        attachArgs);
  }

  private void write(
      String command,
      MessagesRequest sent,
      String response,
      Usage u,
      String stopReason,
      String requestId,
      String error,
      Integer status,
      List<MessageParam> turns,
      List<Exchange.ToolCallRecord> toolCalls,
      List<String> attachArgs) {
    opening(); // when the command did not start it (a failure before sending)
    LogStore db = null;
    try {
      db = join();
      String cid = conversationId != null ? conversationId : Ids.next(started);
      List<MessageParam> msgs = sent.messages();
      MessageParam newTurn = msgs.isEmpty() ? null : msgs.get(msgs.size() - 1);
      Double cost =
          u == null
              ? null
              : Pricing.estimate(sent.model(), u).map(Pricing.Cost::total).orElse(null);
      db.record(
          new Exchange(
              Ids.next(started),
              cid,
              started,
              command,
              sent.model(),
              systemText(sent),
              newTurn == null ? "" : promptText(newTurn),
              response,
              u == null
                  ? Exchange.Tokens.NONE
                  : new Exchange.Tokens(
                      u.inputTokens(),
                      u.outputTokens(),
                      u.cacheCreationInputTokens(),
                      u.cacheReadInputTokens()),
              cost,
              (System.nanoTime() - startNanos) / 1_000_000,
              stopReason,
              requestId,
              error,
              status,
              turns,
              toolCalls,
              newTurn == null ? List.of() : attachments(newTurn, attachArgs)));
    } catch (StoreException | IllegalArgumentException e) {
      warn(err, e.getMessage());
    } finally {
      if (db != null) {
        db.close();
      }
    }
  }

  private LogStore join() {
    try {
      return store.join();
    } catch (CompletionException e) {
      Throwable c = e.getCause();
      throw new StoreException(
          c == null || c.getMessage() == null ? String.valueOf(c) : c.getMessage(), c);
    }
  }

  private void closeStore() {
    if (store != null) {
      store.thenAccept(LogStore::close);
    }
  }

  /** The one line a log that cannot be written prints. */
  static void warn(PrintWriter err, String why) {
    err.println(
        "warning: the exchange was not logged ("
            + (why == null ? "unknown error" : why.replace('\n', ' '))
            + "); anthropic logs path shows the database");
    err.flush();
  }

  static String systemText(MessagesRequest r) {
    if (r.system().isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (ContentBlock.Text t : r.system()) {
      sb.append(t.text());
    }
    return sb.toString();
  }

  /** The text the user gave in this turn: standard input (a text document) and the words. */
  static String promptText(MessageParam turn) {
    List<String> parts = new ArrayList<>();
    for (ContentBlock b : turn.content()) {
      if (b instanceof ContentBlock.Text t) {
        parts.add(t.text());
      } else if (b instanceof ContentBlock.Document d && d.source() instanceof Source.Text s) {
        parts.add(s.data());
      }
    }
    return String.join("\n\n", parts);
  }

  /** References to what {@code -a} attached: path, URL or file id, type, size, SHA-256. */
  private static List<Exchange.AttachmentRef> attachments(MessageParam turn, List<String> args) {
    if (args.isEmpty()) {
      return List.of();
    }
    List<ContentBlock> blocks = new ArrayList<>();
    for (ContentBlock b : turn.content()) {
      if (b instanceof ContentBlock.Image || b instanceof ContentBlock.Document) {
        blocks.add(b);
      }
    }
    // the attachments are the last blocks of their kind (standard input comes first)
    List<ContentBlock> mine =
        blocks.subList(Math.max(0, blocks.size() - args.size()), blocks.size());
    List<Exchange.AttachmentRef> out = new ArrayList<>();
    for (int i = 0; i < args.size() && i < mine.size(); i++) {
      String arg = args.get(i);
      ContentBlock b = mine.get(i);
      Source src =
          b instanceof ContentBlock.Image im ? im.source() : ((ContentBlock.Document) b).source();
      String path = null;
      if (!arg.equals("-") && !arg.contains("://") && Files.isRegularFile(Path.of(arg))) {
        path = Path.of(arg).toAbsolutePath().normalize().toString();
      }
      if (src instanceof Source.Base64 s) {
        byte[] bytes = java.util.Base64.getMimeDecoder().decode(s.data());
        out.add(
            new Exchange.AttachmentRef(
                path, null, null, s.mediaType(), (long) bytes.length, Turns.sha256(bytes)));
      } else if (src instanceof Source.Text s) {
        byte[] bytes = s.data().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.add(
            new Exchange.AttachmentRef(
                path, null, null, s.mediaType(), (long) bytes.length, Turns.sha256(bytes)));
      } else if (src instanceof Source.Url u) {
        out.add(new Exchange.AttachmentRef(null, null, u.url(), null, null, null));
      } else if (src instanceof Source.File f) {
        out.add(new Exchange.AttachmentRef(null, f.fileId(), null, null, null, null));
      }
    }
    return out;
  }
}
