package com.anthropic.tool.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code help [COMMAND...]}: the same text as {@code COMMAND --help}, on stdout, exit 0. */
@Command(
    name = "help",
    description = "Show the help of a command (the same text as COMMAND --help).",
    footerHeading = "%nExamples:%n",
    footer = {"  anthropic help", "  anthropic help messages", "  anthropic help batches create"})
final class HelpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "A command, then its verb.")
  List<String> names = new ArrayList<>();

  @Override
  public Integer call() {
    CommandLine target = spec.root().commandLine();
    for (String name : names) {
      CommandLine sub = target.getSubcommands().get(name);
      if (sub == null) {
        throw CliException.usage(UsageErrors.unknownCommand(target, name));
      }
      target = sub;
    }
    var out = spec.commandLine().getOut();
    target.usage(out, spec.root().commandLine().getColorScheme());
    out.flush();
    return ExitCodes.OK;
  }
}
