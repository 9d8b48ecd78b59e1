package com.anthropic.tool.cli;

import com.anthropic.tool.chat.Chat;
import com.anthropic.tool.chat.ChatSession;
import com.anthropic.tool.chat.Conversation;
import com.anthropic.tool.chat.ConversationStore;
import com.anthropic.tool.chat.Recap;
import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.model.CacheControl;
import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.config.XdgPaths;
import com.anthropic.tool.store.LogStore;
import com.anthropic.tool.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code chat}: the interactive session of the chat package, with the request options. */
@Command(
    name = "chat",
    description =
        "Chat in the terminal: answers stream live, every request carries the whole conversation,"
            + " Ctrl-C stops an answer, /help lists the slash commands. With stdin not a terminal,"
            + " each line (or \"\"\" block) is one message.",
    sortOptions = false,
    footerHeading = "%nExamples:%n",
    footer = {
      "  anthropic chat",
      "  anthropic chat -m claude-opus-4-5 -s \"Answer briefly.\"",
      "  anthropic chat --continue",
      "  anthropic chat --list",
      "  printf 'Hi\\nAnd again\\n' | anthropic chat"
    })
final class ChatCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Spec CommandSpec spec;
  @Mixin RequestOptions request;
  @Mixin ToolOptions toolOptions;

  @Option(names = "--no-cache", description = "No prompt-caching breakpoint on the last user turn.")
  boolean noCache;

  @Option(names = "--raw", description = "No Markdown styling of answers.")
  boolean raw;

  @Mixin LogOptions log = new LogOptions();

  @Option(
      names = {"-r", "--resume"},
      paramLabel = "ID|FILE",
      description =
          "Resume a logged conversation by id (or its start), or import an exported JSON file"
              + " as a new one.")
  String resume;

  @Option(
      names = "--list",
      description = "List logged conversations (id, date, model, first line) and exit.")
  boolean list;

  @Override
  public Integer call() {
    return run(new CommandSupport(root, spec));
  }

  int run(CommandSupport s) {
    XdgPaths xdg = XdgPaths.from(s.ctx().env());
    boolean logging = !log.noLog && !ExchangeLog.offInConfig(s.settings());
    java.nio.file.Path db = ExchangeLog.file(xdg);
    java.nio.file.Path nativeCache = xdg.cache().resolve("native");
    ConversationStore store =
        new ConversationStore(() -> ExchangeLog.openNow(db, nativeCache), logging);
    try {
      return withStore(s, xdg, store);
    } finally {
      store.close();
    }
  }

  private int withStore(CommandSupport s, XdgPaths xdg, ConversationStore store) {
    if (list) {
      importLegacy(s, xdg, store);
      List<LogStore.ConversationSummary> all;
      try {
        all = store.list();
      } catch (StoreException e) {
        throw new CliException(ExitCodes.FAILURE, "log_error", e.getMessage(), e);
      }
      for (LogStore.ConversationSummary c : all) {
        String when = c.updated() == null ? "" : c.updated();
        s.out()
            .println(
                c.id()
                    + "\t"
                    + (when.length() >= 19 ? when.substring(0, 19).replace('T', ' ') : when)
                    + "\t"
                    + c.model()
                    + "\t"
                    + LogsOutput.firstLine(c.firstPrompt()));
      }
      s.out().flush();
      return ExitCodes.OK;
    }
    boolean colour =
        Style.forStream(s.ctx().stdoutIsTerminal(), s.global().noColor(), s.ctx().env()).enabled();
    ModelCache models = new ModelCache(xdg.cache());
    Chat.Io io =
        new Chat.Io(
            s.ctx().stdin(),
            s.ctx().stdinIsTerminal(),
            s.out(),
            s.err(),
            s.ctx().env(),
            colour,
            raw,
            xdg.state().resolve("history"),
            () -> models.fresh(Instant.now()).orElse(List.of()),
            xdg.cache().resolve("terminfo"));
    // the terminal opens on another thread while the request and the client are built
    try (Chat.Opening opening = Chat.open(io)) {
      return chat(s, xdg, store, io, opening);
    }
  }

  private int chat(
      CommandSupport s, XdgPaths xdg, ConversationStore store, Chat.Io io, Chat.Opening opening) {
    if (log.continueLast && (resume != null || log.cid != null)) {
      throw CliException.usage("--continue cannot be used with --resume or --cid");
    }
    String which = resume != null ? resume : log.cid;
    Conversation resumed = null;
    if (log.continueLast || which != null) {
      importLegacy(s, xdg, store);
      try {
        resumed = log.continueLast ? store.latest() : store.load(which);
      } catch (IllegalArgumentException | StoreException e) {
        throw new CliException(
            ExitCodes.FAILURE,
            "not_found",
            (log.continueLast ? "--continue: " : "--resume: ") + e.getMessage(),
            e);
      }
    }
    RequestFactory requests = s.requests().leaveStdin().toolsAddedLater();
    requests.applyTemplate(request); // before the options are read below
    if (request.templatePrompt != null) {
      s.err().println("note: chat does not send template " + request.template + "'s prompt");
      request.templatePrompt = null;
    }
    store.startOpening();
    CacheControl cache = null;
    if (!noCache) {
      try {
        cache = CacheControl.ephemeral(request.cacheTtl);
      } catch (IllegalArgumentException e) {
        throw CliException.usage("--cache-ttl must be 5m or 1h, got " + request.cacheTtl);
      }
    }
    request.cache = false; // the breakpoint is chat's own and moves with the conversation
    request.cacheTtl = null;
    s.startClient();
    MessagesRequest template;
    try {
      template = requests.build(request, List.of(PLACEHOLDER), s::shortUsage);
    } catch (RuntimeException e) {
      s.discardClient();
      throw e;
    }
    // the template's last user turn is [attachments..., placeholder]; earlier turns came from
    // --request
    List<MessageParam> msgs = template.messages();
    MessageParam last = msgs.get(msgs.size() - 1);
    List<ContentBlock> attachments = new ArrayList<>(last.content());
    attachments.remove(attachments.size() - 1);
    Conversation start = startingConversation(template, resumed, msgs.subList(0, msgs.size() - 1));
    ToolSetup.Tools tools = null;
    ChatSession.Tools chatTools = null;
    if (!request.tools.isEmpty() || !toolOptions.mcp.isEmpty() || !template.tools().isEmpty()) {
      // on a terminal, --approve asks through the chat's own line reader: a second reader of
      // /dev/tty would fight JLine for the keys
      boolean askInChat = toolOptions.approve && !toolOptions.yes && s.ctx().stdinIsTerminal();
      if (askInChat) {
        toolOptions.approve = false;
      }
      try {
        tools = ToolSetup.build(s, request, toolOptions);
      } catch (RuntimeException e) {
        s.discardClient();
        throw e;
      }
      template = ToolSetup.offer(template, tools.toolbox());
      var box = tools.toolbox();
      chatTools =
          new ChatSession.Tools(
              tools.executor(),
              askInChat ? call -> box.has(call.name()) : null,
              toolOptions.maxIterations,
              toolOptions.parallel,
              toolOptions.trace);
    }
    try {
      RequestFactory.checkToolChoice(template);
    } catch (RuntimeException e) {
      if (tools != null) {
        tools.close();
      }
      s.discardClient();
      throw e;
    }
    ChatSession.Options options =
        new ChatSession.Options(
            s.client(),
            template,
            cache,
            request.maxTokens == null ? ModelDefaults::maxTokensFor : null,
            requests::attach,
            t -> ErrorReporter.describe(t).line(),
            request.showThinking(),
            request.usage(),
            store,
            System::nanoTime,
            chatTools,
            modelNames(s));
    String greeting =
        (resumed == null
                ? "chat"
                : Recap.of(start, 3)
                    + "\n\nresumed "
                    + start.id()
                    + " ("
                    + start.userTurns()
                    + " turns)")
            + " · "
            + start.model()
            + " · /help for commands, Ctrl-D to quit";
    // a signal that ends the process (Ctrl-C with stdin not a terminal, SIGTERM) stops the tools
    Thread stopTools = tools == null ? null : new Thread(tools::close, "anthropic-chat-tools-stop");
    if (stopTools != null) {
      Runtime.getRuntime().addShutdownHook(stopTools);
    }
    String baseUrl = options.client().options().baseUrl();
    if (baseUrl == null || baseUrl.startsWith("https:")) {
      opening.onPrompt(AnthropicClient::prewarmTls);
    }
    try (var client = options.client();
        ToolSetup.Tools running = tools) {
      return Chat.run(options, io, opening, start, attachments, greeting);
    } finally {
      if (stopTools != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(stopTools);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running or has run
        }
      }
    }
  }

  private static final String PLACEHOLDER = "(chat)";

  /** {@code /model NAME}: resolved as {@code -m} is, with a warning about an unknown name. */
  private static java.util.function.Function<String, ChatSession.ModelName> modelNames(
      CommandSupport s) {
    ModelAliases aliases = new ModelAliases(s.settings().paths());
    return name ->
        new ChatSession.ModelName(aliases.resolve(name), aliases.unknown(name).orElse(null));
  }

  /** Imports the conversation files of earlier versions, once; a warning for each it cannot. */
  private static void importLegacy(CommandSupport s, XdgPaths xdg, ConversationStore store) {
    try {
      for (String w : store.importLegacy(xdg.data().resolve("conversations"))) {
        s.err().println(s.errStyle().prefixed("warning: " + w));
      }
    } catch (StoreException e) {
      throw new CliException(ExitCodes.FAILURE, "log_error", e.getMessage(), e);
    }
    s.err().flush();
  }

  private Conversation startingConversation(
      MessagesRequest template, Conversation resumed, List<MessageParam> earlier) {
    String system = systemText(template);
    if (resumed != null) {
      Conversation c = resumed;
      if (request.model != null) {
        c = c.withModel(template.model());
      }
      if (request.system != null || request.systemFile != null) {
        c = c.withSystem(system);
      }
      return c;
    }
    Instant now = Instant.now();
    Conversation c =
        Conversation.start(ConversationStore.newId(now), now, template.model(), system);
    for (MessageParam m : earlier) {
      c = m.role().equals("user") ? c.withUser(m.content()) : c.withAssistant(m.content(), false);
    }
    return c;
  }

  private static String systemText(MessagesRequest template) {
    if (template.system().isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (ContentBlock.Text t : template.system()) {
      sb.append(t.text());
    }
    return sb.toString();
  }
}
