package com.anthropic.tool.client.http;

import java.time.Duration;

/** Told about every HTTP attempt and every finished call: the seam for tracing and --debug. */
public interface HttpObserver {
  /** A no-op observer. */
  HttpObserver NONE = new HttpObserver() {};

  /** An attempt is about to be sent. */
  default void attemptStarted(HttpCall call, int attempt) {}

  /**
   * An attempt ended with a status (0 when it failed without one) or an error, and maybe a retry.
   *
   * @param retryDelay the wait before the next attempt, or null when there is none
   */
  default void attemptEnded(
      HttpCall call,
      int attempt,
      int status,
      String requestId,
      Throwable error,
      Duration elapsed,
      Duration retryDelay) {}

  /** Combines two observers. */
  default HttpObserver and(HttpObserver other) {
    HttpObserver self = this;
    return new HttpObserver() {
      @Override
      public void attemptStarted(HttpCall call, int attempt) {
        self.attemptStarted(call, attempt);
        other.attemptStarted(call, attempt);
      }

      @Override
      public void attemptEnded(
          HttpCall call,
          int attempt,
          int status,
          String requestId,
          Throwable error,
          Duration elapsed,
          Duration retryDelay) {
        self.attemptEnded(call, attempt, status, requestId, error, elapsed, retryDelay);
        other.attemptEnded(call, attempt, status, requestId, error, elapsed, retryDelay);
      }
    };
  }
}
