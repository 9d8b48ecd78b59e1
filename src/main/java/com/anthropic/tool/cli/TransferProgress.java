package com.anthropic.tool.cli;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress of a long transfer (an upload, a download, batch results to a file) as one {@link
 * LiveLine} on stderr: bytes so far, rate, and percent and ETA when the size is known. Redrawn at
 * most every 200 ms and cleared at the end; nothing at all when stderr is not a terminal or plain
 * output rules apply. Safe to call from the I/O thread.
 */
final class TransferProgress implements AutoCloseable {
  private static final long REDRAW_NANOS = 200_000_000L;
  private final LiveLine line;
  private final String label;
  private final long total;
  private final LongSupplier nanos;
  private final long start;
  private long drawnAt = Long.MIN_VALUE;

  /**
   * @param total the size in bytes, or a negative number when unknown
   */
  TransferProgress(LiveLine line, String label, long total, LongSupplier nanos) {
    this.line = line;
    this.label = label;
    this.total = total;
    this.nanos = nanos;
    this.start = nanos.getAsLong();
  }

  static TransferProgress of(CommandSupport s, String label, long total) {
    return new TransferProgress(new LiveLine(s), label, total, System::nanoTime);
  }

  /** Reports {@code done} bytes transferred so far. */
  synchronized void update(long done) {
    if (!line.enabled()) {
      return;
    }
    long now = nanos.getAsLong();
    if (drawnAt != Long.MIN_VALUE && now - drawnAt < REDRAW_NANOS) {
      return;
    }
    drawnAt = now;
    line.show(text(done, now - start));
  }

  /** The line for {@code done} bytes after {@code elapsedNanos}. */
  String text(long done, long elapsedNanos) {
    double seconds = elapsedNanos / 1e9;
    double rate = seconds > 0 ? done / seconds : 0;
    StringBuilder sb = new StringBuilder(label).append(": ").append(bytes(done));
    if (total > 0) {
      sb.append(" of ")
          .append(bytes(total))
          .append(String.format(Locale.ROOT, " (%d%%)", Math.min(100, done * 100 / total)));
    }
    sb.append(", ").append(bytes(Math.round(rate))).append("/s");
    if (total > 0 && rate > 0 && done < total) {
      sb.append(", ").append(eta(Math.round((total - done) / rate))).append(" left");
    }
    return sb.toString();
  }

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  static String eta(long seconds) {
    if (seconds >= 3600) {
      return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }
    return seconds >= 60
        ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60)
        : seconds + "s";
  }

  /** {@code out}, reporting each write here. */
  java.io.OutputStream counting(java.io.OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      private long n;

      @Override
      public void write(int b) throws java.io.IOException {
        out.write(b);
        update(++n);
      }

      @Override
      public void write(byte[] b, int off, int len) throws java.io.IOException {
        out.write(b, off, len);
        n += len;
        update(n);
      }
    };
  }

  /** Clears the line. */
  @Override
  public void close() {
    line.clear();
  }
}
