package com.anthropic.tool.cli;

import com.anthropic.tool.chat.Chat;
import com.anthropic.tool.chat.ChatSession;
import com.anthropic.tool.chat.Conversation;
import com.anthropic.tool.chat.ConversationStore;
import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.model.CacheControl;
import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.config.XdgPaths;
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
  @Mixin ServerToolOptions serverTools = new ServerToolOptions();

  @Option(names = "--no-cache", description = "No prompt-caching breakpoint on the last user turn.")
  boolean noCache;

  @Option(names = "--raw", description = "No Markdown styling of answers.")
  boolean raw;

  @Option(
      names = {"-c", "--continue"},
      description = "Resume the most recent conversation.")
  boolean resumeLast;

  @Option(
      names = {"-r", "--resume"},
      paramLabel = "ID|FILE",
      description = "Resume a saved conversation by id (or its start) or file.")
  String resume;

  @Option(
      names = "--list",
      description = "List saved conversations (id, date, model, first line) and exit.")
  boolean list;

  @Override
  public Integer call() {
    return run(new CommandSupport(root, spec));
  }

  int run(CommandSupport s) {
    XdgPaths xdg = XdgPaths.from(s.ctx().env());
    ConversationStore store = new ConversationStore(xdg.data().resolve("conversations"));
    if (list) {
      for (ConversationStore.Entry e : store.list()) {
        Conversation c = e.conversation();
        s.out()
            .println(
                c.id()
                    + "\t"
                    + e.updated().toString().substring(0, 19).replace('T', ' ')
                    + "\t"
                    + c.model()
                    + "\t"
                    + c.firstLine());
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
      return chat(s, store, io, opening);
    }
  }

  private int chat(CommandSupport s, ConversationStore store, Chat.Io io, Chat.Opening opening) {
    if (resumeLast && resume != null) {
      throw CliException.usage("--continue and --resume cannot be used together");
    }
    Conversation resumed = null;
    if (resumeLast) {
      resumed =
          store.latest().orElseThrow(() -> CliException.usage("no saved conversation to continue"));
    } else if (resume != null) {
      try {
        resumed = store.load(resume);
      } catch (IllegalArgumentException e) {
        throw CliException.input("--resume: " + e.getMessage());
      }
    }
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
    toolOptions.check();
    s.startClient();
    RequestFactory requests = s.requests().leaveStdin().serverTools(serverTools);
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
            chatTools);
    String greeting =
        (resumed == null ? "chat" : "resumed " + start.id() + " (" + start.userTurns() + " turns)")
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
