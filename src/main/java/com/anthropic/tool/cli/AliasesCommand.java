package com.anthropic.tool.cli;

import com.anthropic.tool.config.XdgPaths;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code aliases set|list|remove}: model aliases, used wherever a model is given. */
@Command(
    name = "aliases",
    description =
        "Model aliases for -m: the built-in sonnet, opus and haiku (the newest of each in the"
            + " model list that 'anthropic models' caches) and your own.",
    subcommands = {
      AliasesCommand.SetCmd.class,
      AliasesCommand.ListCmd.class,
      AliasesCommand.Remove.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  anthropic aliases list",
      "  anthropic aliases set fast claude-haiku-4-5",
      "  anthropic messages -m fast \"hi\"",
      "  anthropic aliases remove fast"
    })
final class AliasesCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "missing verb: set, list or remove");
  }

  ModelAliases aliases() {
    return new ModelAliases(XdgPaths.from(root.ctx().env()));
  }

  /** {@code aliases set NAME MODEL}. */
  @Command(
      name = "set",
      description = "Make NAME mean MODEL wherever a model is given (replaces one of that name).",
      footerHeading = "%nExamples:%n",
      footer = {"  anthropic aliases set fast claude-haiku-4-5"})
  static final class SetCmd implements Callable<Integer> {
    @ParentCommand AliasesCommand parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "[A-Za-z0-9_-], not claude-….")
    String name;

    @Parameters(index = "1", paramLabel = "MODEL", description = "A model id (or sonnet, ...).")
    String model;

    @Override
    public Integer call() {
      if (!ModelAliases.aliasName(name)) {
        throw CliException.usage(
            "'"
                + name
                + "' cannot be an alias: letters, digits, _ and -, at most 64, not beginning"
                + " claude- (that is a model id)");
      }
      if (!ModelCache.isId(model)) {
        throw CliException.usage("'" + model + "' does not look like a model id");
      }
      parent.aliases().set(name, model);
      return ExitCodes.OK;
    }
  }

  /** {@code aliases list}. */
  @Command(
      name = "list",
      description = "List the aliases, built-in ones included: NAME<TAB>MODEL a line.",
      footerHeading = "%nExamples:%n",
      footer = {"  anthropic aliases list"})
  static final class ListCmd implements Callable<Integer> {
    @ParentCommand AliasesCommand parent;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      var out = spec.commandLine().getOut();
      parent.aliases().all().forEach((k, v) -> out.println(k + "\t" + v));
      return ExitCodes.OK;
    }
  }

  /** {@code aliases remove NAME}. */
  @Command(
      name = "remove",
      description = "Remove one of your aliases (exit 1 when there is none of that name).",
      footerHeading = "%nExamples:%n",
      footer = {"  anthropic aliases remove fast"})
  static final class Remove implements Callable<Integer> {
    @ParentCommand AliasesCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The alias.")
    String name;

    @Override
    public Integer call() {
      boolean removed = parent.aliases().remove(name);
      if (!removed) {
        throw new CliException(
            ExitCodes.FAILURE,
            "not_found",
            ModelDefaults.ALIASES.containsKey(name)
                ? name + " is a built-in alias; 'aliases set " + name + " MODEL' overrides it"
                : "no alias '" + name + "' of yours");
      }
      return ExitCodes.OK;
    }
  }
}
