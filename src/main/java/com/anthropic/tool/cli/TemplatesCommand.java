package com.anthropic.tool.cli;

import com.anthropic.tool.config.Templates;
import com.anthropic.tool.config.XdgPaths;
import com.anthropic.tool.text.ControlChars;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code templates save|list|show|edit|delete|path}: saved request options. */
@Command(
    name = "templates",
    description =
        "Saved request options (system prompt, model, sampling, tools, a prompt with $input and"
            + " $NAME placeholders), one file a template; use one with --template NAME.",
    subcommands = {
      TemplatesSaveCommand.class,
      TemplatesCommand.ListCmd.class,
      TemplatesCommand.Show.class,
      TemplatesCommand.Edit.class,
      TemplatesCommand.Delete.class,
      TemplatesCommand.PathCmd.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  anthropic templates save summ -m haiku -s Terse. --prompt 'Summarize: $input'",
      "  cat notes.txt | anthropic messages --template summ",
      "  anthropic templates save topic --prompt 'Three facts about $topic'",
      "  anthropic messages --template topic -p topic owls",
      "  anthropic templates list"
    })
final class TemplatesCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "missing verb: save, list, show, edit, delete or path");
  }

  Templates store() {
    return new Templates(XdgPaths.from(root.ctx().env()));
  }

  /** A valid name of a saved template, else a usage error (with a did-you-mean). */
  static String existing(Templates store, String name) {
    checkName(name);
    try {
      if (store.text(name).isEmpty()) {
        throw new CliException(
            ExitCodes.USAGE,
            "usage_error",
            "no template '"
                + name
                + "'"
                + store.closest(name).map(c -> " (did you mean '" + c + "'?)").orElse("")
                + "; 'anthropic templates list' lists them");
      }
    } catch (UncheckedIOException | IllegalArgumentException e) {
      throw CliException.input(e.getMessage());
    }
    return name;
  }

  static void checkName(String name) {
    if (!Templates.validName(name)) {
      throw CliException.usage(
          "'" + name + "' is not a template name: letters, digits, _ and -, at most 64");
    }
  }

  /** {@code templates list}. */
  @Command(
      name = "list",
      description = "List the saved templates, one name a line.",
      footerHeading = "%nExamples:%n",
      footer = {"  anthropic templates list"})
  static final class ListCmd implements Callable<Integer> {
    @ParentCommand TemplatesCommand parent;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      parent.store().names().forEach(spec.commandLine().getOut()::println);
      return ExitCodes.OK;
    }
  }

  /** {@code templates show NAME}. */
  @Command(
      name = "show",
      description = "Print a template's file.",
      footerHeading = "%nExamples:%n",
      footer = {"  anthropic templates show summarize"})
  static final class Show implements Callable<Integer> {
    @ParentCommand TemplatesCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The template's name.")
    String name;

    @Override
    public Integer call() {
      Templates store = parent.store();
      String text = store.text(existing(store, name)).orElse("");
      boolean tty = parent.root.ctx().stdoutIsTerminal();
      // a file anyone may have edited: on a terminal, control characters are shown, not run
      spec.commandLine().getOut().print(tty ? ControlChars.visible(text) : text);
      return ExitCodes.OK;
    }
  }

  /** {@code templates edit NAME}. */
  @Command(
      name = "edit",
      description = "Open a template's file in $VISUAL or $EDITOR, then check it.",
      footerHeading = "%nExamples:%n",
      footer = {"  anthropic templates edit summarize", "  EDITOR=nano anthropic templates edit x"})
  static final class Edit implements Callable<Integer> {
    @ParentCommand TemplatesCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The template's name.")
    String name;

    @Override
    public Integer call() {
      Templates store = parent.store();
      Editor.edit(parent.root.ctx().env(), store.file(existing(store, name)));
      try {
        store.read(name);
      } catch (IllegalArgumentException | UncheckedIOException e) {
        throw CliException.input(
            "template " + name + " (" + store.file(name) + "): " + e.getMessage());
      }
      return ExitCodes.OK;
    }
  }

  /** {@code templates delete NAME}. */
  @Command(
      name = "delete",
      description = "Delete a saved template.",
      footerHeading = "%nExamples:%n",
      footer = {"  anthropic templates delete summarize"})
  static final class Delete implements Callable<Integer> {
    @ParentCommand TemplatesCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The template's name.")
    String name;

    @Override
    public Integer call() {
      Templates store = parent.store();
      store.delete(existing(store, name));
      return ExitCodes.OK;
    }
  }

  /** {@code templates path}. */
  @Command(
      name = "path",
      description = "Print the directory the templates are in.",
      footerHeading = "%nExamples:%n",
      footer = {"  ls \"$(anthropic templates path)\""})
  static final class PathCmd implements Callable<Integer> {
    @ParentCommand TemplatesCommand parent;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().getOut().println(parent.store().dir());
      return ExitCodes.OK;
    }
  }
}
