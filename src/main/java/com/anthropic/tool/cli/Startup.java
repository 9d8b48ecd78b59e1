package com.anthropic.tool.cli;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.Version;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * How the program starts, and every shortcut it takes on the way.
 *
 * <p>Start-up time is a product goal: a one-call {@code anthropic messages hi} should take at most
 * half the wall time of the fastest official SDK doing the same, and {@code anthropic --version}
 * under 100 ms (targets and figures in {@code docs/benchmarks.md}). A short-lived JVM spends most
 * of such a run starting, so each step below either keeps work off the path or overlaps it with a
 * wait. In order:
 *
 * <ol>
 *   <li><b>Before Java runs</b>, the {@code anthropic} launcher starts the JVM with flags for a
 *       short-lived process (serial GC, C1 only, a small first heap) and maps the start-up archive
 *       beside the jar (AppCDS up to JDK 24, an AOT cache from JDK 25; the Dockerfile bakes the
 *       latter into the image). The archive is recorded from {@code StartupArchiveWorkload}, which
 *       runs the real commands below against the mock server, so the classes of exactly these paths
 *       come ready-made. Worth about half the CPU of a one-call run.
 *   <li><b>{@code --version} alone</b> ({@link #version}) is answered from the jar manifest before
 *       anything else is loaded: no context, no picocli, no client.
 *   <li><b>TLS in the background</b> ({@link #prewarm}): when the arguments show an API call to an
 *       https URL, the JSSE context (trust store; 150-190 ms on a cold JVM) starts on a daemon
 *       thread, overlapping argument parsing and request building. An {@code http://} base URL (the
 *       mock server) skips it.
 *   <li><b>No picocli for the commonest lines</b> ({@link FastPath}): {@code messages WORD...},
 *       {@code stream WORD...} and a bare {@code chat}, with no option at all, run the command
 *       objects as {@code new} leaves them. Building picocli's model costs about 150 ms of CPU (its
 *       Java 5 class files cannot be archived; the model is built by reflection). This is only
 *       right while every option's default is its field's initial value: {@code
 *       StartupDefaultsTest} compares each option of those commands as picocli leaves it with the
 *       fast path's value, and fails when an option gains a default the fast path would miss.
 *   <li><b>Everything else</b> goes through picocli ({@link Cli#run}). Two flags are read from the
 *       raw arguments before picocli has parsed them ({@link #flag}): {@code --no-color}, because
 *       the help and usage-error colours are chosen before parsing, and {@code --debug}, for a
 *       failure that escapes everything else (the last-resort handler in {@link #run}).
 *   <li><b>The client on a second thread</b> ({@link EarlyClient}): a command that reads stdin and
 *       builds a request first starts building its client (loading HttpClient, starting its I/O
 *       reactor: tens of ms) at the same time; its failures (no key, bad base URL) still surface
 *       where the command takes the client, in the same order as without it.
 * </ol>
 *
 * <p>None of these changes what a command does: {@code FastPathTest} runs the same lines through
 * both paths and compares requests, output and errors.
 */
public final class Startup {
  private Startup() {}

  /**
   * Step 2: {@code --version} (or {@code -V}) as the only argument prints the version and returns
   * 0; anything else returns null and prints nothing.
   */
  public static Integer version(String[] args, PrintWriter out) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      out.println("anthropic " + Version.get());
      out.flush();
      return 0;
    }
    return null;
  }

  /** Steps 3 to 5: runs the command line and returns its exit code; never throws. */
  public static int run(String[] args, CliContext ctx, PrintWriter out, PrintWriter err) {
    prewarm(args, ctx.env());
    int code;
    try {
      Integer fast = FastPath.run(args, ctx, out, err);
      code = fast != null ? fast : Cli.run(args, ctx, out, err);
    } catch (Throwable t) { // NOPMD: the last line of defence, still one line and an exit code
      code = ErrorReporter.report(t, err, flag(args, "--debug"));
    }
    out.flush();
    err.flush();
    return code;
  }

  /**
   * Whether a flag that must be known before (or without) parsing appears among the raw arguments.
   */
  public static boolean flag(String[] args, String name) {
    return List.of(args).contains(name);
  }

  /**
   * Step 3: starts the TLS set-up on another thread when these arguments will call an https URL.
   */
  static void prewarm(String[] args, Map<String, String> env) {
    boolean callsApi = false;
    String baseUrl = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (HELP_OR_VERSION.contains(a)) {
        return;
      }
      callsApi |= API_COMMANDS.contains(a);
      if (a.equals("--base-url") && i + 1 < args.length) {
        baseUrl = args[i + 1];
      } else if (a.startsWith("--base-url=")) {
        baseUrl = a.substring("--base-url=".length());
      }
    }
    if (!callsApi) {
      return;
    }
    if (baseUrl == null) {
      baseUrl = env.get("ANTHROPIC_BASE_URL");
    }
    if (baseUrl == null || baseUrl.isBlank()) {
      baseUrl = env.get("ANTHROPIC_API_BASE");
    }
    if (baseUrl == null || baseUrl.isBlank() || baseUrl.strip().startsWith("https:")) {
      AnthropicClient.prewarmTls();
    }
  }

  private static final Set<String> HELP_OR_VERSION = Set.of("-h", "--help", "-V", "--version");
  // not chat: its first request comes after a person typed, so it sets TLS up once its prompt is
  // on screen (ChatCommand), rather than slowing the prompt down
  private static final Set<String> API_COMMANDS =
      Set.of("messages", "stream", "count-tokens", "models", "batches", "files", "tool-loop");

  /**
   * Step 6: a client being built on another thread while the command reads stdin and builds its
   * request. {@link #take()} hands it over (rethrowing its construction failure there, as if it had
   * been built at that point); {@link #discard()} closes it when the command fails before taking
   * it.
   */
  static final class EarlyClient {
    private final CompletableFuture<AnthropicClient> future = new CompletableFuture<>();

    private EarlyClient() {}

    /** Starts building a client with {@code factory} on a daemon thread. */
    static EarlyClient start(Supplier<AnthropicClient> factory) {
      EarlyClient early = new EarlyClient();
      Thread t =
          new Thread(
              () -> {
                try {
                  early.future.complete(factory.get());
                } catch (Throwable e) { // NOPMD: handed to the thread that takes the client
                  early.future.completeExceptionally(e);
                }
              },
              "anthropic-client-init");
      t.setDaemon(true);
      t.start();
      return early;
    }

    /** The client, once built; its construction failure is thrown here. */
    AnthropicClient take() {
      try {
        return future.join();
      } catch (CompletionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
          throw r;
        }
        if (cause instanceof Error r) {
          throw r;
        }
        throw e;
      }
    }

    /** Closes the client when it is built, if nothing took it. */
    void discard() {
      future.thenAccept(AnthropicClient::close);
    }
  }
}
