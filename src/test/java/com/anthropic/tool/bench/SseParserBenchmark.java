package com.anthropic.tool.bench;

import com.anthropic.tool.client.internal.SseParser;
import com.anthropic.tool.client.model.StreamEvent;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Not a test: measures SSE parsing (and parsing + typed events) over 200,000 realistic text-delta
 * events fed in 16 KiB chunks. Run: {@code java -cp target/classes:target/test-classes:GSON_JAR
 * com.anthropic.tool.bench.SseParserBenchmark}. Results go in docs/benchmarks.md.
 */
public final class SseParserBenchmark {
  private SseParserBenchmark() {}

  public static void main(String[] args) {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < events; i++) {
      sb.append(
              "event: content_block_delta\r\ndata: {\"type\":\"content_block_delta\",\"index\":0,")
          .append("\"delta\":{\"type\":\"text_delta\",\"text\":\" token number ")
          .append(i)
          .append(" \u00e9\"}}   \r\n\r\n");
    }
    byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
    for (int round = 0; round < 5; round++) {
      long[] count = new long[1];
      long t0 = System.nanoTime();
      feed(body, new SseParser((e, d) -> count[0] += d.length()));
      long parseNanos = System.nanoTime() - t0;
      t0 = System.nanoTime();
      feed(body, new SseParser((e, d) -> count[0] += StreamEvent.parse(e, d).type().length()));
      long typedNanos = System.nanoTime() - t0;
      System.out.printf(
          Locale.ROOT,
          "round %d: %d events, %.1f MB: SSE only %.0f events/s (%.0f MB/s);"
              + " SSE + typed events %.0f events/s%n",
          round,
          events,
          body.length / 1e6,
          events / (parseNanos / 1e9),
          body.length / 1e6 / (parseNanos / 1e9),
          events / (typedNanos / 1e9));
    }
  }

  private static void feed(byte[] body, SseParser p) {
    for (int off = 0; off < body.length; off += 16384) {
      p.feed(body, off, Math.min(16384, body.length - off));
    }
    p.end();
  }
}
