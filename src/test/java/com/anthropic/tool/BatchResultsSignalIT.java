package com.anthropic.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code batches results} through the real launcher: Ctrl-C and SIGTERM during {@code --output F}
 * leave no temporary file and an existing F untouched; {@code | head -c 5} stops the download.
 */
class BatchResultsSignalIT {
  private static final long DEADLINE_SECONDS = 30;
  private static final String ID = "msgbatch_sig";
  private static final byte[] LINE =
      "{\"custom_id\":\"a\",\"result\":{\"type\":\"canceled\"}}\n".getBytes(StandardCharsets.UTF_8);

  @TempDir Path tmp;
  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private HttpServer http;
  private Process process;

  @AfterEach
  void tearDown() {
    release.countDown();
    if (process != null) {
      process.destroyForcibly();
    }
    if (http != null) {
      http.stop(0);
    }
    pool.shutdownNow();
  }

  /** What the results endpoint writes after its 200 head. */
  @FunctionalInterface
  interface Results {
    void write(OutputStream body) throws Exception;
  }

  private String serve(Results results) throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.setExecutor(pool);
    String base = "http://127.0.0.1:" + http.getAddress().getPort();
    http.createContext(
        "/",
        ex -> {
          try (ex) {
            ex.getRequestBody().readAllBytes();
            if (ex.getRequestURI().getPath().endsWith("/results")) {
              ex.getResponseHeaders().add("content-type", "application/x-jsonl");
              ex.sendResponseHeaders(200, 0);
              results.write(ex.getResponseBody());
            } else {
              byte[] b =
                  ("{\"id\":\""
                          + ID
                          + "\",\"type\":\"message_batch\",\"processing_status\":\"ended\","
                          + "\"request_counts\":{\"processing\":0,\"succeeded\":0,\"errored\":0,"
                          + "\"canceled\":1,\"expired\":0},\"created_at\":\"2024-09-24T18:37:24Z\","
                          + "\"results_url\":\""
                          + base
                          + "/v1/messages/batches/"
                          + ID
                          + "/results\"}")
                      .getBytes(StandardCharsets.UTF_8);
              ex.sendResponseHeaders(200, b.length);
              ex.getResponseBody().write(b);
            }
          } catch (Exception e) {
            // the client went away
          }
        });
    http.start();
    return base;
  }

  private static Path root() {
    return Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
  }

  private ProcessBuilder command(String base, List<String> cmd) {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(root().toFile());
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.startsWith("ANTHROPIC_") || k.toLowerCase().endsWith("_proxy"));
    e.put("HOME", tmp.toString());
    e.put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
    e.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    e.put("ANTHROPIC_BASE_URL", base);
    e.put("ANTHROPIC_API_KEY", "sk-ant-signal-test");
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.redirectError(tmp.resolve("stderr").toFile());
    return pb;
  }

  /** Sends more than the output buffer, so the temporary file has bytes, then holds the rest. */
  private String holdingServer() throws IOException {
    return serve(
        body -> {
          for (int i = 0; i < 4000; i++) {
            body.write(LINE);
          }
          body.flush();
          release.await(DEADLINE_SECONDS, TimeUnit.SECONDS);
        });
  }

  private void interruptMidDownload(String signal, int expectedExit) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("out"));
    Path out = Files.writeString(dir.resolve("results.jsonl"), "OLD\n");
    List<String> cmd = new ArrayList<>();
    cmd.add(root().resolve("anthropic").toString());
    cmd.addAll(List.of("batches", "results", ID, "--output", out.toString()));
    process = command(holdingServer(), cmd).start();
    awaitPartFile(dir);

    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
    assertTrue(kill.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS));
    assertEquals(0, kill.exitValue(), "kill failed");

    assertTrue(process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS), "ignored SIG" + signal);
    String err = Files.readString(tmp.resolve("stderr"));
    assertEquals(expectedExit, process.exitValue(), err);
    assertFalse(err.contains("Exception"), err);
    assertEquals("OLD\n", Files.readString(out), "the existing file was changed");
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(out), left.toList(), "a temporary file was left behind");
    }
  }

  /** Waits (bounded) until the download has written into its temporary file. */
  private void awaitPartFile(Path dir) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
    while (System.nanoTime() < deadline) {
      try (Stream<Path> files = Files.list(dir)) {
        if (files.anyMatch(
            p -> p.getFileName().toString().endsWith(".part") && p.toFile().length() > 0)) {
          return;
        }
      }
      assertTrue(process.isAlive(), () -> "ended early: " + stderr());
      Thread.sleep(20); // polling a file system: there is nothing to wait on
    }
    throw new AssertionError("no .part file appeared: " + stderr());
  }

  private String stderr() {
    try {
      return Files.readString(tmp.resolve("stderr"));
    } catch (IOException e) {
      return e.toString();
    }
  }

  @Test
  void should_leave_no_part_file_and_the_old_file_on_sigint() throws Exception {
    interruptMidDownload("INT", 130);
  }

  @Test
  void should_leave_no_part_file_and_the_old_file_on_sigterm() throws Exception {
    interruptMidDownload("TERM", 143);
  }

  @Test
  void should_stop_downloading_when_piped_into_head() throws Exception {
    AtomicInteger sent = new AtomicInteger();
    AtomicBoolean cut = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    int total = 200;
    String base =
        serve(
            body -> {
              try {
                for (int i = 0; i < total; i++) {
                  body.write(LINE);
                  body.flush();
                  sent.incrementAndGet();
                  Thread.sleep(50); // a slow download of short lines: 10 s in all
                }
              } catch (IOException e) {
                cut.set(true);
              } finally {
                finished.countDown();
              }
            });
    String launcher = root().resolve("anthropic").toString();
    ProcessBuilder pb =
        command(
            base,
            List.of(
                "bash",
                "-c",
                "set -o pipefail; '" + launcher + "' batches results " + ID + " | head -c 5"));
    pb.redirectOutput(tmp.resolve("stdout").toFile());
    process = pb.start();

    assertTrue(process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS), "the pipeline hangs");
    String err = stderr();
    assertEquals(0, process.exitValue(), err);
    assertEquals("", err);
    assertEquals("{\"cus", Files.readString(tmp.resolve("stdout")));
    assertTrue(finished.await(DEADLINE_SECONDS, TimeUnit.SECONDS));
    assertTrue(cut.get(), "the server could send every line");
    assertTrue(sent.get() < total / 2, "sent " + sent.get() + " of " + total + " lines");
  }
}
