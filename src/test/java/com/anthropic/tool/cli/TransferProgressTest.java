package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, item 15: a long transfer shows one line on a terminal (bytes, rate, percent and ETA
 * when the size is known), redrawn in place at most every 200 ms and cleared at the end; nothing at
 * all when stderr is not a terminal. The clock is injected.
 */
class TransferProgressTest {
  @Test
  void should_redraw_one_line_with_percent_rate_and_eta_and_clear_it() {
    StringWriter sw = new StringWriter();
    AtomicLong now = new AtomicLong();
    try (TransferProgress p =
        new TransferProgress(
            new LiveLine(new PrintWriter(sw), true), "uploading a.bin", 4L << 20, now::get)) {
      now.set(1_000_000_000L);
      p.update(1L << 20);
      now.addAndGet(50_000_000L);
      p.update(2L << 20); // within 200 ms of the last redraw: not drawn
      now.set(2_000_000_000L);
      p.update(2L << 20);
    }
    String out = sw.toString();
    assertEquals(
        "\r\u001b[2Kuploading a.bin: 1.0 MB of 4.0 MB (25%), 1.0 MB/s, 3s left"
            + "\r\u001b[2Kuploading a.bin: 2.0 MB of 4.0 MB (50%), 1.0 MB/s, 2s left"
            + "\r\u001b[2K",
        out);
  }

  @Test
  void should_print_nothing_when_stderr_is_not_a_terminal() {
    StringWriter sw = new StringWriter();
    try (TransferProgress p =
        new TransferProgress(
            new LiveLine(new PrintWriter(sw), false), "downloading", -1, System::nanoTime)) {
      p.update(123);
    }
    assertEquals("", sw.toString());
  }

  @Test
  void should_show_bytes_and_rate_alone_when_the_size_is_unknown() {
    TransferProgress p =
        new TransferProgress(
            new LiveLine(new PrintWriter(new StringWriter()), true), "x", -1, () -> 0);
    String line = p.text(3L << 30, 2_000_000_000L);
    assertEquals("x: 3.0 GB, 1.5 GB/s", line);
    assertTrue(TransferProgress.eta(3725).equals("1h02m"), TransferProgress.eta(3725));
  }
}
