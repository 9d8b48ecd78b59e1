package com.anthropic.tool.cli;

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

  /**
   * The candidate closest to what was typed, when it is close: at most one edit (insert, delete,
   * replace or swap two neighbours) for short words, two for words of five letters or more, or a
   * word that the typed text begins.
   */
  static Optional<String> closest(String typed, Collection<String> candidates) {
    String t = typed.toLowerCase(java.util.Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(t, c.toLowerCase(java.util.Locale.ROOT));
      int bare = t.replaceFirst("^-+", "").length();
      int allowed = bare >= 5 ? 2 : 1;
      boolean prefix = bare >= 3 && c.startsWith(typed);
      if ((d <= allowed || prefix) && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Optimal string alignment distance (Levenshtein plus swaps of neighbouring letters). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
