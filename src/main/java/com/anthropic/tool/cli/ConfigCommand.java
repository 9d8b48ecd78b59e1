package com.anthropic.tool.cli;

import com.anthropic.tool.config.ConfigFile;
import com.anthropic.tool.config.Suggestions;
import com.anthropic.tool.config.XdgPaths;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code config get|set|unset|list|path}: reads and edits the config file. */
@Command(
    name = "config",
    description =
        "Read and edit the config file (keys named like the long flags: model, max-tokens,"
            + " base-url, api-key, ...). Flags and environment variables win over it.",
    subcommands = {
      ConfigCommand.Get.class,
      ConfigCommand.Set.class,
      ConfigCommand.Unset.class,
      ConfigCommand.ListCmd.class,
      ConfigCommand.PathCmd.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  anthropic config set model claude-haiku-4-5",
      "  anthropic config get model",
      "  anthropic config list",
      "  anthropic config unset model"
    })
final class ConfigCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "missing verb: get, set, unset, list or path");
  }

  static Path file(RootCommand root) {
    return XdgPaths.from(root.ctx().env()).configFile();
  }

  static ConfigFile read(RootCommand root) {
    try {
      return ConfigFile.read(file(root));
    } catch (UncheckedIOException e) {
      throw CliException.input(e.getMessage());
    }
  }

  static void write(ConfigFile f) {
    try {
      f.write();
    } catch (UncheckedIOException e) {
      throw new CliException(ExitCodes.FAILURE, "io_error", e.getMessage());
    }
  }

  /** A known key, or a usage error naming the closest one. */
  static String known(String key) {
    if (!ConfigFile.KNOWN_KEYS.contains(key)) {
      throw CliException.usage(
          "unknown config key '"
              + key
              + "'"
              + Suggestions.closest(key, ConfigFile.KNOWN_KEYS)
                  .map(k -> " (did you mean '" + k + "'?)")
                  .orElse("")
              + "; known keys: "
              + String.join(", ", ConfigFile.KNOWN_KEYS));
    }
    return key;
  }

  /** {@code sk-ant-api03-…wxyz}: enough to recognise a key, not enough to use it. */
  static String masked(String secret) {
    String s = secret.strip();
    if (s.length() <= 12) {
      return "…";
    }
    int head = s.startsWith("sk-ant-") ? Math.min(s.indexOf('-', 7) + 1, 14) : 4;
    if (head <= 0) {
      head = 7;
    }
    return s.substring(0, head) + "…" + s.substring(s.length() - 4);
  }

  /** {@code config get KEY}: the value alone. */
  @Command(
      name = "get",
      description = "Print the value of KEY in the config file (exit 1 when it is not set).",
      footerHeading = "%nExamples:%n",
      footer = {"  anthropic config get model", "  model=$(anthropic config get model)"})
  static final class Get implements Callable<Integer> {
    @ParentCommand ConfigCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "KEY", description = "A config key.")
    String key;

    @Override
    public Integer call() {
      String value = read(parent.root).values().get(known(key));
      if (value == null) {
        throw new CliException(
            ExitCodes.FAILURE, "not_set", key + " is not set in " + file(parent.root));
      }
      spec.commandLine().getOut().println(value);
      return ExitCodes.OK;
    }
  }

  /** {@code config set KEY VALUE}. */
  @Command(
      name = "set",
      description =
          "Set KEY to VALUE in the config file (created mode 0600 in a directory of mode 0700).",
      footerHeading = "%nExamples:%n",
      footer = {
        "  anthropic config set model claude-haiku-4-5",
        "  anthropic config set max-tokens 2048",
        "  anthropic config set base-url http://127.0.0.1:8080"
      })
  static final class Set implements Callable<Integer> {
    @ParentCommand ConfigCommand parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEY", description = "A config key.")
    String key;

    @Parameters(index = "1", paramLabel = "VALUE", description = "Its value.")
    String value;

    @Override
    public Integer call() {
      known(key);
      check(key, value);
      ConfigFile f = read(parent.root);
      try {
        f.set(key, value);
      } catch (IllegalArgumentException e) {
        throw CliException.usage(e.getMessage());
      }
      write(f);
      return ExitCodes.OK;
    }

    /** A URL every command could use; one with credentials is refused without printing it. */
    private static void checkBaseUrl(String value) {
      int schemeEnd = value.indexOf("://");
      String authority = (schemeEnd < 0 ? value : value.substring(schemeEnd + 3)).split("[/?#]")[0];
      if (authority.contains("@")) {
        throw CliException.usage(
            "base-url must not carry credentials (user:password@host); store the key with"
                + " 'anthropic keys set'");
      }
      java.net.URI uri;
      try {
        uri = new java.net.URI(value);
      } catch (java.net.URISyntaxException e) {
        uri = null;
      }
      if (uri == null
          || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw CliException.usage(
            "base-url must be an http:// or https:// URL with a host, got '" + value + "'");
      }
    }

    private static void check(String key, String value) {
      if (value.isBlank()) {
        throw CliException.usage(
            "the value of " + key + " is empty; use 'config unset " + key + "'");
      }
      switch (key) {
        case "log" -> {
          if (!value.strip().equals("on") && !value.strip().equals("off")) {
            throw CliException.usage("log must be on or off, got '" + value + "'");
          }
        }
        case "max-tokens", "max-retries" -> {
          try {
            int n = Integer.parseInt(value.strip());
            if (n < (key.equals("max-tokens") ? 1 : 0)) {
              throw new NumberFormatException();
            }
          } catch (NumberFormatException e) {
            throw CliException.usage(key + " must be a whole number, got '" + value + "'");
          }
        }
        case "timeout" -> {
          try {
            if (!(Double.parseDouble(value.strip()) > 0)) {
              throw new NumberFormatException();
            }
          } catch (NumberFormatException e) {
            throw CliException.usage("timeout must be a number of seconds, got '" + value + "'");
          }
        }
        case "base-url" -> checkBaseUrl(value.strip());
        default -> {
          // free text
        }
      }
    }
  }

  /** {@code config unset KEY}. */
  @Command(
      name = "unset",
      description = "Remove KEY from the config file.",
      footerHeading = "%nExamples:%n",
      footer = {"  anthropic config unset model"})
  static final class Unset implements Callable<Integer> {
    @ParentCommand ConfigCommand parent;

    @Parameters(paramLabel = "KEY", description = "A config key.")
    String key;

    @Override
    public Integer call() {
      ConfigFile f = read(parent.root);
      if (f.unset(key)) {
        write(f);
      } else {
        known(key); // an unknown key is a typo worth naming; a known one unset is already done
      }
      return ExitCodes.OK;
    }
  }

  /** {@code config list}. */
  @Command(
      name = "list",
      description = "Print every key=value of the config file (keys and tokens masked).",
      footerHeading = "%nExamples:%n",
      footer = {"  anthropic config list"})
  static final class ListCmd implements Callable<Integer> {
    @ParentCommand ConfigCommand parent;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      var out = spec.commandLine().getOut();
      for (Map.Entry<String, String> e : read(parent.root).values().entrySet()) {
        String v =
            ConfigFile.SECRET_KEYS.contains(e.getKey()) ? masked(e.getValue()) : e.getValue();
        out.println(e.getKey() + "=" + v);
      }
      return ExitCodes.OK;
    }
  }

  /** {@code config path}. */
  @Command(
      name = "path",
      description = "Print the config file's path (it may not exist yet).",
      footerHeading = "%nExamples:%n",
      footer = {"  anthropic config path", "  \"$EDITOR\" \"$(anthropic config path)\""})
  static final class PathCmd implements Callable<Integer> {
    @ParentCommand ConfigCommand parent;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().getOut().println(file(parent.root));
      return ExitCodes.OK;
    }
  }
}
