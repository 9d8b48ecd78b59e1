package com.anthropic.tool.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: lists the subcommands and holds the shared options. */
@Command(
    name = "anthropic",
    mixinStandardHelpOptions = false,
    versionProvider = VersionProvider.class,
    description = "A fast command line for Anthropic's Messages API.",
    subcommands = {
      MessagesCommand.class,
      StreamCommand.class,
      ChatCommand.class,
      CountTokensCommand.class,
      ToolLoopCommand.class,
      LogsCommand.class,
      ModelsCommand.class,
      BatchesCommand.class,
      FilesCommand.class,
      CompletionCommand.class,
      MockServerCommand.class,
      ConfigCommand.class,
      KeysCommand.class,
      TemplatesCommand.class,
      AliasesCommand.class,
      InstallCommand.class,
      HelpCommand.class
    },
    synopsisSubcommandLabel = "COMMAND",
    footerHeading = "%nExamples:%n",
    footer = {
      "  export ANTHROPIC_API_KEY=sk-ant-...",
      "  anthropic messages \"Hello\"",
      "  git diff | anthropic messages \"Write a commit message for this diff\"",
      "  anthropic stream \"Tell me a story\"",
      "  anthropic help messages",
      "",
      "Exit codes: 0 ok, 1 failure, 2 usage or invalid input, 3 authentication,"
          + " 4 rate limited or overloaded, 5 network or timeout, 130 interrupted."
    })
public final class RootCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;
  @Spec CommandSpec spec;

  private final CliContext ctx;

  public RootCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  CliContext ctx() {
    return ctx;
  }

  GlobalOptions global() {
    return global;
  }

  /** {@code anthropic} alone: the help, on stderr (nothing was asked for), exit 2. */
  @Override
  public Integer call() {
    Style style = Style.forStream(ctx.stderrIsTerminal(), global.noColor(), ctx.env());
    var err = spec.commandLine().getErr();
    spec.commandLine()
        .usage(
            err,
            CommandLine.Help.defaultColorScheme(
                style.enabled() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
    err.flush();
    return ExitCodes.USAGE;
  }
}
