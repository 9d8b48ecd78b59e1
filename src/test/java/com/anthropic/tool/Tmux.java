package com.anthropic.tool;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A private tmux server (its own socket) running one session: a real pseudo-terminal for
 * process-level tests. Keys go in with send-keys, the screen comes out with capture-pane, and every
 * wait is a bounded poll.
 */
final class Tmux implements AutoCloseable {
  /** The bound of every wait: generous, as several builds may share two cores. */
  static final long DEADLINE_SECONDS = 120;

  private final Path socket;
  private final String session;

  /** Starts {@code command} in a new 100x40 session on a server with its socket in {@code dir}. */
  Tmux(Path dir, String session, String... command) throws Exception {
    this.socket = dir.resolve("tmux.sock");
    this.session = session;
    List<String> a =
        new ArrayList<>(List.of("new-session", "-d", "-s", session, "-x", "100", "-y", "40"));
    a.addAll(List.of(command));
    run(a.toArray(new String[0]));
  }

  /** Whether tmux runs here. */
  static boolean installed() {
    try {
      Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  String run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-S", socket.toString(), "-f", "/dev/null"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS), "tmux did not finish: " + cmd);
    return out;
  }

  String screen() throws IOException, InterruptedException {
    return run("capture-pane", "-p", "-t", session);
  }

  /** Types the text literally, then Enter. */
  void type(String text) throws Exception {
    run("send-keys", "-t", session, "-l", text);
    run("send-keys", "-t", session, "Enter");
  }

  /** Sends keys by tmux name ({@code C-c}, {@code Enter}) or {@code -l TEXT}. */
  void keys(String... keys) throws Exception {
    List<String> a = new ArrayList<>(List.of("send-keys", "-t", session));
    a.addAll(List.of(keys));
    run(a.toArray(new String[0]));
  }

  /** Closes the terminal: the processes in it get SIGHUP. */
  void killSession() throws Exception {
    run("kill-session", "-t", session);
  }

  void awaitScreen(String what, String text) throws Exception {
    await(what, () -> screenQuietly().contains(text));
  }

  String screenQuietly() {
    try {
      return screen();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  void await(String what, BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what + "; screen:\n" + screenQuietly());
      }
      Thread.sleep(20);
    }
  }

  @Override
  public void close() throws Exception {
    run("kill-server");
  }
}
