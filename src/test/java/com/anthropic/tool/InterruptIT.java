package com.anthropic.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C as a user sends it: SIGINT to the running {@code ./anthropic} process (the launcher execs
 * the JVM, so its pid is the JVM's). The process exits 130, quietly, and the server sees the
 * connection close.
 */
class InterruptIT {
  private static final long DEADLINE_SECONDS = 30;
  private static final String START =
      "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_int\","
          + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\",\"content\":[],"
          + "\"stop_reason\":null,\"stop_sequence\":null,"
          + "\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}\n\n"
          + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
          + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
          + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
          + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}\n\n";
  private static final byte[] PING =
      "event: ping\ndata: {\"type\":\"ping\"}\n\n".getBytes(StandardCharsets.UTF_8);

  @TempDir Path tmp;
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch disconnected = new CountDownLatch(1);
  private final CountDownLatch requested = new CountDownLatch(1);
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private HttpServer http;
  private ServerSocket raw;
  private Process process;

  @AfterEach
  void tearDown() throws IOException {
    release.countDown();
    if (process != null) {
      process.destroyForcibly();
    }
    if (http != null) {
      http.stop(0);
    }
    if (raw != null) {
      raw.close();
    }
    pool.shutdownNow();
  }

  /** Streams the start of an answer, then pings every 100 ms until a write fails. */
  private String startStreamingServer() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.setExecutor(pool);
    http.createContext(
        "/v1/messages",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().add("content-type", "text/event-stream");
          exchange.sendResponseHeaders(200, 0);
          OutputStream body = exchange.getResponseBody();
          try {
            body.write(START.getBytes(StandardCharsets.UTF_8));
            body.flush();
            while (!release.await(100, TimeUnit.MILLISECONDS)) {
              body.write(PING);
              body.flush();
            }
          } catch (IOException e) {
            disconnected.countDown();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            exchange.close();
          }
        });
    http.start();
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  /** Accepts one connection, never answers, and notices end of input when the client closes. */
  private String startSilentServer() throws IOException {
    raw = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    pool.submit(
        () -> {
          try (Socket socket = raw.accept()) {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            while (in.read(buffer) >= 0) {
              requested.countDown(); // the request, then nothing until the client goes away
            }
            disconnected.countDown();
          } catch (IOException e) {
            if (!raw.isClosed()) {
              disconnected.countDown(); // a reset is a disconnect too
            }
          }
          return null;
        });
    return "http://127.0.0.1:" + raw.getLocalPort();
  }

  private static Path root() {
    return Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
  }

  /** Reads a process stream in the background; {@link #awaitText} polls it with a deadline. */
  private static final class Collector {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Collector(InputStream in, ExecutorService pool) {
      pool.submit(
          () -> {
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) >= 0) {
              synchronized (bytes) {
                bytes.write(buffer, 0, n);
                bytes.notifyAll();
              }
            }
            return null;
          });
    }

    String text() {
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }

    boolean awaitText(String expected, long seconds) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      synchronized (bytes) {
        while (!bytes.toString(StandardCharsets.UTF_8).contains(expected)) {
          long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
          if (left <= 0) {
            return false;
          }
          bytes.wait(left);
        }
        return true;
      }
    }
  }

  private Collector start(String baseUrl, List<String> args) throws IOException {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(root().resolve("anthropic").toString());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(root().toFile());
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.startsWith("ANTHROPIC_") || k.toLowerCase().endsWith("_proxy"));
    e.put("HOME", tmp.toString());
    e.put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
    e.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    e.put("XDG_DATA_HOME", tmp.resolve("data").toString());
    e.put("XDG_STATE_HOME", tmp.resolve("state").toString());
    e.put("ANTHROPIC_BASE_URL", baseUrl);
    e.put("ANTHROPIC_API_KEY", "x");
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.redirectError(tmp.resolve("stderr").toFile());
    process = pb.start();
    return new Collector(process.getInputStream(), pool);
  }

  private void interrupt() throws Exception {
    Process kill =
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
    assertTrue(kill.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS), "kill did not finish");
    assertEquals(0, kill.exitValue(), "kill -INT failed");
  }

  private String finish(Collector out) throws Exception {
    assertTrue(process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS), "the process ignored SIGINT");
    String err = Files.readString(tmp.resolve("stderr"));
    String describe =
        "exit="
            + process.exitValue()
            + "\n--- stdout ---\n"
            + out.text()
            + "\n--- stderr ---\n"
            + err;
    assertEquals(130, process.exitValue(), describe);
    assertFalse(err.contains("Exception"), describe);
    assertFalse(err.contains("\tat "), describe);
    assertFalse(err.contains("building"), "the launcher rebuilt the jar\n" + describe);
    assertTrue(
        disconnected.await(DEADLINE_SECONDS, TimeUnit.SECONDS),
        "the server never saw the connection close\n" + describe);
    return out.text();
  }

  @Test
  void should_exit_130_and_close_the_stream_on_sigint_after_the_first_delta() throws Exception {
    Collector out = start(startStreamingServer(), List.of("stream", "hi"));
    assertTrue(
        out.awaitText("Hello", DEADLINE_SECONDS),
        "no first delta on stdout: " + out.text() + Files.readString(tmp.resolve("stderr")));

    interrupt();

    assertTrue(finish(out).contains("Hello"));
  }

  @Test
  void should_exit_130_and_close_the_connection_on_sigint_while_waiting_for_an_answer()
      throws Exception {
    Collector out = start(startSilentServer(), List.of("messages", "hi"));
    assertTrue(
        requested.await(DEADLINE_SECONDS, TimeUnit.SECONDS),
        "the request never arrived: " + Files.readString(tmp.resolve("stderr")));

    interrupt();

    assertEquals("", finish(out));
  }
}
