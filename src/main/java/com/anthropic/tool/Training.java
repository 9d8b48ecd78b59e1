package com.anthropic.tool;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The training run behind the start-up archive: the launcher runs this class once per jar under
 * {@code -XX:ArchiveClassesAtExit} (JDK 17+) or {@code -XX:AOTCacheOutput} (JDK 25+), so that the
 * classes the real commands load are mapped in ready-made on every later start. It runs the real
 * command paths ({@link Main#run}) against a throwaway HTTP server on 127.0.0.1 that answers with
 * canned bodies: it never touches the network, never reads the user's config file, and its output
 * goes wherever the launcher sends it (/dev/null). Not part of the command-line surface.
 */
public final class Training {
  private static final String MESSAGE =
      "{\"id\":\"msg_training\",\"type\":\"message\",\"role\":\"assistant\","
          + "\"model\":\"claude-sonnet-4-5\",\"content\":[{\"type\":\"text\",\"text\":\"Hello\"}],"
          + "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
          + "\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}";

  private Training() {}

  public static void main(String[] args) throws IOException {
    daemon(
        "training-watchdog",
        () -> {
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            return;
          }
          Runtime.getRuntime().halt(1); // no archive rather than a hung launcher
        });

    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ServerSocket tls = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      daemon("training-server", () -> serve(server));
      daemon("training-tls", () -> refuseTls(tls));
      Path config = Files.createTempDirectory("anthropic-training");
      try {
        Map<String, String> env = env(server.getLocalPort(), config);
        List<List<String>> runs = new ArrayList<>(RUNS);
        // the TLS set-up and a handshake that the server cuts short: the https path's classes
        runs.add(
            List.of(
                "messages",
                "--base-url",
                "https://127.0.0.1:" + tls.getLocalPort(),
                "--no-retries",
                "hi"));
        for (List<String> a : runs) {
          try {
            Main.run(a.toArray(new String[0]), env);
          } catch (RuntimeException e) {
            // a training run that fails still loaded classes; carry on
          }
        }
      } finally {
        deleteTree(config);
      }
    }
    System.exit(0);
  }

  /** The invocations to learn from: the common paths first, then the rarer ones. */
  private static final List<List<String>> RUNS =
      List.of(
          List.of("messages", "hi"),
          List.of("messages", "hi"),
          List.of("messages", "--format", "json", "-m", "claude-sonnet-4-5", "--usage", "hi"),
          List.of("stream", "hi"),
          List.of("stream", "--format", "jsonl", "hi"),
          List.of("stream", "--format", "json", "hi"),
          List.of("count-tokens", "hi"),
          List.of("models", "list"),
          List.of("batches", "results", "msgbatch_training"),
          List.of("messages", "--max-retries", "0", "--api-key", "status-400", "hi"),
          List.of("--help"),
          List.of("messages", "--help"),
          List.of("--version"));

  private static Map<String, String> env(int port, Path config) {
    Map<String, String> env = new HashMap<>();
    for (String keep : List.of("PATH", "HOME", "LANG", "LC_ALL", "TERM", "TMPDIR")) {
      String v = System.getenv(keep);
      if (v != null) {
        env.put(keep, v);
      }
    }
    env.put("ANTHROPIC_BASE_URL", "http://127.0.0.1:" + port);
    env.put("ANTHROPIC_API_KEY", "training");
    env.put("ANTHROPIC_CUSTOM_HEADERS", "x-training: 1");
    env.put("XDG_CONFIG_HOME", config.toString());
    env.put("XDG_CACHE_HOME", config.toString());
    env.put("XDG_STATE_HOME", config.toString());
    env.put("XDG_DATA_HOME", config.toString());
    env.put("NO_COLOR", "1");
    return env;
  }

  /** Removes the throwaway XDG directory (the commands may have written caches into it). */
  private static void deleteTree(Path dir) {
    try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // a leftover temp directory is harmless
    }
  }

  private static void daemon(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
  }

  private static void serve(ServerSocket server) {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        daemon("training-conn", () -> connection(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  /** Reads the client's TLS hello and hangs up, which ends the handshake at once. */
  private static void refuseTls(ServerSocket server) {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        s.getInputStream().read(new byte[512]);
      } catch (IOException e) {
        // next one
      }
    }
  }

  private static void connection(Socket socket) {
    try (socket;
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream()) {
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        Map<String, String> headers = new HashMap<>();
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
          int colon = lines[i].indexOf(':');
          if (colon > 0) {
            headers.put(
                lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                lines[i].substring(colon + 1).strip());
          }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        String[] requestLine = lines[0].split(" ");
        respond(out, requestLine[0], requestLine.length > 1 ? requestLine[1] : "/", headers, body);
      }
    } catch (IOException | RuntimeException e) {
      // the client went away; nothing to do
    }
  }

  private static void respond(
      OutputStream out, String method, String path, Map<String, String> headers, String body)
      throws IOException {
    if ("status-400".equals(headers.get("x-api-key"))) {
      send(
          out,
          400,
          "application/json",
          "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
              + "\"message\":\"training\"},\"request_id\":\"req_training\"}");
    } else if (path.startsWith("/v1/messages/count_tokens")) {
      send(out, 200, "application/json", "{\"input_tokens\":3}");
    } else if (path.startsWith("/v1/messages/batches") && path.contains("/results")) {
      StringBuilder jsonl = new StringBuilder();
      for (int i = 0; i < 200; i++) {
        jsonl
            .append("{\"custom_id\":\"req-")
            .append(i)
            .append("\",\"result\":{\"type\":\"succeeded\",\"message\":")
            .append(MESSAGE)
            .append("}}\n");
      }
      send(out, 200, "application/x-jsonl", jsonl.toString());
    } else if (path.startsWith("/v1/messages/batches")) {
      send(
          out,
          200,
          "application/json",
          "{\"id\":\"msgbatch_training\",\"type\":\"message_batch\",\"processing_status\":"
              + "\"ended\",\"request_counts\":{\"processing\":0,\"succeeded\":200,\"errored\":0,"
              + "\"canceled\":0,\"expired\":0},\"results_url\":\"http://"
              + headers.getOrDefault("host", "127.0.0.1")
              + "/v1/messages/batches/msgbatch_training/results\"}");
    } else if (path.startsWith("/v1/models")) {
      send(
          out,
          200,
          "application/json",
          "{\"data\":[{\"type\":\"model\",\"id\":\"claude-sonnet-4-5\",\"display_name\":"
              + "\"Claude\",\"created_at\":\"2025-09-29T00:00:00Z\"}],\"has_more\":false,"
              + "\"first_id\":\"claude-sonnet-4-5\",\"last_id\":\"claude-sonnet-4-5\"}");
    } else if ("POST".equals(method) && body.contains("\"stream\":true")) {
      sendStream(out);
    } else {
      send(out, 200, "application/json", MESSAGE);
    }
  }

  private static void send(OutputStream out, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + status
            + (status == 200 ? " OK" : " Error")
            + "\r\ncontent-type: "
            + type
            + "\r\nrequest-id: req_training\r\ncontent-length: "
            + bytes.length
            + "\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
  }

  private static void sendStream(OutputStream out) throws IOException {
    StringBuilder sse = new StringBuilder();
    event(
        sse,
        "message_start",
        "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_training\",\"type\":\"message\","
            + "\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[],"
            + "\"stop_reason\":null,\"stop_sequence\":null,"
            + "\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}}");
    event(
        sse,
        "content_block_start",
        "{\"type\":\"content_block_start\",\"index\":0,"
            + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
    event(sse, "ping", "{\"type\": \"ping\"}");
    for (int i = 0; i < 2000; i++) {
      event(
          sse,
          "content_block_delta",
          "{\"type\":\"content_block_delta\",\"index\":0,"
              + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello \"}}");
    }
    event(sse, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
    event(
        sse,
        "message_delta",
        "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
            + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":2000}}");
    event(sse, "message_stop", "{\"type\":\"message_stop\"}");
    byte[] bytes = sse.toString().getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nrequest-id: req_training\r\n"
            + "transfer-encoding: chunked\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    for (int off = 0; off < bytes.length; off += 16384) {
      int n = Math.min(16384, bytes.length - off);
      out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bytes, off, n);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static void event(StringBuilder sse, String name, String data) {
    sse.append("event: ").append(name).append("\ndata: ").append(data).append("\n\n");
  }

  /** The request line and headers, or null at the end of the connection. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      matched =
          (b == '\r' && (matched == 0 || matched == 2))
                  || (b == '\n' && (matched == 1 || matched == 3))
              ? matched + 1
              : 0;
      if (matched == 4) {
        return head.toString(StandardCharsets.US_ASCII);
      }
    }
    return null;
  }
}
