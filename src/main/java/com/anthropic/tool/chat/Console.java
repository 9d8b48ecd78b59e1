package com.anthropic.tool.chat;

import java.io.PrintWriter;

/**
 * Where a chat session reads messages and writes answers: a JLine terminal, or plain streams when
 * standard input is not a terminal.
 */
interface Console {
  /** Thrown by {@link #readMessage} when Ctrl-C cleared the line being typed. */
  final class Cleared extends Exception {
    private static final long serialVersionUID = 1L;

    Cleared() {
      super(null, null, false, false);
    }
  }

  /**
   * The next message (several lines when typed as a block), or null at the end of input.
   *
   * @throws Cleared when Ctrl-C cleared the line
   */
  String readMessage() throws Cleared;

  /** Where answers go. */
  PrintWriter out();

  /** Where notices, command output and status lines go. */
  PrintWriter info();

  /** Where error lines go. */
  PrintWriter err();

  /** Whether a person is typing (a terminal): status lines, marks and styles are shown. */
  boolean interactive();

  /** Whether escape sequences may be written to {@link #out()}. */
  boolean styled();

  /** The terminal's columns now (80 when unknown). */
  default int width() {
    return 80;
  }

  /** The terminal's rows now (24 when unknown). */
  default int height() {
    return 24;
  }

  /** Whether an OSC 52 clipboard write may be sent (a terminal, not a dumb one). */
  default boolean clipboard() {
    return false;
  }

  /** Whether links may be written as OSC 8 hyperlinks. */
  default boolean hyperlinks() {
    return false;
  }

  /** Runs {@code r} when Ctrl-C is pressed while no line is being read; null to stop. */
  void onInterrupt(Runnable r);

  /**
   * Asks a yes/no question at the prompt while an answer runs (from the thread that runs a tool);
   * true only for {@code y} or {@code yes}. Not kept in the input history.
   *
   * @throws Cleared when Ctrl-C was pressed instead of an answer
   */
  default boolean confirm(String question) throws Cleared {
    return false;
  }

  /** Runs an editor on {@code initial} and returns what was saved; empty when not possible. */
  default java.util.Optional<String> edit(String initial) {
    return java.util.Optional.empty();
  }

  /** Releases the terminal. */
  default void close() {}
}
