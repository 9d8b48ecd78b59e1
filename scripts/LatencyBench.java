import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Per-event latency of {@code anthropic stream}: from the moment a fake server writes a text delta
 * to the moment that text arrives on the CLI's stdout (a pipe read by this program).
 *
 * <p>Each delta's text is the server's {@code System.nanoTime()} at the write, followed by a
 * newline; on Linux nanoTime is CLOCK_MONOTONIC, which is comparable across processes on one
 * machine. Events are spaced (default 2 ms) so that each one is a separate write and flush.
 *
 * <pre>java scripts/LatencyBench.java ./anthropic [events] [gapMicros]</pre>
 */
public final class LatencyBench {
  public static void main(String[] args) throws Exception {
    String cli = args.length > 0 ? args[0] : "./anthropic";
    int events = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    long gapNanos = (args.length > 2 ? Long.parseLong(args[2]) : 2000L) * 1000L;
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/v1/messages",
        ex -> {
          ex.getRequestBody().readAllBytes();
          ex.getResponseHeaders().add("content-type", "text/event-stream");
          ex.sendResponseHeaders(200, 0);
          try (OutputStream out = ex.getResponseBody()) {
            write(out, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_lat\","
                + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\",\"content\":[],"
                + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":1,"
                + "\"output_tokens\":1}}}");
            write(out, "content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
            for (int i = 0; i < events; i++) {
              long deadline = System.nanoTime() + gapNanos;
              while (System.nanoTime() < deadline) {
                LockSupport.parkNanos(Math.max(1, (deadline - System.nanoTime()) / 2));
              }
              write(out, "content_block_delta",
                  "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\""
                      + System.nanoTime() + "\\n\"}}");
            }
            write(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
            write(out, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
                + "\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + events + "}}");
            write(out, "message_stop", "{\"type\":\"message_stop\"}");
          }
        });
    server.start();
    ProcessBuilder pb = new ProcessBuilder(cli, "stream", "latency");
    pb.environment().put("ANTHROPIC_BASE_URL", "http://127.0.0.1:" + server.getAddress().getPort());
    pb.environment().put("ANTHROPIC_API_KEY", "bench");
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.redirectInput(new java.io.File("/dev/null"));
    Process p = pb.start();
    List<Long> micros = new ArrayList<>(events);
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
      String line;
      while ((line = r.readLine()) != null) {
        long now = System.nanoTime();
        if (!line.isEmpty()) {
          micros.add((now - Long.parseLong(line.strip())) / 1000);
        }
      }
    }
    int code = p.waitFor();
    server.stop(0);
    if (code != 0 || micros.size() != events) {
      System.err.println("run failed: exit " + code + ", " + micros.size() + "/" + events + " events");
      System.exit(1);
    }
    // the first events include JIT warm-up of the path; report all and the steady state
    report("all " + events + " events", micros);
    report("after the first 100", micros.subList(Math.min(100, micros.size()), micros.size()));
  }

  private static void write(OutputStream out, String event, String data) throws java.io.IOException {
    out.write(("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void report(String label, List<Long> values) {
    List<Long> v = new ArrayList<>(values);
    Collections.sort(v);
    System.out.printf(Locale.ROOT, "%-22s p50 %6d µs  p90 %6d µs  p99 %6d µs  max %6d µs%n",
        label, pct(v, 50), pct(v, 90), pct(v, 99), v.get(v.size() - 1));
  }

  private static long pct(List<Long> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }
}
