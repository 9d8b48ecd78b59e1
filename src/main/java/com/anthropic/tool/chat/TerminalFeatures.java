package com.anthropic.tool.chat;

import java.util.Map;

/** What a terminal supports beyond colour, as far as its environment tells. */
final class TerminalFeatures {
  private TerminalFeatures() {}

  /**
   * Whether the terminal shows OSC 8 hyperlinks: iTerm2, WezTerm, VS Code, Ghostty, kitty, Windows
   * Terminal, VTE 0.50 and later (GNOME Terminal and others); not through tmux or screen, which may
   * pass the sequence on to a terminal that prints it.
   */
  static boolean hyperlinks(Map<String, String> env) {
    if (env.get("TMUX") != null || String.valueOf(env.get("TERM")).startsWith("screen")) {
      return false;
    }
    String program = env.getOrDefault("TERM_PROGRAM", "");
    if (program.equals("iTerm.app")
        || program.equals("WezTerm")
        || program.equals("vscode")
        || program.equals("ghostty")) {
      return true;
    }
    if (env.get("KITTY_WINDOW_ID") != null || env.get("WT_SESSION") != null) {
      return true;
    }
    try {
      return Integer.parseInt(env.getOrDefault("VTE_VERSION", "0")) >= 5000;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * Whether the terminal takes an OSC 52 clipboard write: any terminal but a dumb one (the sequence
   * is ignored where it is not supported, or refused by the terminal's own setting).
   */
  static boolean clipboard(boolean terminal, boolean styled) {
    return terminal && styled;
  }
}
