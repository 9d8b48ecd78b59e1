package com.anthropic.tool.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the user's editor ({@code $VISUAL}, else {@code $EDITOR}) on a file and waits for it. */
final class Editor {
  private Editor() {}

  /**
   * Opens {@code file} in the editor, on this process's terminal. The variable is split into words
   * at spaces (no shell runs it).
   *
   * @throws CliException when no editor is set (exit 2), or it cannot run or fails (exit 1)
   */
  static void edit(Map<String, String> env, Path file) {
    String editor = env.get("VISUAL");
    if (editor == null || editor.isBlank()) {
      editor = env.get("EDITOR");
    }
    if (editor == null || editor.isBlank()) {
      throw CliException.usage("set $VISUAL or $EDITOR to the editor to use");
    }
    List<String> command = new ArrayList<>(List.of(editor.strip().split("\\s+")));
    command.add(file.toString());
    int code;
    try {
      code = new ProcessBuilder(command).inheritIO().start().waitFor();
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.FAILURE, "io_error", "cannot run the editor " + command.get(0) + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCodes.INTERRUPTED, "interrupted", "the editor was interrupted");
    }
    if (code != 0) {
      throw new CliException(
          ExitCodes.FAILURE, "editor_failed", "the editor " + command.get(0) + " exited " + code);
    }
  }
}
