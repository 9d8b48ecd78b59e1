package com.anthropic.tool;

import com.anthropic.tool.cli.CliContext;
import com.anthropic.tool.cli.Startup;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Process entry point: the only place that touches the real stdin, stdout and stderr. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv()));
  }

  /**
   * Runs the command line on the real standard streams and returns the exit code. The start-up
   * sequence and its shortcuts are {@link Startup}'s.
   */
  static int run(String[] args, Map<String, String> env) {
    FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
    PrintWriter out = writer(stdout);
    Integer version = Startup.version(args, out);
    if (version != null) {
      return version;
    }
    PrintWriter err = writer(new FileOutputStream(FileDescriptor.err));
    CliContext ctx =
        new CliContext(env, System.in, isTerminal(0), isTerminal(1), isTerminal(2), stdout);
    return Startup.run(args, ctx, out, err);
  }

  private static PrintWriter writer(FileOutputStream stream) {
    return new PrintWriter(
        new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16), false);
  }

  private static boolean isTerminal(int fd) {
    Path link = Path.of("/proc/self/fd/" + fd);
    try {
      if (Files.isSymbolicLink(link)) {
        String target = Files.readSymbolicLink(link).toString();
        return target.startsWith("/dev/pts/")
            || target.startsWith("/dev/tty")
            || target.equals("/dev/console");
      }
    } catch (java.io.IOException e) {
      return false;
    }
    return System.console() != null;
  }
}
