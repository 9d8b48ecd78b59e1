package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large and broken downloads of batch results: a file bigger than the heap of the JVM that
 * downloads it (a forked {@code java -Xmx32m}), and a connection that drops mid-body.
 */
class BatchResultsDownloadTest {
  private static final long LINES = 140_000; // ~100 MB of ~750-byte lines
  @TempDir Path tmp;

  static byte[] resultLine(long i) {
    String text = "result " + i + " " + "lorem ipsum dolor sit amet ".repeat(22);
    String json =
        i % 100 == 0
            ? "{\"custom_id\":\"req-"
                + i
                + "\",\"result\":{\"type\":\"errored\",\"error\":{\"type\":\"error\",\"error\":"
                + "{\"type\":\"api_error\",\"message\":\"project-written test line\"}}}}"
            : "{\"custom_id\":\"req-"
                + i
                + "\",\"result\":{\"type\":\"succeeded\",\"message\":{\"id\":\"msg_"
                + i
                + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-x\","
                + "\"content\":[{\"type\":\"text\",\"text\":\""
                + text
                + "\"}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
                + "\"usage\":{\"input_tokens\":10,\"output_tokens\":150}}}}";
    return (json + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static String batchJson(String base, String id) {
    return "{\"id\":\""
        + id
        + "\",\"type\":\"message_batch\",\"processing_status\":\"ended\",\"request_counts\":"
        + "{\"processing\":0,\"succeeded\":1,\"errored\":0,\"canceled\":0,\"expired\":0},"
        + "\"created_at\":\"2024-09-24T18:37:24Z\",\"ended_at\":\"2024-09-24T18:40:00Z\","
        + "\"results_url\":\""
        + base
        + "/v1/messages/batches/"
        + id
        + "/results\"}";
  }

  /** Serves a batch and its results, generated on the fly (never held in memory). */
  private static HttpServer bigServer() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext(
        "/v1/messages/batches/",
        ex -> {
          try (ex) {
            String path = ex.getRequestURI().getPath();
            if (path.endsWith("/results")) {
              ex.getResponseHeaders().add("content-type", "application/x-jsonl");
              ex.sendResponseHeaders(200, 0);
              try (OutputStream out =
                  new java.io.BufferedOutputStream(ex.getResponseBody(), 1 << 16)) {
                for (long i = 1; i <= LINES; i++) {
                  out.write(resultLine(i));
                }
              }
            } else {
              byte[] b =
                  batchJson(base, path.substring(path.lastIndexOf('/') + 1))
                      .getBytes(StandardCharsets.UTF_8);
              ex.sendResponseHeaders(200, b.length);
              ex.getResponseBody().write(b);
            }
          }
        });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
    server.start();
    return server;
  }

  private Process fork(String base, Path stdout, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx32m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                "com.anthropic.tool.Main"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("ANTHROPIC_BASE_URL", base);
    pb.environment().put("ANTHROPIC_API_KEY", "sk-test");
    pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
    pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    pb.redirectOutput(stdout.toFile());
    pb.redirectError(tmp.resolve("stderr.txt").toFile());
    return pb.start();
  }

  private static long countLines(Path file) throws IOException {
    long n = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      byte[] buf = new byte[1 << 16];
      int r;
      while ((r = in.read(buf)) > 0) {
        for (int i = 0; i < r; i++) {
          if (buf[i] == '\n') {
            n++;
          }
        }
      }
    }
    return n;
  }

  @Test
  void should_stream_results_larger_than_the_heap_in_a_32m_jvm() throws Exception {
    HttpServer server = bigServer();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      Path out = tmp.resolve("big.jsonl");
      Process p =
          fork(
              base,
              tmp.resolve("stdout.txt"),
              "batches",
              "results",
              "msgbatch_big",
              "--output",
              out.toString());
      assertTrue(p.waitFor(180, TimeUnit.SECONDS), "download did not finish");
      String err = Files.readString(tmp.resolve("stderr.txt"));
      assertEquals(0, p.exitValue(), err);
      assertEquals(LINES, countLines(out), err);
      assertTrue(Files.size(out) > 64L * 1024 * 1024, "the file is larger than the child's heap");

      // and to stdout (the raw byte path of a pipe)
      Path piped = tmp.resolve("piped.jsonl");
      Process q = fork(base, piped, "batches", "results", "msgbatch_big");
      assertTrue(q.waitFor(180, TimeUnit.SECONDS), "download to stdout did not finish");
      assertEquals(0, q.exitValue(), Files.readString(tmp.resolve("stderr.txt")));
      assertEquals(LINES, countLines(piped));

      // and through the parser (--only parses every line, more slowly than the server sends):
      // flow control must hold the socket back instead of buffering the body in the heap
      Path parsed = tmp.resolve("parsed.jsonl");
      Process r = fork(base, parsed, "batches", "results", "msgbatch_big", "--only", "succeeded");
      assertTrue(r.waitFor(180, TimeUnit.SECONDS), "parsed download did not finish");
      assertEquals(0, r.exitValue(), Files.readString(tmp.resolve("stderr.txt")));
      assertTrue(countLines(parsed) > LINES / 2, "most results are succeeded ones");
    } finally {
      server.stop(0);
    }
  }

  /** A server that answers the batch, then sends part of the results and drops the connection. */
  private static ServerSocket droppingServer(int completeLines) throws IOException {
    ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    String base = "http://127.0.0.1:" + ss.getLocalPort();
    Thread t =
        new Thread(
            () -> {
              while (!ss.isClosed()) {
                try (Socket s = ss.accept()) {
                  BufferedReader r =
                      new BufferedReader(
                          new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                  String requestLine = r.readLine();
                  String h;
                  while ((h = r.readLine()) != null && !h.isEmpty()) {
                    // skip headers
                  }
                  OutputStream out = s.getOutputStream();
                  String path = requestLine.split(" ")[1];
                  if (path.endsWith("/results")) {
                    out.write(
                        ("HTTP/1.1 200 OK\r\ncontent-type: application/x-jsonl\r\n"
                                + "content-length: 100000000\r\nconnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    for (int i = 1; i <= completeLines; i++) {
                      out.write(resultLine(i));
                    }
                    out.write(
                        "{\"custom_id\":\"req-cut\",\"result\":{\"ty"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    s.setSoLinger(true, 0); // reset: the body ends early
                  } else {
                    byte[] b = batchJson(base, "msgbatch_cut").getBytes(StandardCharsets.UTF_8);
                    out.write(
                        ("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: "
                                + b.length
                                + "\r\nconnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(b);
                    out.flush();
                  }
                } catch (IOException e) {
                  // closed
                }
              }
            });
    t.setDaemon(true);
    t.start();
    return ss;
  }

  @Test
  void should_exit_5_and_leave_no_complete_looking_file_when_the_connection_drops()
      throws IOException {
    try (ServerSocket ss = droppingServer(2000)) {
      Path dir = Files.createDirectories(tmp.resolve("out"));
      Path out = dir.resolve("results.jsonl");
      CommandHarness.Result r =
          new CommandHarness()
              .env("ANTHROPIC_BASE_URL", "http://127.0.0.1:" + ss.getLocalPort())
              .env("ANTHROPIC_API_KEY", "sk-test")
              .run("batches", "results", "msgbatch_cut", "--output", out.toString());

      assertEquals(5, r.exitCode(), r.describe());
      assertTrue(r.err().startsWith("error: "), r.describe());
      assertFalse(Files.exists(out), r.describe());
      try (Stream<Path> left = Files.list(dir)) {
        assertEquals(List.of(), left.toList(), "no partial file is left behind");
      }
    }
  }

  @Test
  void should_print_only_complete_lines_to_stdout_before_exiting_5_on_a_drop() throws IOException {
    try (ServerSocket ss = droppingServer(300)) {
      CommandHarness.Result r =
          new CommandHarness()
              .env("ANTHROPIC_BASE_URL", "http://127.0.0.1:" + ss.getLocalPort())
              .env("ANTHROPIC_API_KEY", "sk-test")
              .run("batches", "results", "msgbatch_cut");

      assertEquals(5, r.exitCode(), r.err());
      assertFalse(r.out().contains("req-cut"), "the cut line is never printed");
      assertTrue(r.out().isEmpty() || r.out().endsWith("\n"));
    }
  }
}
