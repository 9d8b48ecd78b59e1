package com.anthropic.tool.cli;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.CallOptions;
import com.anthropic.tool.client.Files;
import com.anthropic.tool.config.Settings;
import java.io.PrintWriter;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/** What every command needs from the root: context, settings, a client, writers. */
final class CommandSupport {
  private final CliContext ctx;
  private final GlobalOptions global;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Supplier<String> usage;
  private final CommandSpec spec;
  private Settings settings;
  private Startup.EarlyClient pending;
  private AnthropicClient lookupClient;
  private boolean filesBeta;

  CommandSupport(RootCommand root, CommandSpec spec) {
    this(
        root.ctx(),
        root.global(),
        spec.commandLine().getOut(),
        spec.commandLine().getErr(),
        () -> shortUsage(spec.commandLine()),
        spec);
  }

  /** Without picocli: for {@link FastPath}, which runs a command with its default options. */
  CommandSupport(
      CliContext ctx,
      GlobalOptions global,
      PrintWriter out,
      PrintWriter err,
      Supplier<String> usage) {
    this(ctx, global, out, err, usage, null);
  }

  private CommandSupport(
      CliContext ctx,
      GlobalOptions global,
      PrintWriter out,
      PrintWriter err,
      Supplier<String> usage,
      CommandSpec spec) {
    this.ctx = ctx;
    this.global = global;
    // text from outside is shown visibly on a terminal and byte for byte to a pipe or a file
    this.out = VisibleWriter.onTerminal(out, ctx.stdoutIsTerminal());
    this.err = err;
    this.usage = usage;
    this.spec = spec;
  }

  CliContext ctx() {
    return ctx;
  }

  GlobalOptions global() {
    return global;
  }

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  Settings settings() {
    if (settings == null) {
      try {
        settings = Settings.load(ctx().env());
        settings.warnings().forEach(w -> err().println(errStyle().prefixed("warning: " + w)));
      } catch (IllegalArgumentException e) {
        throw CliException.input(e.getMessage());
      }
    }
    return settings;
  }

  /**
   * The client for the command (the one a file lookup already took, if any); the caller closes it.
   */
  AnthropicClient client() {
    AnthropicClient c = lookupClient != null ? lookupClient : takeClient();
    lookupClient = null;
    return c;
  }

  /** The per-call options of the request built: the Files beta when it attaches a file id. */
  CallOptions callOptions() {
    return filesBeta ? CallOptions.builder().beta(Files.BETA).build() : CallOptions.none();
  }

  /** {@code -a file_…}: the file's MIME type, from its metadata (one GET per id). */
  private String fileType(String fileId) {
    filesBeta = true;
    if (lookupClient == null) {
      lookupClient = takeClient();
    }
    return lookupClient.files().get(fileId).mimeType();
  }

  private AnthropicClient takeClient() {
    Startup.EarlyClient started = pending;
    if (started == null) {
      return ClientFactory.create(global(), settings(), err(), ctx.sleeper());
    }
    pending = null;
    return started.take();
  }

  /**
   * Starts building the client on another thread ({@link Startup}, step 6), so that it overlaps
   * reading stdin and building the request. {@link #client()} then takes it, and its failures (no
   * key, bad base URL) surface there, in the same order as without this. A command that fails
   * before it takes the client calls {@link #discardClient()}.
   */
  void startClient() {
    if (pending != null) {
      return;
    }
    Settings loaded;
    try {
      loaded = settings();
    } catch (RuntimeException e) {
      return; // reported by the code that needs the settings
    }
    pending =
        Startup.EarlyClient.start(() -> ClientFactory.create(global, loaded, err, ctx.sleeper()));
  }

  /** Closes a client that {@link #startClient()} built but nothing took. */
  void discardClient() {
    if (lookupClient != null) {
      lookupClient.close();
      lookupClient = null;
    }
    Startup.EarlyClient started = pending;
    pending = null;
    if (started != null) {
      started.discard();
    }
  }

  Style errStyle() {
    return Style.forStream(ctx().stderrIsTerminal(), global().noColor(), ctx().env());
  }

  Style outStyle() {
    return Style.forStream(ctx().stdoutIsTerminal(), global().noColor(), ctx().env());
  }

  MessageOutput output() {
    return new MessageOutput(out(), err(), errStyle(), ctx().stdoutIsTerminal());
  }

  RequestFactory requests() {
    return new RequestFactory(ctx(), settings(), spec)
        .onWarning(w -> err().println("warning: " + w))
        .onFileId(this::fileType);
  }

  /** The short usage text printed when a prompt command has nothing to send on a terminal. */
  String shortUsage() {
    return usage.get();
  }

  /**
   * {@code Usage: anthropic messages [OPTIONS] [PROMPT...]} and where the rest is: the whole usage
   * line, never a cut-off one.
   */
  static String shortUsage(picocli.CommandLine cl) {
    String name = cl.getCommandSpec().qualifiedName(" ");
    String synopsis = new picocli.CommandLine.Help(cl.getCommandSpec()).abbreviatedSynopsis();
    return "Usage: "
        + synopsis.strip()
        + System.lineSeparator()
        + "Give PROMPT words or pipe text on stdin; see '"
        + name
        + " --help'.";
  }
}
