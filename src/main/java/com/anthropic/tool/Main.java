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
    Thread.setDefaultUncaughtExceptionHandler(new LastResort(err, Startup.flag(args, "--debug")));
    CliContext ctx =
        new CliContext(env, System.in, isTerminal(0), isTerminal(1), isTerminal(2), stdout);
    return Startup.run(args, ctx, out, err);
  }

  /**
   * What any thread's unexpected failure prints: one {@code error: internal_error:} line (the stack
   * trace only with --debug), never the JVM's {@code Exception in thread …}; then the process ends
   * with exit 1 (an out-of-memory error on a reader thread leaves nothing worth going on with). A
   * class, not a lambda: it is installed on every start, and costs nothing until used.
   */
  static final class LastResort implements Thread.UncaughtExceptionHandler {
    private final PrintWriter err;
    private final boolean debug;

    LastResort(PrintWriter err, boolean debug) {
      this.err = err;
      this.debug = debug;
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
      try {
        err.println("error: internal_error: " + describe(e) + " (in " + t.getName() + ")");
        if (debug) {
          e.printStackTrace(err);
        }
        err.flush();
      } finally {
        // not System.exit on this thread: it may be a shutdown hook, which exit would block
        Thread exit = new Thread(new Exit(), "anthropic-internal-error-exit");
        exit.setDaemon(true);
        exit.start();
      }
    }

    static String describe(Throwable e) {
      if (e instanceof OutOfMemoryError) {
        return "out of memory" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
      }
      if (e instanceof StackOverflowError) {
        return "stack overflow";
      }
      String m = e.getMessage();
      return m == null || m.isBlank()
          ? "unexpected " + e.getClass().getSimpleName()
          : m.replaceAll("\\p{Cntrl}", " ");
    }
  }

  private static final class Exit implements Runnable {
    @Override
    public void run() {
      System.exit(1);
    }
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
