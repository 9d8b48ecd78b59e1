package com.anthropic.tool.cli;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.Batches;
import com.anthropic.tool.client.model.MessageBatch;
import java.io.PrintWriter;

/**
 * Waits for a batch with progress on stderr: a live line rewritten in place on a terminal that
 * allows escape sequences, otherwise a plain line when the state changes (and at least every
 * minute).
 */
final class BatchProgress {
  private static final long PLAIN_EVERY_NANOS = 60_000_000_000L;
  private final PrintWriter err;
  private final LiveLine live;
  private String last;
  private long lastAt;

  BatchProgress(CommandSupport s) {
    this.err = s.err();
    this.live = new LiveLine(s);
  }

  MessageBatch waitFor(AnthropicClient client, String id, Batches.BatchWait wait) {
    try {
      return client.batches().waitUntilEnded(id, wait, this::show);
    } finally {
      live.end();
    }
  }

  private void show(MessageBatch b) {
    String line =
        "batch " + b.id() + ": " + b.processingStatus() + " (" + ResourceOutput.counts(b) + ")";
    long now = System.nanoTime();
    if (live.enabled()) {
      live.show(line);
    } else if (!line.equals(last) || now - lastAt >= PLAIN_EVERY_NANOS) {
      err.println("waiting: " + line);
      err.flush();
      lastAt = now;
    }
    last = line;
  }
}
