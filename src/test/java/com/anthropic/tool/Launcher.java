package com.anthropic.tool;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code ./anthropic} launcher as a user would, for the process-level subsets of the
 * bad-input and fault matrices: a clean environment (no ANTHROPIC_ variable of the developer's,
 * HOME and the XDG directories in a temporary directory), stdin from /dev/null, stdout and stderr
 * to files.
 */
final class Launcher {
  private static final long DEADLINE_SECONDS = 60;

  /** What one run produced. */
  record Run(List<String> args, int exit, String out, String err) {
    String describe() {
      return "args="
          + args
          + "\nexit="
          + exit
          + "\n--- stdout ---\n"
          + out
          + "\n--- stderr ---\n"
          + err;
    }
  }

  private Launcher() {}

  static Path root() {
    return Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
  }

  static Run run(Path home, Map<String, String> env, String... args) throws Exception {
    return runWithStdin(home, env, null, args);
  }

  /** As {@link #run(Path, Map, String...)}, with {@code stdin} (null: /dev/null) on stdin. */
  static Run runWithStdin(Path home, Map<String, String> env, String stdin, String... args)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(root().resolve("anthropic").toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("ANTHROPIC_"));
    pb.environment().put("HOME", home.toString());
    for (String xdg : List.of("config", "cache", "data", "state")) {
      pb.environment()
          .put(
              "XDG_" + xdg.toUpperCase(java.util.Locale.ROOT) + "_HOME",
              home.resolve(xdg).toString());
    }
    pb.environment().putAll(env);
    Path out = Files.createTempFile(home, "stdout", ".txt");
    Path err = Files.createTempFile(home, "stderr", ".txt");
    Path in = null;
    if (stdin == null) {
      pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    } else {
      in = Files.createTempFile(home, "stdin", ".txt");
      Files.writeString(in, stdin, StandardCharsets.UTF_8);
      pb.redirectInput(in.toFile());
    }
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    try {
      if (!p.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("no exit within " + DEADLINE_SECONDS + " s: " + cmd);
      }
      return new Run(
          List.of(args),
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      p.destroyForcibly();
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      if (in != null) {
        Files.deleteIfExists(in);
      }
    }
  }
}
