package com.anthropic.tool;

import com.anthropic.tool.mock.MockApiServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The workload recorded into the JVM start-up archive: the launcher (and the Dockerfile) run this
 * class once per jar under {@code -XX:ArchiveClassesAtExit} (JDK 17-24) or {@code
 * -XX:AOTCacheOutput} (JDK 25+), so that the classes the real commands load are mapped in
 * ready-made on every later start. It runs the real command paths ({@link Main#run}) against the
 * {@link MockApiServer} on 127.0.0.1: it never touches the network, never reads the user's config
 * file, and its output goes wherever the launcher sends it (/dev/null). Not part of the
 * command-line surface.
 */
public final class StartupArchiveWorkload {
  private StartupArchiveWorkload() {}

  /** Runs one command line with the environment given; returns its exit code. */
  @FunctionalInterface
  interface Command {
    int run(String[] args, Map<String, String> env);
  }

  /** One command line, the environment it adds to the common one, and how it should end. */
  record Run(Map<String, String> env, List<String> args, int exitCode) {
    static Run of(String... args) {
      return new Run(Map.of(), List.of(args), 0);
    }
  }

  /** A run and the exit code it ended with. */
  record Outcome(Run run, int exitCode) {}

  public static void main(String[] args) throws IOException {
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(60_000);
              } catch (InterruptedException e) {
                return;
              }
              Runtime.getRuntime().halt(1); // no archive rather than a hung launcher
            },
            "startup-archive-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    record(Main::run);
    com.anthropic.tool.chat.Chat.warmUp(); // chat's terminal classes (the runs have no terminal)
    System.exit(0);
  }

  /**
   * Runs every command line of the workload through {@code command} against a fresh mock server, in
   * a throwaway home directory, and returns how each ended.
   */
  static List<Outcome> record(Command command) throws IOException {
    List<Outcome> outcomes = new ArrayList<>();
    Path home = Files.createTempDirectory("anthropic-startup-archive");
    try (MockApiServer mock = MockApiServer.start(0);
        ServerSocket tls = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread refuser = new Thread(() -> refuseTls(tls), "startup-archive-tls");
      refuser.setDaemon(true);
      refuser.start();
      Map<String, String> env = env(mock.baseUrl(), home);
      for (Run run : runs(home, tls.getLocalPort())) {
        Map<String, String> e = new HashMap<>(env);
        e.putAll(run.env());
        int code;
        try {
          code = command.run(run.args().toArray(new String[0]), e);
        } catch (RuntimeException failed) {
          code = -1; // a run that fails still loaded classes; carry on
        }
        outcomes.add(new Outcome(run, code));
      }
    } finally {
      deleteTree(home);
    }
    return outcomes;
  }

  /** The invocations to learn from: the common paths first, then the rarer ones. */
  private static List<Run> runs(Path home, int tlsPort) throws IOException {
    Path batch = home.resolve("batch.jsonl");
    StringBuilder jsonl = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      jsonl
          .append("{\"custom_id\":\"q-")
          .append(i)
          .append("\",\"params\":{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,")
          .append("\"messages\":[{\"role\":\"user\",\"content\":\"question ")
          .append(i)
          .append("\"}]}}\n");
    }
    Files.writeString(batch, jsonl, StandardCharsets.UTF_8);
    String longPrompt = "word ".repeat(40).strip(); // a stream of some 45 text deltas
    return List.of(
        Run.of("messages", "hi"),
        Run.of("messages", "hi"),
        Run.of("messages", "--format", "json", "-m", "claude-sonnet-4-5", "--usage", "hi"),
        Run.of("stream", longPrompt),
        Run.of("stream", "--format", "jsonl", longPrompt),
        Run.of("stream", "--format", "json", "hi"),
        Run.of("count-tokens", "hi"),
        Run.of("chat"),
        Run.of("models", "list"),
        // the mock's first batch is msgbatch_mock_000001; it has ended when created (0 polls)
        new Run(
            Map.of("ANTHROPIC_CUSTOM_HEADERS", MockApiServer.BATCH_POLLS_KNOB + ": 0"),
            List.of("batches", "create", "--input", batch.toString()),
            0),
        Run.of("batches", "results", "msgbatch_mock_000001"),
        // the error path: an API error answered, reported in one line
        new Run(
            Map.of("ANTHROPIC_CUSTOM_HEADERS", MockApiServer.STATUS_KNOB + ": 400"),
            List.of("messages", "--max-retries", "0", "hi"),
            1),
        // the TLS set-up, and a handshake that the server cuts short (a network failure)
        new Run(
            Map.of(),
            List.of("messages", "--base-url", "https://127.0.0.1:" + tlsPort, "--no-retries", "hi"),
            5),
        Run.of("--help"),
        Run.of("messages", "--help"),
        Run.of("--version"));
  }

  private static Map<String, String> env(String baseUrl, Path home) {
    Map<String, String> env = new HashMap<>();
    for (String keep : List.of("PATH", "LANG", "LC_ALL", "TERM", "TMPDIR")) {
      String v = System.getenv(keep);
      if (v != null) {
        env.put(keep, v);
      }
    }
    env.put("HOME", home.toString());
    env.put("ANTHROPIC_BASE_URL", baseUrl);
    env.put("ANTHROPIC_API_KEY", "startup-archive");
    env.put("ANTHROPIC_CUSTOM_HEADERS", "x-startup-archive: 1");
    for (String xdg :
        List.of("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME")) {
      env.put(xdg, home.toString());
    }
    env.put("NO_COLOR", "1");
    return env;
  }

  /**
   * Reads the client's TLS hello and hangs up, which ends the handshake at once (the mock speaks
   * plain HTTP only, and would leave the handshake waiting for its timeout).
   */
  private static void refuseTls(ServerSocket server) {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        s.getInputStream().read(new byte[512]);
      } catch (IOException e) {
        // closed, or the next one
      }
    }
  }

  /** Removes the throwaway home (the commands may have written caches into it). */
  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // a leftover temp directory is harmless
    }
  }
}
