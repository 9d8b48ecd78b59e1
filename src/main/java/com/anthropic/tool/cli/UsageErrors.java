package com.anthropic.tool.cli;

import com.anthropic.tool.config.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one {@code error: usage_error:} line for a command line picocli could not parse: what was not
 * understood, the closest valid name when one is close ({@code did you mean 'messages'?}) and where
 * the help is ({@code see 'anthropic models --help'}).
 */
final class UsageErrors {
  private UsageErrors() {}

  /** The message (without the {@code error: usage_error: } prefix) for a parse failure. */
  static String message(ParameterException ex) {
    CommandLine cl = ex.getCommandLine();
    if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String word = u.getUnmatched().get(0);
      if (word.startsWith("-") && word.length() > 1) {
        return unknownOption(cl, word);
      }
      if (hasVisibleSubcommands(cl) && cl.getCommandSpec().positionalParameters().isEmpty()) {
        return unknownCommand(cl, word);
      }
      return "unexpected argument '" + word + "'" + see(cl);
    }
    String m = String.valueOf(ex.getMessage()).replace('\n', ' ').strip();
    if (m.regionMatches(true, 0, "error: ", 0, "error: ".length())) {
      m = m.substring("error: ".length()); // picocli's own prefix: the line has one already
    }
    if (!m.isEmpty() && Character.isUpperCase(m.charAt(0)) && !m.startsWith("--")) {
      m = Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }
    return m + see(cl);
  }

  /**
   * {@code unknown option '--modle' (did you mean '--model'?); see 'anthropic messages --help'}.
   */
  static String unknownOption(CommandLine cl, String word) {
    String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
    List<String> names = new ArrayList<>();
    for (OptionSpec o : cl.getCommandSpec().options()) {
      if (!o.hidden()) {
        names.addAll(List.of(o.names()));
      }
    }
    return "unknown option '" + name + "'" + suggestion(name, names) + see(cl);
  }

  /**
   * {@code unknown command 'mesages' (did you mean 'messages'?); see 'anthropic --help'}, or for a
   * verb {@code unknown command 'lst' for 'anthropic models' (did you mean 'list'?); ...}.
   */
  static String unknownCommand(CommandLine cl, String word) {
    List<String> names = visibleSubcommands(cl.getCommandSpec());
    String where = cl.getParent() == null ? "" : " for '" + qualifiedName(cl) + "'";
    return "unknown command '" + word + "'" + where + suggestion(word, names) + see(cl);
  }

  static String see(CommandLine cl) {
    return "; see '" + qualifiedName(cl) + " --help'";
  }

  static String qualifiedName(CommandLine cl) {
    return cl.getCommandSpec().qualifiedName(" ");
  }

  private static boolean hasVisibleSubcommands(CommandLine cl) {
    return !visibleSubcommands(cl.getCommandSpec()).isEmpty();
  }

  static List<String> visibleSubcommands(CommandSpec spec) {
    List<String> names = new ArrayList<>();
    spec.subcommands()
        .forEach(
            (name, sub) -> {
              if (!sub.getCommandSpec().usageMessage().hidden()) {
                names.add(name);
              }
            });
    return names;
  }

  private static String suggestion(String word, Collection<String> candidates) {
    return closest(word, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
  }

  static Optional<String> closest(String typed, Collection<String> candidates) {
    return Suggestions.closest(typed, candidates);
  }
}
