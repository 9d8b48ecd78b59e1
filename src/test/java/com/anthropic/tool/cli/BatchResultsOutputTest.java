package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code batches results} as a pipe sees it (each line written while the download waits; a closed
 * stdout stops the download) and {@code --output} checked before anything is sent.
 */
class BatchResultsOutputTest {
  private static final String ID = "msgbatch_out";
  private static final String LINE1 = "{\"custom_id\":\"a\",\"result\":{\"type\":\"canceled\"}}\n";
  private static final String LINE2 = "{\"custom_id\":\"b\",\"result\":{\"type\":\"expired\"}}\n";

  @TempDir Path tmp;
  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  /** Thrown by a script to drop the connection mid-body. */
  static final class Drop extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  /** What the results endpoint does, after its 200 head of a chunked body. */
  @FunctionalInterface
  interface Results {
    void write(OutputStream body) throws Exception;
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private String serve(Results results) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext(
        "/",
        ex -> {
          requests.incrementAndGet();
          try {
            ex.getRequestBody().readAllBytes();
            if (ex.getRequestURI().getPath().endsWith("/results")) {
              ex.getResponseHeaders().add("content-type", "application/x-jsonl");
              ex.sendResponseHeaders(200, 0);
              results.write(ex.getResponseBody());
            } else {
              batch(ex, base);
            }
            ex.close();
          } catch (Drop d) {
            // thrown out of the handler, it makes the server close the connection without the
            // chunked body's last chunk: the body ends early
            throw d;
          } catch (Exception e) {
            ex.close(); // the client went away; the test looks at what the script recorded
          }
        });
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    return base;
  }

  private static void batch(HttpExchange ex, String base) throws IOException {
    byte[] b =
        ("{\"id\":\""
                + ID
                + "\",\"type\":\"message_batch\",\"processing_status\":\"ended\","
                + "\"request_counts\":{\"processing\":0,\"succeeded\":0,\"errored\":0,"
                + "\"canceled\":1,\"expired\":1},\"created_at\":\"2024-09-24T18:37:24Z\","
                + "\"results_url\":\""
                + base
                + "/v1/messages/batches/"
                + ID
                + "/results\"}")
            .getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("content-type", "application/json");
    ex.sendResponseHeaders(200, b.length);
    ex.getResponseBody().write(b);
  }

  private static void send(OutputStream body, String line) throws IOException {
    body.write(line.getBytes(StandardCharsets.UTF_8));
    body.flush();
  }

  private CommandHarness harness(String base) {
    return new CommandHarness()
        .env("ANTHROPIC_BASE_URL", base)
        .env("ANTHROPIC_API_KEY", "sk-test")
        .env("XDG_CACHE_HOME", tmp.resolve("cache").toString());
  }

  /** Counts down when a whole line has been written to it. */
  private static OutputStream lineLatch(CountDownLatch latch) {
    return new OutputStream() {
      @Override
      public void write(int b) {
        if (b == '\n') {
          latch.countDown();
        }
      }
    };
  }

  @Test
  void should_write_each_result_line_to_stdout_while_the_download_waits() throws IOException {
    CountDownLatch printed = new CountDownLatch(1);
    AtomicBoolean live = new AtomicBoolean();
    String base =
        serve(
            body -> {
              send(body, LINE1);
              live.set(printed.await(10, TimeUnit.SECONDS)); // the server holds back line 2
              send(body, LINE2);
            });

    CommandHarness.Result r =
        harness(base).stdout(lineLatch(printed)).run("batches", "results", ID);

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(LINE1 + LINE2, r.out(), r.describe());
    assertTrue(live.get(), "line 1 reached stdout only after the download went on");
  }

  @Test
  void should_stop_the_download_quietly_when_stdout_closes() throws Exception {
    CountDownLatch printed = new CountDownLatch(1);
    AtomicBoolean live = new AtomicBoolean();
    AtomicInteger sent = new AtomicInteger();
    AtomicBoolean cut = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    int total = 100_000; // ~5 MB: more than socket buffers and the client's window hold
    String base =
        serve(
            body -> {
              send(body, LINE1);
              live.set(printed.await(10, TimeUnit.SECONDS));
              try {
                for (int i = 0; i < total; i++) {
                  send(body, LINE2);
                  sent.incrementAndGet();
                }
              } catch (IOException e) {
                cut.set(true);
              } finally {
                finished.countDown();
              }
            });
    // like `| head -c 5`: the first write is taken, then the reader is gone
    AtomicInteger writes = new AtomicInteger();
    OutputStream headC5 =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            if (writes.getAndIncrement() > 0) {
              throw new IOException("Broken pipe");
            }
            printed.countDown();
          }
        };

    CommandHarness.Result r = harness(base).stdout(headC5).run("batches", "results", ID);

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("", r.err(), r.describe());
    assertTrue(live.get(), "the first line was held back until the download went on");
    assertTrue(finished.await(10, TimeUnit.SECONDS), "the server is still sending");
    assertTrue(cut.get(), "the download was not cancelled: the server sent every line");
    assertTrue(sent.get() < total, "sent " + sent.get());
  }

  @Test
  void should_refuse_an_output_directory_that_does_not_exist_before_sending() throws IOException {
    String base = serve(body -> send(body, LINE1));

    CommandHarness.Result r =
        harness(base)
            .run(
                "batches",
                "results",
                ID,
                "--output",
                tmp.resolve("no/such/dir/r.jsonl").toString());

    assertUsageErrorAndNothingSent(r, "does not exist");
  }

  @Test
  void should_refuse_an_output_that_is_a_directory_before_sending() throws IOException {
    String base = serve(body -> send(body, LINE1));
    Path dir = Files.createDirectories(tmp.resolve("adir"));

    CommandHarness.Result r = harness(base).run("batches", "results", ID, "-o", dir.toString());

    assertUsageErrorAndNothingSent(r, "is a directory");
  }

  @Test
  void should_refuse_an_output_in_a_directory_it_cannot_write_before_sending() throws IOException {
    String base = serve(body -> send(body, LINE1));
    Path dir = Files.createDirectories(tmp.resolve("ro"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
    try {
      assumeFalse(Files.isWritable(dir), "running as a user who may write anywhere (root)");

      CommandHarness.Result r =
          harness(base)
              .run("batches", "results", ID, "--output", dir.resolve("r.jsonl").toString());

      assertUsageErrorAndNothingSent(r, "not writable");
    } finally {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void should_refuse_an_output_whose_parent_is_a_file_before_sending() throws IOException {
    String base = serve(body -> send(body, LINE1));
    Path file = Files.writeString(tmp.resolve("plain"), "x");

    CommandHarness.Result r =
        harness(base).run("batches", "results", ID, "--output", file.resolve("r.jsonl").toString());

    assertUsageErrorAndNothingSent(r, "not a directory");
  }

  @Test
  void should_leave_an_existing_output_untouched_and_no_part_file_when_the_download_fails()
      throws IOException {
    String base =
        serve(
            body -> {
              send(body, LINE1);
              throw new Drop();
            });
    Path dir = Files.createDirectories(tmp.resolve("keep"));
    Path out = Files.writeString(dir.resolve("r.jsonl"), "OLD\n");

    CommandHarness.Result r =
        harness(base).run("batches", "results", ID, "--output", out.toString());

    assertEquals(5, r.exitCode(), r.describe());
    assertEquals("OLD\n", Files.readString(out), r.describe());
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(out), left.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void should_replace_the_output_only_when_the_download_is_complete() throws IOException {
    String base = serve(body -> send(body, LINE1 + LINE2));
    Path dir = Files.createDirectories(tmp.resolve("new"));
    Path out = Files.writeString(dir.resolve("r.jsonl"), "OLD\n");

    CommandHarness.Result r =
        harness(base).run("batches", "results", ID, "--output", out.toString());

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(LINE1 + LINE2, Files.readString(out));
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(out), left.toList());
    }
  }

  private void assertUsageErrorAndNothingSent(CommandHarness.Result r, String says) {
    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(r.err().startsWith("error: invalid_input: --output: "), r.describe());
    assertTrue(r.err().contains(says), r.describe());
    assertEquals(1, r.err().lines().count(), r.describe());
    assertFalse(r.err().contains("Exception"), r.describe());
    assertEquals(0, requests.get(), "nothing may be sent\n" + r.describe());
  }
}
