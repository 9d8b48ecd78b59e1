package com.anthropic.tool.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The root command: lists the subcommands and holds the shared options. */
@Command(
    name = "anthropic",
    mixinStandardHelpOptions = false,
    versionProvider = VersionProvider.class,
    description = "A fast command line for Anthropic's Messages API.",
    subcommands = {
      MessagesCommand.class,
      StreamCommand.class,
      CountTokensCommand.class,
      ToolLoopCommand.class,
      ModelsCommand.class,
      BatchesCommand.class,
      CompletionCommand.class,
      MockServerCommand.class
    },
    synopsisSubcommandLabel = "COMMAND",
    footer = {
      "",
      "Exit codes: 0 ok, 1 failure, 2 usage or invalid input, 3 authentication,"
          + " 4 rate limited or overloaded, 5 network or timeout, 130 interrupted."
    })
public final class RootCommand implements Runnable {
  @Mixin GlobalOptions global;

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

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this), "missing COMMAND; try 'anthropic --help'");
  }
}
