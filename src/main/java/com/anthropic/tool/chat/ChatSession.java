package com.anthropic.tool.chat;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.model.CacheControl;
import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.model.Usage;
import com.anthropic.tool.client.stream.MessageStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The chat loop: reads a message, sends the whole conversation with it, streams the answer, and
 * goes on until the end of input or {@code /exit}. Ctrl-C during an answer closes that exchange
 * only; an API error is one line and the session goes on.
 */
public final class ChatSession {
  /**
   * What a session runs with.
   *
   * @param client the API client (closed by the caller)
   * @param template the request every turn starts from (model, max tokens, sampling, tools, ...);
   *     its messages are replaced by the conversation's
   * @param cache the breakpoint put on the last user turn, or null for none ({@code --no-cache})
   * @param maxTokensFor the max_tokens for a model chosen with {@code /model}, or null to keep the
   *     template's (given with {@code --max-tokens})
   * @param attacher turns a {@code /attach} argument into a content block; throws with a message
   * @param describeError the one line an error prints ({@code error: type: message (HTTP ...)})
   * @param usage print each answer's usage even when not interactive ({@code -u})
   * @param store where the conversation is saved as it goes, or null
   * @param nanoTime the clock for the time an answer took
   */
  public record Options(
      AnthropicClient client,
      MessagesRequest template,
      CacheControl cache,
      Function<String, Integer> maxTokensFor,
      Function<String, ContentBlock> attacher,
      Function<Throwable, String> describeError,
      boolean showThinking,
      boolean usage,
      ConversationStore store,
      LongSupplier nanoTime) {
    public Options {
      Objects.requireNonNull(client, "client");
      Objects.requireNonNull(template, "template");
      Objects.requireNonNull(attacher, "attacher");
      Objects.requireNonNull(describeError, "describeError");
      Objects.requireNonNull(nanoTime, "nanoTime");
    }
  }

  private final Options options;
  private final Console console;
  private final UsageTotals totals = new UsageTotals();
  private Conversation conversation;
  private final List<ContentBlock> pendingAttachments = new ArrayList<>();
  private final boolean raw;
  private List<ContentBlock> failedTurn;

  /**
   * @param conversation where the session starts (new, or resumed)
   * @param attachments blocks that go with the first message ({@code -a})
   * @param raw no Markdown styling ({@code --raw})
   */
  ChatSession(
      Options options,
      Console console,
      Conversation conversation,
      List<ContentBlock> attachments,
      boolean raw) {
    this.options = options;
    this.raw = raw;
    this.console = console;
    this.conversation = conversation;
    this.pendingAttachments.addAll(attachments);
  }

  /** The conversation as it stands. */
  Conversation conversation() {
    return conversation;
  }

  /** Runs until the end of input or {@code /exit}; returns the exit code (0). */
  int run() {
    try {
      while (true) {
        String line;
        try {
          line = console.readMessage();
        } catch (Console.Cleared c) {
          continue;
        }
        if (line == null) {
          return 0;
        }
        if (line.isBlank()) {
          continue;
        }
        if (SlashCommands.isCommand(line.strip())) {
          if (!command(line.strip())) {
            return 0;
          }
          continue;
        }
        send(SlashCommands.messageText(line));
      }
    } finally {
      console.out().flush();
      console.info().flush();
      console.err().flush();
    }
  }

  private void send(String text) {
    List<ContentBlock> turn = new ArrayList<>(pendingAttachments);
    pendingAttachments.clear();
    turn.add(ContentBlock.Text.of(text));
    ask(conversation.withUser(turn), turn);
  }

  /** Asks for the answer to the last user turn of {@code next} and records the outcome. */
  private void ask(Conversation next, List<ContentBlock> userTurn) {
    conversation = next;
    failedTurn = null;
    MessagesRequest request;
    try {
      request = request(next);
    } catch (RuntimeException e) {
      error(e);
      conversation = next.withoutLastExchange();
      failedTurn = userTurn;
      return;
    }
    boolean interactive = console.interactive();
    TerminalRenderer renderer =
        new TerminalRenderer(
            console.out(),
            interactive ? console.out() : console.err(),
            options.showThinking(),
            console.styled(),
            new MarkdownStyler(console.styled() && !raw));
    long start = options.nanoTime().getAsLong();
    Outcome outcome = exchange(request, renderer);
    long elapsed = options.nanoTime().getAsLong() - start;
    PrintWriter out = console.out();
    if (outcome instanceof Outcome.Answered a) {
      renderer.finish();
      Message m = a.message();
      List<ContentBlock> content = m.content();
      if (!m.toolUses().isEmpty()) {
        // no tool runs here yet: a tool_use without its tool_result would fail the next request
        content = content.stream().filter(b -> !(b instanceof ContentBlock.ToolUse)).toList();
        List<String> names = m.toolUses().stream().map(ContentBlock.ToolUse::name).toList();
        notice(
            "note: the model asked to run "
                + String.join(", ", names)
                + "; chat does not run tools");
      }
      conversation = next.withAssistant(content, false);
      totals.add(request.model(), m.usage());
      if (!interactive) {
        out.println();
      }
      out.flush();
      if ("max_tokens".equals(m.stopReason())) {
        console
            .err()
            .println(
                "warning: the answer stopped at max_tokens ("
                    + request.maxTokens()
                    + "); --max-tokens N allows longer ones");
        console.err().flush();
      }
      status(m.usage(), elapsed);
    } else if (outcome instanceof Outcome.Interrupted) {
      List<ContentBlock> shown = renderer.stop();
      conversation = next.withAssistant(shown, true);
      if (interactive) {
        console.info().println(dim("[interrupted]"));
        console.info().flush();
      }
    } else if (outcome instanceof Outcome.Failed f) {
      List<ContentBlock> shown = renderer.stop();
      out.flush();
      error(f.error());
      if (shown.isEmpty()) {
        conversation = next.withoutLastExchange();
        failedTurn = userTurn;
      } else {
        conversation = next.withAssistant(shown, true);
      }
    }
    save();
  }

  private sealed interface Outcome {
    record Answered(Message message) implements Outcome {}

    record Interrupted() implements Outcome {}

    record Failed(Throwable error) implements Outcome {}
  }

  /**
   * Streams one answer on a worker thread while this thread waits, so that Ctrl-C can end the wait
   * at any moment (connecting, waiting to retry, streaming): the exchange is closed and what was
   * shown is kept.
   */
  private Outcome exchange(MessagesRequest request, TerminalRenderer renderer) {
    CompletableFuture<Outcome> done = new CompletableFuture<>();
    Exchange x = new Exchange();
    console.onInterrupt(
        () -> {
          x.cancel();
          done.complete(new Outcome.Interrupted());
        });
    Thread worker =
        new Thread(
            () -> {
              try (MessageStream stream = options.client().messagesStream(request)) {
                if (!x.attach(stream)) {
                  return;
                }
                stream.onIdle(renderer::flush);
                Message m = stream.consume(renderer::accept);
                done.complete(
                    stream.isClosed() ? new Outcome.Interrupted() : new Outcome.Answered(m));
              } catch (Throwable t) { // NOPMD: every failure becomes the session's error line
                done.complete(x.cancelled() ? new Outcome.Interrupted() : new Outcome.Failed(t));
              }
            },
            "chat-answer");
    worker.setDaemon(true);
    worker.start();
    try {
      return done.join();
    } finally {
      console.onInterrupt(null);
    }
  }

  /** The stream in flight, and whether it was cancelled before or after it opened. */
  private static final class Exchange {
    private MessageStream stream;
    private boolean cancelled;

    synchronized boolean attach(MessageStream s) {
      stream = s;
      if (cancelled) {
        s.close();
        return false;
      }
      return true;
    }

    synchronized void cancel() {
      cancelled = true;
      if (stream != null) {
        stream.close();
      }
    }

    synchronized boolean cancelled() {
      return cancelled;
    }
  }

  /** The request for the conversation as it stands. */
  MessagesRequest request(Conversation c) {
    MessagesRequest.Builder b = options.template().toBuilder();
    b.model(c.model());
    if (options.maxTokensFor() != null && !c.model().equals(options.template().model())) {
      b.maxTokens(options.maxTokensFor().apply(c.model()));
    }
    if (c.system() == null) {
      b.system(List.of());
    } else {
      b.system(c.system());
    }
    b.messages(c.toMessages(options.cache()));
    b.stream(true);
    return b.build();
  }

  private void status(Usage u, long elapsedNanos) {
    if (!console.interactive() && !options.usage()) {
      return;
    }
    String line =
        UsageTotals.shortLine(u)
            + totals
                .lastCost()
                .map(c -> String.format(java.util.Locale.ROOT, " · ~$%.4f", c.total()))
                .orElse("")
            + " · "
            + seconds(elapsedNanos);
    if (console.interactive()) {
      console.info().println(dim(line));
    } else {
      console.err().println("usage: " + line);
    }
    console.info().flush();
    console.err().flush();
  }

  private static String seconds(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
  }

  private String dim(String s) {
    return console.styled() ? MarkdownStyler.DIM + s + MarkdownStyler.NORMAL : s;
  }

  private void error(Throwable t) {
    console.out().flush();
    console.info().flush();
    console.err().println(options.describeError().apply(t));
    console.err().flush();
  }

  private void notice(String s) {
    console.info().println(s);
    console.info().flush();
  }

  private void save() {
    if (options.store() != null && conversation.userTurns() > 0) {
      Optional<String> problem = options.store().save(conversation);
      problem.ifPresent(p -> notice("warning: the conversation was not saved: " + p));
    }
  }

  /** Runs a slash command; false when the session should end. */
  private boolean command(String line) {
    SlashCommands.Parsed parsed = SlashCommands.parse(line);
    if (parsed instanceof SlashCommands.Unknown u) {
      notice(u.message());
      return true;
    }
    SlashCommands.Command c = (SlashCommands.Command) parsed;
    String arg = c.arg();
    switch (c.name()) {
      case "exit" -> {
        return false;
      }
      case "help" -> {
        console.info().print(SlashCommands.help());
        console.info().flush();
      }
      case "model" -> {
        if (arg.isEmpty()) {
          notice("model: " + conversation.model());
        } else {
          conversation = conversation.withModel(arg);
          notice("model: " + arg);
          save();
        }
      }
      case "system" -> {
        if (arg.isEmpty()) {
          notice(
              conversation.system() == null
                  ? "no system prompt"
                  : "system: " + conversation.system());
        } else if (arg.equals("-")) {
          conversation = conversation.withSystem(null);
          notice("system prompt cleared");
          save();
        } else {
          conversation = conversation.withSystem(arg);
          notice("system prompt set");
          save();
        }
      }
      case "attach" -> attach(arg);
      case "edit" -> edit(arg);
      case "clear" -> {
        conversation = conversation.cleared();
        pendingAttachments.clear();
        failedTurn = null;
        notice("conversation cleared");
      }
      case "retry" -> retry();
      case "undo" -> {
        if (conversation.userTurns() == 0) {
          notice("nothing to undo");
        } else {
          conversation = conversation.withoutLastExchange();
          notice("dropped the last exchange");
          save();
        }
      }
      case "usage" -> {
        console.info().print(totals.report(conversation.model()));
        console.info().flush();
      }
      case "save" -> saveAs(arg);
      default -> notice("/" + c.name() + " is not available here");
    }
    return true;
  }

  private void attach(String arg) {
    if (arg.isEmpty()) {
      notice("usage: /attach FILE|URL");
      return;
    }
    try {
      pendingAttachments.add(options.attacher().apply(arg));
      notice("attached " + arg + " (goes with your next message)");
    } catch (RuntimeException e) {
      error(e);
    }
  }

  private void edit(String initial) {
    Optional<String> text = console.edit(initial);
    if (text.isEmpty()) {
      notice("/edit needs a terminal and $VISUAL or $EDITOR");
      return;
    }
    if (text.get().isBlank()) {
      notice("nothing to send");
      return;
    }
    String message = text.get().strip();
    console.info().println(message);
    send(message);
  }

  private void retry() {
    if (failedTurn != null) {
      List<ContentBlock> turn = failedTurn;
      ask(conversation.withUser(turn), turn);
      return;
    }
    Optional<Conversation> again = conversation.forRetry();
    if (again.isEmpty()) {
      notice("nothing to retry");
      return;
    }
    List<Conversation.Turn> turns = again.get().turns();
    ask(again.get(), turns.get(turns.size() - 1).content());
  }

  private void saveAs(String file) {
    if (file.isEmpty()) {
      notice("usage: /save FILE (Markdown; .json for JSON)");
      return;
    }
    try {
      Transcripts.write(conversation, java.nio.file.Path.of(file));
      notice("saved " + file);
    } catch (java.io.IOException | RuntimeException e) {
      console.err().println("error: io_error: cannot write " + file + ": " + e.getMessage());
      console.err().flush();
    }
  }
}
