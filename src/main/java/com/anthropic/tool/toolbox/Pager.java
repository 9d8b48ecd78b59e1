package com.anthropic.tool.toolbox;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Shows a long text in a pager: {@code $PAGER} (its words split on spaces, never run through a
 * shell), else {@code less -R} when it is on the {@code PATH}. The text goes to the pager's stdin;
 * the pager talks to the terminal itself.
 */
@FunctionalInterface
public interface Pager {
  /** Shows the text; false when no pager could run (the caller prints it instead). */
  boolean show(String text);

  /**
   * The user's pager.
   *
   * @param env the environment ({@code PAGER}, {@code PATH})
   * @param terminal where the pager's output goes (the terminal)
   */
  static Pager of(Map<String, String> env, ProcessBuilder.Redirect terminal) {
    return text -> {
      List<String> command = command(env);
      if (command.isEmpty()) {
        return false;
      }
      try {
        Process p =
            new ProcessBuilder(command)
                .redirectOutput(terminal)
                .redirectError(terminal)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        try (OutputStream in = p.getOutputStream()) {
          in.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException quit) {
          // the user left the pager before the end
        }
        p.waitFor();
        return true;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return true;
      }
    };
  }

  /** The pager's command, or empty when there is none. */
  static List<String> command(Map<String, String> env) {
    String pager = env.get("PAGER");
    if (pager != null && !pager.isBlank()) {
      return List.of(pager.strip().split("\\s+"));
    }
    String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && new File(dir, "less").canExecute()) {
        return List.of(new File(dir, "less").getPath(), "-R");
      }
    }
    return List.of();
  }
}
