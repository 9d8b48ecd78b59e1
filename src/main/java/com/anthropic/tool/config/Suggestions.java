package com.anthropic.tool.config;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" for names people type: commands, options, config keys. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate closest to what was typed, when it is close: at most one edit (insert, delete,
   * replace or swap two neighbours) for short words, two for words of five letters or more, none
   * for a single letter ({@code -u}), or a word that the typed text begins.
   */
  public static Optional<String> closest(String typed, Collection<String> candidates) {
    String t = typed.toLowerCase(java.util.Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(t, c.toLowerCase(java.util.Locale.ROOT));
      int bare = t.replaceFirst("^-+", "").length();
      // one letter is one edit from every other letter: no suggestion would mean anything
      int allowed = bare >= 5 ? 2 : bare >= 2 ? 1 : 0;
      boolean prefix = bare >= 3 && c.startsWith(typed);
      if ((d <= allowed || prefix) && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Optimal string alignment distance (Levenshtein plus swaps of neighbouring letters). */
  public static int distance(String a, String b) {
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
