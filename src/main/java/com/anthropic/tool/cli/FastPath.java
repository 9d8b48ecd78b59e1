package com.anthropic.tool.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the commonest invocations, {@code messages WORD...}, {@code stream WORD...} and a bare
 * {@code chat}, with no option at all, without building the picocli model. Building it costs about
 * 150 ms of CPU on a cold JVM (picocli's classes are Java 5 class files, which the start-up archive
 * cannot hold, and its model is built by reflection), which is a third of a whole one-call run.
 * With no options, every option has its field default, so the command's own code runs exactly as
 * picocli would have run it. Anything else (an option anywhere, an {@code @file} argument, {@code
 * --}, no prompt words) returns null and goes through picocli.
 */
final class FastPath {
  private FastPath() {}

  /** The exit code, or null when these arguments need the full parser. */
  static Integer run(String[] args, CliContext ctx, PrintWriter out, PrintWriter err) {
    // a bare `chat`: its prompt is ready the sooner for it
    boolean chat = args.length == 1 && args[0].equals("chat");
    if (!chat && (args.length < 2 || !(args[0].equals("messages") || args[0].equals("stream")))) {
      return null;
    }
    List<String> words = chat ? List.of() : plainWords(args);
    if (words == null) {
      return null;
    }
    GlobalOptions global = new GlobalOptions();
    CommandSupport support = new CommandSupport(ctx, global, out, err, () -> usage(ctx, args[0]));
    try {
      if (chat) {
        ChatCommand command = new ChatCommand();
        command.request = new RequestOptions();
        command.toolOptions = new ToolOptions();
        return command.run(support);
      }
      if (args[0].equals("stream")) {
        StreamCommand command = new StreamCommand();
        command.request = new RequestOptions();
        command.prompt = words;
        return command.run(support);
      }
      MessagesCommand command = new MessagesCommand();
      command.request = new RequestOptions();
      command.prompt = words;
      return command.run(support);
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
