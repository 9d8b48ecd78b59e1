package com.anthropic.tool.cli;

import com.anthropic.tool.client.Batches;
import picocli.CommandLine.Option;

/** Options of {@code --wait}: the first poll interval (hidden: for tests). */
final class BatchWaitOptions {
  @Option(
      names = "--poll-interval",
      converter = Ranges.PollInterval.class,
      paramLabel = "SECONDS",
      hidden = true,
      description = "First wait between polls (default 2; grows to 60).")
  double pollInterval = 2;

  Batches.BatchWait policy() {
    if (!(pollInterval >= 0)) {
      throw CliException.usage("--poll-interval must not be negative");
    }
    java.time.Duration first = java.time.Duration.ofMillis(Math.round(pollInterval * 1000));
    java.time.Duration max = java.time.Duration.ofSeconds(60);
    return new Batches.BatchWait(first, first.compareTo(max) > 0 ? first : max, 1.5);
  }
}
