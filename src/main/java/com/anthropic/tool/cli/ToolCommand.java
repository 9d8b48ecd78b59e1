package com.anthropic.tool.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code command} of a {@code --tool} file, made runnable before anything is sent: a relative
 * {@code command[0]} that contains {@code /} ({@code ./weather.sh}) is taken relative to the tool
 * file's directory, not the current one; a bare name is looked up on {@code PATH}. A command that
 * cannot be found or run is exit 2 naming the tool file, instead of an error the model sees later.
 */
final class ToolCommand {
  private ToolCommand() {}

  /**
   * The command with {@code command[0]} resolved.
   *
   * @param toolFile the {@code --tool} argument ({@code -} for standard input: the current
   *     directory)
   * @param env the environment whose {@code PATH} finds a bare name
   * @throws CliException exit 2 when the program does not exist or cannot be run
   */
  static List<String> resolve(String toolFile, List<String> command, Map<String, String> env) {
    String program = command.get(0);
    Path found;
    try {
      found = program.contains("/") ? relativeTo(toolFile, program) : onPath(program, env);
    } catch (InvalidPathException e) {
      found = null;
    }
    String where = "--tool " + toolFile + ": the command " + program + " cannot be run: ";
    if (found == null || !Files.exists(found)) {
      throw CliException.input(
          where + (program.contains("/") ? "no such file" : "not found on PATH"));
    }
    if (!Files.isRegularFile(found) || !Files.isExecutable(found)) {
      throw CliException.input(where + "not an executable file");
    }
    List<String> out = new ArrayList<>(command);
    out.set(0, program.contains("/") ? found.toString() : program);
    return List.copyOf(out);
  }

  private static Path relativeTo(String toolFile, String program) {
    Path p = Path.of(program);
    if (p.isAbsolute()) {
      return p;
    }
    Path dir =
        toolFile.equals("-")
            ? Path.of("").toAbsolutePath()
            : Path.of(toolFile).toAbsolutePath().getParent();
    return dir.resolve(p).normalize();
  }

  private static Path onPath(String program, Map<String, String> env) {
    String path = env.getOrDefault("PATH", "");
    Path first = null;
    for (String d : path.split(":", -1)) {
      Path candidate = Path.of(d.isEmpty() ? "." : d).resolve(program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
      if (first == null && Files.exists(candidate)) {
        first = candidate;
      }
    }
    return first;
  }
}
