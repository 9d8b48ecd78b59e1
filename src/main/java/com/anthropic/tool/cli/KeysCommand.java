package com.anthropic.tool.cli;

import com.anthropic.tool.config.ConfigFile;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code keys set}: stores an API key in the config file without it passing through argv. */
@Command(
    name = "keys",
    description = "Store the API key in the config file.",
    subcommands = {KeysCommand.SetCmd.class},
    footerHeading = "%nExamples:%n",
    footer = {"  anthropic keys set", "  pass show anthropic | anthropic keys set"})
final class KeysCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing verb: set");
  }

  /** {@code keys set}. */
  @Command(
      name = "set",
      description =
          "Read an API key (without echo on a terminal, else the one line of stdin) and store it"
              + " as api-key in the config file (mode 0600). A key with control or non-ASCII"
              + " characters is refused.",
      footerHeading = "%nExamples:%n",
      footer = {
        "  anthropic keys set                        # asks, without echo",
        "  pass show anthropic | anthropic keys set"
      })
  static final class SetCmd implements Callable<Integer> {
    @ParentCommand KeysCommand parent;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      CliContext ctx = parent.root.ctx();
      String key = ctx.stdinIsTerminal() ? fromTerminal() : firstLine(ctx);
      key = key == null ? "" : key.strip();
      if (key.isEmpty()) {
        throw CliException.input("no API key given; nothing was stored");
      }
      if (key.chars().anyMatch(Character::isWhitespace)) {
        throw CliException.input("an API key has no spaces in it; nothing was stored");
      }
      if (key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
        // a NUL, an escape or an accented letter would go out mangled and fail later as a 401
        throw CliException.input(
            "an API key is printable ASCII only; this one has a control or non-ASCII character;"
                + " nothing was stored");
      }
      ConfigFile f = ConfigCommand.read(parent.root);
      f.set("api-key", key);
      ConfigCommand.write(f);
      var err = spec.commandLine().getErr();
      Style style =
          Style.forStream(ctx.stderrIsTerminal(), parent.root.global().noColor(), ctx.env());
      err.println(
          "keys: stored api-key "
              + ConfigCommand.masked(key)
              + " in "
              + ErrorReporter.configPathForPeople(ctx.env()));
      String env = ctx.env().get("ANTHROPIC_API_KEY");
      if (env != null && !env.isBlank()) {
        err.println(
            style.prefixed(
                "warning: ANTHROPIC_API_KEY is set in this environment and wins over the config"
                    + " file"));
      }
      err.flush();
      return ExitCodes.OK;
    }

    private static String fromTerminal() {
      Console console = System.console();
      if (console == null) {
        throw CliException.input("no terminal to read the key from; pipe it on stdin instead");
      }
      char[] typed = console.readPassword("API key (input hidden): ");
      return typed == null ? null : new String(typed);
    }

    /**
     * The one line of stdin; a second line that is not blank is refused (which one is the key?).
     */
    private static String firstLine(CliContext ctx) {
      try {
        BufferedReader in =
            new BufferedReader(new InputStreamReader(ctx.stdin(), StandardCharsets.UTF_8));
        String first = in.readLine();
        String next;
        while ((next = in.readLine()) != null) {
          if (!next.isBlank()) {
            throw CliException.input(
                "an API key is one line; stdin has more (pipe only the key, e.g. with"
                    + " head -n 1); nothing was stored");
          }
        }
        return first;
      } catch (IOException e) {
        throw CliException.input("cannot read standard input: " + e.getMessage());
      }
    }
  }
}
