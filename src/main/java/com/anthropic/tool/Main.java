package com.anthropic.tool;

import com.anthropic.tool.cli.Cli;
import com.anthropic.tool.cli.CliContext;
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

  /** Runs the command line on the real standard streams and returns the exit code. */
  static int run(String[] args, Map<String, String> env) {
    FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
    PrintWriter out = writer(stdout);
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // answered before picocli is loaded: the fastest start there is
      out.println("anthropic " + com.anthropic.tool.client.Version.get());
      out.flush();
      return 0;
    }
    Cli.prewarm(args, env);
    PrintWriter err = writer(new FileOutputStream(FileDescriptor.err));
    CliContext ctx =
        new CliContext(env, System.in, isTerminal(0), isTerminal(1), isTerminal(2), stdout);
    int code;
    try {
      code = Cli.run(args, ctx, out, err);
    } catch (Throwable t) { // NOPMD: the last line of defence, still one line and an exit code
      boolean debug = java.util.Arrays.asList(args).contains("--debug");
      code = com.anthropic.tool.cli.ErrorReporter.report(t, err, debug);
    }
    out.flush();
    err.flush();
    return code;
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
