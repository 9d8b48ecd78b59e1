package com.anthropic.tool.cli;

import com.anthropic.tool.text.ControlChars;
import java.util.Map;

/**
 * Whether a stream may carry colour, following NO_COLOR, FORCE_COLOR, TERM=dumb and --no-color; and
 * whether it is a terminal, where text from outside (the model, a tool, a server) is shown through
 * {@link ControlChars} ({@link #shown}) whatever the colour settings.
 */
final class Style {
  private final boolean enabled;
  private final boolean terminal;

  private Style(boolean enabled, boolean terminal) {
    this.enabled = enabled;
    this.terminal = terminal;
  }

  private Style(boolean enabled) {
    this(enabled, false);
  }

  static Style forStream(boolean isTerminal, boolean noColorFlag, Map<String, String> env) {
    String noColor = env.get("NO_COLOR");
    // no-color.org: NO_COLOR counts when it is set to a non-empty value
    if (noColorFlag || (noColor != null && !noColor.isEmpty()) || "dumb".equals(env.get("TERM"))) {
      return new Style(false, isTerminal);
    }
    String force = env.get("FORCE_COLOR");
    if (force != null && !force.equals("0") && !force.equalsIgnoreCase("false")) {
      return new Style(true, isTerminal);
    }
    return new Style(isTerminal, isTerminal);
  }

  /**
   * Text from outside as this stream may carry it: control characters but newline and tab made
   * visible on a terminal, byte for byte otherwise.
   */
  String shown(String outside) {
    return terminal ? ControlChars.visible(outside) : outside;
  }

  /** A style that never colours. */
  static Style plain() {
    return new Style(false);
  }

  /**
   * The line with its leading {@code error:} in bold red or {@code warning:} in yellow (the rest
   * plain), when colour is on.
   */
  String prefixed(String line) {
    if (!enabled) {
      return line;
    }
    if (line.startsWith("error:")) {
      return "\u001b[1;31merror:\u001b[0m" + line.substring("error:".length());
    }
    if (line.startsWith("warning:")) {
      return "\u001b[33mwarning:\u001b[0m" + line.substring("warning:".length());
    }
    return line;
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
