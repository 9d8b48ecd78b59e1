package com.anthropic.tool.client.http;

import java.time.Duration;

/**
 * Waits between retries; tests inject one that records the delays instead of sleeping. A sleeper
 * must end with {@link InterruptedException} when its thread is interrupted (a cancelled call, a
 * tool loop's {@code cancel()}, Ctrl-C): no request is sent after an interrupt.
 */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  /** The real thing. */
  static Sleeper system() {
    return d -> Thread.sleep(d.toMillis());
  }
}
