package com.anthropic.tool.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ScopeType;

/**
 * Shell completion scripts generated from the picocli command model: bash and zsh from picocli's
 * {@link AutoComplete} (zsh through bashcompinit), fish from {@link CommandSpec} here, since
 * picocli has none. Model ids for {@code --model} are read from the cache file that {@code models
 * list} writes; completion never runs the program, never touches the network and prints no errors.
 */
final class Completions {
  /** The file, relative to {@code $XDG_CACHE_HOME} (default {@code ~/.cache}), of model ids. */
  static final String MODEL_CACHE = "anthropic-cli/models.txt";

  private static final String NAME = "anthropic";

  /** The shells we write scripts for. */
  enum Shell {
    bash,
    zsh,
    fish
  }

  private Completions() {}

  static String script(Shell shell, CommandLine root) {
    switch (shell) {
      case bash:
        return bash(root);
      case zsh:
        return zsh(root);
      case fish:
        return fish(root.getCommandSpec());
    }
    throw new IllegalArgumentException("unknown shell " + shell);
  }

  /** picocli's bash script, with model ids for --model and file names for FILE options. */
  static String bash(CommandLine root) {
    String script = AutoComplete.bash(NAME, root);
    for (OptionSpec o : allOptions(root.getCommandSpec())) {
      if (o.arity().max() == 0 || o.completionCandidates() != null) {
        continue;
      }
      String names =
          java.util.Arrays.stream(o.names())
              .map(n -> "'" + n + "'")
              .collect(Collectors.joining("|"));
      String noCompletion = "    " + names + ")\n      return\n      ;;\n";
      String replacement;
      if (isModel(o)) {
        replacement =
            "    "
                + names
                + ")\n"
                + "      # the ids are data: read line by line, never expanded by the shell\n"
                + "      local models_file=\"${XDG_CACHE_HOME:-$HOME/.cache}/"
                + MODEL_CACHE
                + "\"\n"
                + "      local model_id\n"
                + "      COMPREPLY=()\n"
                + "      if [[ -r \"$models_file\" ]]; then\n"
                + "        while IFS= read -r model_id; do\n"
                + "          [[ \"$model_id\" =~ ^[A-Za-z0-9._:@-]{1,128}$ ]] || continue\n"
                + "          [[ \"$model_id\" == \"${curr_word}\"* ]] && COMPREPLY+=(\"$model_id\")\n"
                + "        done 2>/dev/null < \"$models_file\"\n"
                + "      fi\n"
                + "      return 0\n"
                + "      ;;\n";
      } else if (takesFile(o)) {
        replacement =
            "    "
                + names
                + ")\n"
                + "      local IFS=$'\\n'\n"
                + "      type compopt &>/dev/null && compopt -o filenames\n"
                + "      COMPREPLY=( $( compgen -f -- \"${curr_word}\" ) ) # files\n"
                + "      return $?\n"
                + "      ;;\n";
      } else {
        continue;
      }
      script = script.replace(noCompletion, replacement);
    }
    return script;
  }

  /** The bash script, which sets itself up in zsh through bashcompinit. */
  static String zsh(CommandLine root) {
    String bash = bash(root);
    String body = bash.startsWith("#!") ? bash.substring(bash.indexOf('\n') + 1) : bash;
    return "#!/usr/bin/env zsh\n"
        + "#\n"
        + "# zsh completion for `"
        + NAME
        + "`: the bash script below, loaded through zsh's bashcompinit.\n"
        + "# Install: add `source <("
        + NAME
        + " completion zsh)` (or `source /path/to/"
        + NAME
        + ".zsh`) to ~/.zshrc.\n"
        + body;
  }

  /** A fish script from the command model: subcommands, options with descriptions, values. */
  static String fish(CommandSpec root) {
    Map<String, CommandSpec> commands = new LinkedHashMap<>();
    collect(root, "", commands);
    Set<String> argOptions = new LinkedHashSet<>();
    for (OptionSpec o : allOptions(root)) {
      if (o.arity().max() > 0) {
        argOptions.addAll(List.of(o.names()));
      }
    }
    StringBuilder b = new StringBuilder();
    b.append("# fish completion for `")
        .append(NAME)
        .append("`, generated from its command model. Do not edit.\n")
        .append("# Install: ")
        .append(NAME)
        .append(" completion fish > ~/.config/fish/completions/")
        .append(NAME)
        .append(".fish\n\n");
    b.append("function __").append(NAME).append("_path\n");
    b.append("    # the subcommand path typed so far, e.g. 'batches create'\n");
    b.append("    set -l commands");
    for (String path : commands.keySet()) {
      if (!path.isEmpty()) {
        b.append(' ').append(quote(path));
      }
    }
    b.append('\n');
    b.append("    set -l arg_options");
    for (String name : argOptions) {
      b.append(' ').append(quote(name));
    }
    b.append('\n');
    b.append(
        "    set -l tokens (commandline -opc)\n"
            + "    set -e tokens[1]\n"
            + "    set -l path\n"
            + "    set -l skip 0\n"
            + "    for t in $tokens\n"
            + "        if test $skip -eq 1\n"
            + "            set skip 0\n"
            + "        else if contains -- $t $arg_options\n"
            + "            set skip 1\n"
            + "        else if string match -q -- '-*' $t\n"
            + "            continue\n"
            + "        else if contains -- (string join -- ' ' $path $t) $commands\n"
            + "            set path $path $t\n"
            + "        end\n"
            + "    end\n"
            + "    string join -- ' ' $path\n"
            + "end\n\n");
    b.append("function __").append(NAME).append("_is\n");
    b.append("    set -l path (__").append(NAME).append("_path)\n");
    b.append("    test \"$path\" = \"$argv[1]\"\n");
    b.append("end\n\n");
    b.append("function __").append(NAME).append("_models\n");
    b.append("    # model ids cached by `")
        .append(NAME)
        .append(" models list`; nothing if absent\n");
    b.append("    set -l dir $XDG_CACHE_HOME\n");
    b.append("    test -n \"$dir\"; or set dir $HOME/.cache\n");
    b.append("    # the ids are data: only words that look like ids, never expanded\n");
    b.append("    test -r $dir/")
        .append(MODEL_CACHE)
        .append("; and string match -r -- '^[A-Za-z0-9._:@-]{1,128}$' < $dir/")
        .append(MODEL_CACHE)
        .append(" 2>/dev/null\n");
    b.append("end\n\n");
    b.append("complete -c ").append(NAME).append(" -f\n");
    for (Map.Entry<String, CommandSpec> e : commands.entrySet()) {
      String path = e.getKey();
      CommandSpec spec = e.getValue();
      String cond = "-n " + quote("__" + NAME + "_is \"" + path + "\"");
      b.append("\n# ").append(path.isEmpty() ? NAME : NAME + " " + path).append('\n');
      for (Map.Entry<String, CommandLine> sub : spec.subcommands().entrySet()) {
        CommandSpec s = sub.getValue().getCommandSpec();
        if (s.usageMessage().hidden()) {
          continue;
        }
        b.append("complete -c ")
            .append(NAME)
            .append(' ')
            .append(cond)
            .append(" -a ")
            .append(quote(sub.getKey()))
            .append(" -d ")
            .append(quote(summary(s.usageMessage().description())))
            .append('\n');
      }
      for (OptionSpec o : spec.options()) {
        if (o.hidden() || o.inherited()) {
          continue;
        }
        boolean everywhere = spec == root && o.scopeType() == ScopeType.INHERIT;
        b.append("complete -c ").append(NAME);
        if (!everywhere) {
          b.append(' ').append(cond);
        }
        for (String n : o.names()) {
          if (n.startsWith("--")) {
            b.append(" -l ").append(quote(n.substring(2)));
          } else if (n.startsWith("-") && n.length() == 2) {
            b.append(" -s ").append(quote(n.substring(1)));
          } else {
            b.append(" -o ").append(quote(n.substring(1)));
          }
        }
        b.append(values(o));
        b.append(" -d ").append(quote(summary(o.description()))).append('\n');
      }
      for (PositionalParamSpec p : spec.positionalParameters()) {
        if (p.hidden() || p.completionCandidates() == null) {
          continue;
        }
        b.append("complete -c ")
            .append(NAME)
            .append(' ')
            .append(cond)
            .append(" -a ")
            .append(quote(String.join(" ", candidates(p.completionCandidates()))))
            .append(" -d ")
            .append(quote(summary(p.description())))
            .append('\n');
      }
    }
    return b.toString();
  }

  private static String values(OptionSpec o) {
    if (o.arity().max() == 0) {
      return "";
    }
    if (o.completionCandidates() != null) {
      return " -x -a " + quote(String.join(" ", candidates(o.completionCandidates())));
    }
    if (isModel(o)) {
      return " -x -a " + quote("(__" + NAME + "_models)");
    }
    if (takesFile(o)) {
      return " -r -F";
    }
    return " -x";
  }

  private static void collect(CommandSpec spec, String path, Map<String, CommandSpec> out) {
    out.put(path, spec);
    for (Map.Entry<String, CommandLine> sub : spec.subcommands().entrySet()) {
      CommandSpec s = sub.getValue().getCommandSpec();
      if (s.usageMessage().hidden() || !sub.getKey().equals(s.name())) {
        continue; // aliases share the spec; hidden commands get no completion
      }
      collect(s, path.isEmpty() ? s.name() : path + " " + s.name(), out);
    }
  }

  /** Every visible option of every visible command, the root's first. */
  private static List<OptionSpec> allOptions(CommandSpec root) {
    Map<String, CommandSpec> commands = new LinkedHashMap<>();
    collect(root, "", commands);
    List<OptionSpec> result = new ArrayList<>();
    for (CommandSpec spec : commands.values()) {
      for (OptionSpec o : spec.options()) {
        if (!o.hidden()) {
          result.add(o);
        }
      }
    }
    return result;
  }

  private static boolean isModel(OptionSpec o) {
    return o.longestName().equals("--model");
  }

  private static boolean takesFile(OptionSpec o) {
    Class<?> type = o.typeInfo().isMultiValue() ? o.typeInfo().getAuxiliaryTypes()[0] : o.type();
    return o.paramLabel().toUpperCase(Locale.ROOT).contains("FILE")
        || type == java.io.File.class
        || type == java.nio.file.Path.class;
  }

  private static List<String> candidates(Iterable<String> values) {
    List<String> result = new ArrayList<>();
    values.forEach(result::add);
    return result;
  }

  /** The first line of a description, without a trailing period. */
  private static String summary(String[] description) {
    String s = description.length == 0 ? "" : String.join(" ", description).strip();
    s = s.replace("%n", " ").replaceAll("\\s+", " ");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** A fish single-quoted string. */
  private static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
