package com.anthropic.tool.cli;

import java.util.Map;

/** Whether a stream may carry colour, following NO_COLOR, FORCE_COLOR, TERM=dumb and --no-color. */
final class Style {
  private final boolean enabled;

  private Style(boolean enabled) {
    this.enabled = enabled;
  }

  static Style forStream(boolean isTerminal, boolean noColorFlag, Map<String, String> env) {
    if (noColorFlag || env.containsKey("NO_COLOR") || "dumb".equals(env.get("TERM"))) {
      return new Style(false);
    }
    String force = env.get("FORCE_COLOR");
    if (force != null && !force.equals("0") && !force.equalsIgnoreCase("false")) {
      return new Style(true);
    }
    return new Style(isTerminal);
  }

  boolean enabled() {
    return enabled;
  }

  String dim(String s) {
    return enabled ? "\u001b[2m" + s + "\u001b[0m" : s;
  }

  String yellow(String s) {
    return enabled ? "\u001b[33m" + s + "\u001b[0m" : s;
  }

  String red(String s) {
    return enabled ? "\u001b[31m" + s + "\u001b[0m" : s;
  }
}
