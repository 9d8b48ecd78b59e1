package com.anthropic.tool.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the commonest invocations, {@code messages WORD...}, {@code stream WORD...} and a bare
 * {@code chat}, with no option at all, without building the picocli model ({@link Startup}, step 4,
 * says why). With no options, every option has its field default, so the command's own code runs
 * exactly as picocli would have run it; {@code StartupDefaultsTest} keeps it so. Anything else (an
 * option anywhere, an {@code @file} argument, {@code --}, no prompt words) returns null and goes
 * through picocli.
 */
final class FastPath {
  private FastPath() {}

  /** The exit code, or null when these arguments need the full parser. */
  static Integer run(String[] args, CliContext ctx, PrintWriter out, PrintWriter err) {
    Object command = command(args);
    if (command == null) {
      return null;
    }
    GlobalOptions global = global();
    CommandSupport support = new CommandSupport(ctx, global, out, err, () -> usage(ctx, args[0]));
    try {
      if (command instanceof ChatCommand chat) {
        return chat.run(support);
      }
      if (command instanceof StreamCommand stream) {
        return stream.run(support);
      }
      return ((MessagesCommand) command).run(support);
    } catch (RuntimeException e) {
      return Cli.onExecutionException(
          e,
          out,
          err,
          global.debug(),
          support.errStyle(),
          ctx.env(),
          () -> ClientFactory.credentialSource(global, ctx.env()));
    }
  }

  /**
   * The command object the fast path runs for these arguments, every option at its default, or null
   * when they need the full parser.
   */
  static Object command(String[] args) {
    if (args.length == 1 && args[0].equals("chat")) {
      // a bare `chat`: its prompt is ready the sooner for it
      ChatCommand chat = new ChatCommand();
      chat.request = new RequestOptions();
      chat.toolOptions = new ToolOptions();
      return chat;
    }
    if (args.length < 2) {
      return null;
    }
    List<String> words = plainWords(args);
    if (words == null) {
      return null;
    }
    return switch (args[0]) {
      case "messages" -> {
        MessagesCommand messages = new MessagesCommand();
        messages.input.prompt = words;
        yield messages;
      }
      case "stream" -> {
        StreamCommand stream = new StreamCommand();
        stream.input.prompt = words;
        yield stream;
      }
      default -> null;
    };
  }

  /** The shared options of a fast-path run: all at their defaults. */
  static GlobalOptions global() {
    return new GlobalOptions();
  }

  /** The words after the command name, or null when one of them is not a plain word. */
  private static List<String> plainWords(String[] args) {
    List<String> words = new ArrayList<>(args.length - 1);
    boolean anyText = false;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("-") || a.startsWith("@")) {
        return null;
      }
      anyText |= !a.isBlank();
      words.add(a);
    }
    return anyText ? words : null;
  }

  /** The real usage text, from picocli, only if it is ever printed. */
  private static String usage(CliContext ctx, String name) {
    return CommandSupport.shortUsage(
        HelpLayout.of(new RootCommand(ctx)).getSubcommands().get(name));
  }
}
