package com.anthropic.tool.client.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How one HTTP attempt ended, as {@link HttpObserver#attemptEnded} reports it.
 *
 * @param call the call the attempt belongs to
 * @param number the attempt's number within the call, from 1
 * @param status the HTTP status, or 0 when the attempt failed without one
 * @param requestId the response's {@code request-id}, or null
 * @param error the failure, or null when a response arrived and was kept
 * @param elapsed how long the attempt took
 * @param retryDelay the wait before the next attempt, or null when there is none
 */
public record Attempt(
    HttpCall call,
    int number,
    int status,
    String requestId,
    Throwable error,
    Duration elapsed,
    Duration retryDelay) {
  public Attempt {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** Whether another attempt follows. */
  public boolean willRetry() {
    return retryDelay != null;
  }

  /** "HTTP 503", or the failure's message when no status arrived. */
  public String outcome() {
    if (status > 0) {
      return "HTTP " + status;
    }
    return error == null ? "no response" : String.valueOf(error.getMessage());
  }
}
