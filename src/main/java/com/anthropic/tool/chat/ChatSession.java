package com.anthropic.tool.chat;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.model.CacheControl;
import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.model.Usage;
import com.anthropic.tool.client.tools.ToolCall;
import com.anthropic.tool.client.tools.ToolExecutor;
import com.anthropic.tool.client.tools.ToolLoop;
import com.anthropic.tool.client.tools.ToolLoopCancelledException;
import com.anthropic.tool.client.tools.ToolLoopResult;
import com.anthropic.tool.client.tools.ToolOutput;
import com.anthropic.tool.text.ControlChars;
import com.anthropic.tool.toolbox.Approval;
import com.anthropic.tool.toolbox.ToolInputView;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

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
   * @param tools how the tools the model calls are run (null: the model gets an error result for
   *     any call, as no tool is here)
   * @param models what {@code /model NAME} makes of a name (an alias resolved, a warning about an
   *     unknown name); null takes the name as it is
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
      LongSupplier nanoTime,
      Tools tools,
      Function<String, ModelName> models) {
    public Options {
      Objects.requireNonNull(client, "client");
      Objects.requireNonNull(template, "template");
      Objects.requireNonNull(attacher, "attacher");
      Objects.requireNonNull(describeError, "describeError");
      Objects.requireNonNull(nanoTime, "nanoTime");
      tools = tools == null ? Tools.NONE : tools;
      models = models == null ? name -> new ModelName(name, null) : models;
    }
  }

  /**
   * What {@code /model NAME} switches to.
   *
   * @param model the model id (an alias resolved)
   * @param warning a line about a name that is neither a known model nor an alias, or null
   */
  public record ModelName(String model, String warning) {
    public ModelName {
      Objects.requireNonNull(model, "model");
    }
  }

  /**
   * How each answer runs the tools the model calls (the tool loop of {@code tool-loop}).
   *
   * @param executor runs a call (a toolbox: local commands, MCP servers)
   * @param askFirst the calls to ask about at the prompt before they run ({@code --approve}), or
   *     null to ask about none
   * @param maxIterations the most API calls per answer ({@code --max-iterations})
   * @param parallelism how many calls of one turn run at once ({@code --parallel})
   * @param trace show each result's text in the tool line, not only ok/error
   */
  public record Tools(
      ToolExecutor executor,
      Predicate<ToolCall> askFirst,
      int maxIterations,
      int parallelism,
      boolean trace) {
    static final Tools NONE =
        new Tools(
            call ->
                ToolOutput.error(
                    "there is no tool named "
                        + call.name()
                        + " here (chat --tool FILE offers one)"),
            null,
            ToolLoop.DEFAULT_MAX_ITERATIONS,
            1,
            false);

    public Tools {
      Objects.requireNonNull(executor, "executor");
      if (maxIterations < 1 || parallelism < 1) {
        throw new IllegalArgumentException("maxIterations and parallelism must be at least 1");
      }
    }
  }

  private final Options options;
  private final Console console;
  private final UsageTotals totals = new UsageTotals();
  private Conversation conversation;
  private final List<ContentBlock> pendingAttachments = new ArrayList<>();
  private final boolean raw;
  private List<ContentBlock> failedTurn;
  private boolean logWarned;

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
    AnswerRecorder recorder =
        new AnswerRecorder(
            () ->
                new TerminalRenderer(
                    console.out(),
                    interactive ? console.out() : console.err(),
                    options.showThinking(),
                    console.styled(),
                    answerText(),
                    interactive),
            console.info(),
            console.styled(),
            options.tools().trace());
    long start = options.nanoTime().getAsLong();
    Outcome outcome = exchange(request, recorder);
    long elapsed = options.nanoTime().getAsLong() - start;
    PrintWriter out = console.out();
    ConversationStore.Answer logged =
        new ConversationStore.Answer(null, null, null, null, elapsed / 1_000_000, null);
    if (outcome instanceof Outcome.Answered a) {
      ToolLoopResult r = a.result();
      Message m = r.finalMessage();
      Conversation c = next;
      List<MessageParam> transcript = r.transcript();
      for (MessageParam p : transcript.subList(request.messages().size(), transcript.size())) {
        c = p.role().equals("user") ? c.withUser(p.content()) : c.withAssistant(p.content(), false);
      }
      conversation = c.answeringOpenToolUses(notRunBecause(r));
      totals.add(request.model(), r.usage());
      logged =
          new ConversationStore.Answer(
              r.usage(), m.stopReason(), null, null, elapsed / 1_000_000, null);
      if (!interactive) {
        out.println();
      }
      sources(m);
      out.flush();
      if ("max_tokens".equals(m.stopReason())) {
        warn(
            "warning: the answer stopped at max_tokens ("
                + request.maxTokens()
                + "); --max-tokens N allows longer ones");
      }
      if (r.outcome() == ToolLoopResult.Outcome.REFUSED) {
        warn("warning: the model declined to answer (stop_reason refusal)");
      } else if (r.outcome() == ToolLoopResult.Outcome.MAX_ITERATIONS) {
        warn(
            "warning: stopped after "
                + calls(r.iterations())
                + " while the model still asked for tools; raise --max-iterations to let it go"
                + " on");
      }
      status(r.usage(), r.iterations(), elapsed);
    } else if (outcome instanceof Outcome.Interrupted) {
      List<Conversation.Turn> kept = recorder.stop();
      conversation =
          withTurns(
                  next,
                  kept.isEmpty() ? List.of(Conversation.Turn.assistant(List.of(), true)) : kept)
              .answeringOpenToolUses(INTERRUPTED);
      if (interactive) {
        console.info().println(dim("[interrupted]"));
        console.info().flush();
      }
    } else if (outcome instanceof Outcome.Failed f) {
      List<Conversation.Turn> kept = recorder.stop();
      out.flush();
      error(f.error());
      logged =
          new ConversationStore.Answer(
              null,
              null,
              options.describeError().apply(f.error()),
              f.error() instanceof com.anthropic.tool.client.error.ApiException api
                      && api.status() > 0
                  ? api.status()
                  : null,
              elapsed / 1_000_000,
              Conversation.Turn.user(userTurn).text());
      if (kept.isEmpty()) {
        conversation = next.withoutLastExchange();
        failedTurn = userTurn;
      } else {
        conversation =
            withTurns(next, kept)
                .answeringOpenToolUses(
                    "not run: the answer failed (" + f.error().getMessage() + ")");
      }
    }
    save(logged);
  }

  /** The sources the answer cites, dimmed after it: {@code Sources:} and {@code [N] TITLE URL}. */
  private void sources(Message m) {
    Map<Integer, String> sources = m.citedAnswer().sources();
    if (!sources.isEmpty()) {
      console.out().println(dim("Sources:"));
      sources.forEach(
          (n, label) -> console.out().println(dim("[" + n + "] " + ControlChars.visible(label))));
    }
  }

  /** What a call the answer asked for but never ran is answered with. */
  static final String INTERRUPTED = "not run: the user interrupted the answer (Ctrl-C)";

  private static String notRunBecause(ToolLoopResult r) {
    return r.outcome() == ToolLoopResult.Outcome.MAX_ITERATIONS
        ? "not run: the answer stopped after " + calls(r.iterations()) + " (--max-iterations)"
        : "not run: the answer stopped (" + r.finalMessage().stopReason() + ")";
  }

  private static String calls(int n) {
    return n == 1 ? "1 API call" : n + " API calls";
  }

  private static Conversation withTurns(Conversation c, List<Conversation.Turn> turns) {
    for (Conversation.Turn t : turns) {
      c = t.isUser() ? c.withUser(t.content()) : c.withAssistant(t.content(), t.interrupted());
    }
    return c;
  }

  private void warn(String line) {
    console.err().println(line);
    console.err().flush();
  }

  private sealed interface Outcome {
    record Answered(ToolLoopResult result) implements Outcome {}

    record Interrupted() implements Outcome {}

    record Failed(Throwable error) implements Outcome {}
  }

  /**
   * Runs one answer's tool loop (streamed rounds, tools run between them) on a worker thread while
   * this thread waits, so that Ctrl-C can end the wait at any moment (connecting, waiting to retry,
   * streaming, a tool running): the exchange is closed, running tools are stopped and what was
   * shown is kept.
   */
  private Outcome exchange(MessagesRequest request, AnswerRecorder recorder) {
    CompletableFuture<Outcome> done = new CompletableFuture<>();
    Tools tools = options.tools();
    AtomicReference<ToolLoop> loopRef = new AtomicReference<>();
    Runnable interrupt =
        () -> {
          recorder.stop();
          loopRef.get().cancel();
          done.complete(new Outcome.Interrupted());
        };
    ToolExecutor executor = tools.executor();
    if (tools.askFirst() != null) {
      Predicate<ToolCall> askFirst = tools.askFirst();
      executor = new Approval(executor, call -> !askFirst.test(call) || confirm(call, interrupt));
    }
    ToolLoop loop =
        ToolLoop.builder(options.client())
            .executor(executor)
            .maxIterations(tools.maxIterations())
            .parallelism(tools.parallelism())
            .messagesSent(m -> Conversation.withBreakpoint(m, options.cache()))
            .build();
    loopRef.set(loop);
    console.onInterrupt(interrupt);
    Thread worker =
        new Thread(
            () -> {
              try {
                done.complete(new Outcome.Answered(loop.stream(request, recorder)));
              } catch (ToolLoopCancelledException e) {
                done.complete(new Outcome.Interrupted());
              } catch (Throwable t) { // NOPMD: every failure becomes the session's error line
                done.complete(done.isDone() ? new Outcome.Interrupted() : new Outcome.Failed(t));
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

  /** Markdown rendered on a styled terminal (not with --raw); the text as it is otherwise. */
  private AnswerText answerText() {
    if (!console.styled() || raw) {
      return AnswerText.PLAIN;
    }
    return new MarkdownStream(
        new MarkdownRender(console.hyperlinks()), console::width, console::height, true);
  }

  /**
   * Asks at the prompt whether to run a call, showing every field of its input ({@link
   * ToolInputView}; {@code v} pages the whole input); Ctrl-C there stops the whole answer.
   */
  private boolean confirm(ToolCall call, Runnable interrupt) {
    ToolInputView view = ToolInputView.of(call.input());
    String body = view.body(call.name());
    if (!body.isEmpty()) {
      console.info().print(body);
      console.info().flush();
    }
    try {
      while (true) {
        ToolInputView.Answer a = view.answer(console.ask(view.prompt(call.name())));
        if (a != ToolInputView.Answer.VIEW) {
          return a == ToolInputView.Answer.YES;
        }
        console.page(view.full());
      }
    } catch (Console.Cleared c) {
      interrupt.run();
      return false;
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

  private void status(Usage u, int calls, long elapsedNanos) {
    if (!console.interactive() && !options.usage()) {
      return;
    }
    String line =
        UsageTotals.shortLine(u)
            + totals.lastCost().map(c -> UsageTotals.statusCost(c.total())).orElse("")
            + (calls > 1 ? " · " + calls(calls) : "")
            + " · "
            + seconds(elapsedNanos);
    if (console.interactive()) {
      console.info().println(dim(line));
    } else {
      // the -u line of every other command (CLI.md, Request options), so scripts read one shape
      console
          .err()
          .println(
              "usage: "
                  + u.summary()
                  + totals.lastCost().map(c -> " estimated_cost=" + c.formatted()).orElse("")
                  + (calls > 1 ? " (" + calls(calls) + ")" : ""));
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
    save(null);
  }

  private void save(ConversationStore.Answer answer) {
    if (options.store() != null) {
      Optional<String> problem = options.store().save(conversation, answer);
      if (problem.isPresent() && !logWarned) {
        logWarned = true;
        notice(
            "warning: the conversation was not logged ("
                + problem.get()
                + "); anthropic logs path shows the database");
      }
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
          ModelName m = options.models().apply(arg);
          if (m.warning() != null) {
            notice("warning: " + m.warning());
          }
          conversation = conversation.withModel(m.model());
          notice("model: " + m.model());
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
        if (options.store() != null) {
          options.store().cleared();
        }
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
      case "copy" -> copy(arg);
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

  private void copy(String arg) {
    if (!arg.isEmpty() && !arg.equals("code")) {
      notice("usage: /copy (the last answer) or /copy code (its last code block)");
      return;
    }
    String answer = Clipboard.lastAnswer(conversation);
    if (answer == null) {
      notice("nothing to copy: no answer yet");
      return;
    }
    String text = arg.equals("code") ? Clipboard.lastCodeBlock(answer) : answer;
    if (text == null) {
      notice("nothing to copy: the last answer has no code block");
      return;
    }
    if (!console.interactive() || !console.clipboard()) {
      notice(
          "/copy needs a terminal that takes OSC 52 clipboard writes (not a pipe, not TERM=dumb)");
      return;
    }
    if (text.length() > Clipboard.MAX_CHARS) {
      notice("not copied: " + text.length() + " characters is more than a terminal takes at once");
      return;
    }
    console.out().print(Clipboard.osc52(text));
    console.out().flush();
    notice(
        "copied "
            + (arg.equals("code") ? "the last code block" : "the last answer")
            + " ("
            + text.length()
            + " characters) with OSC 52; a terminal that does not allow clipboard writes ignores it");
  }

  private void saveAs(String file) {
    if (file.isEmpty()) {
      notice("usage: /save FILE (JSON; .md for Markdown)");
      return;
    }
    try {
      java.nio.file.Path target = java.nio.file.Path.of(file);
      java.nio.file.Path dir = target.toAbsolutePath().getParent();
      if (dir != null && !java.nio.file.Files.isDirectory(dir)) {
        // said before writing: the failure would name the temporary file, not the directory
        throw new java.io.IOException(
            "the directory "
                + (target.getParent() == null ? dir : target.getParent())
                + " does not exist");
      }
      Transcripts.write(conversation, target);
      notice("saved " + file);
    } catch (java.nio.file.AccessDeniedException e) {
      console.err().println("error: io_error: cannot write " + file + ": permission denied");
      console.err().flush();
    } catch (java.io.IOException | RuntimeException e) {
      console.err().println("error: io_error: cannot write " + file + ": " + e.getMessage());
      console.err().flush();
    }
  }
}
