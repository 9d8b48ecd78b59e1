package com.anthropic.tool.client.internal;

import com.anthropic.tool.client.error.AnthropicException;
import com.anthropic.tool.client.error.ConnectionException;
import com.anthropic.tool.client.http.Attempt;
import com.anthropic.tool.client.http.Headers;
import com.anthropic.tool.client.http.HttpCall;
import com.anthropic.tool.client.http.HttpObserver;
import com.anthropic.tool.client.http.RetryPolicy;
import com.anthropic.tool.client.http.Sleeper;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Decorates a transport with retries under a {@link RetryPolicy}, reporting every attempt to an
 * {@link HttpObserver}. Time is injected so tests assert exact delays without sleeping.
 */
public final class RetryingTransport implements AutoCloseable {
  private final HttpTransport delegate;
  private final Sleeper sleeper;
  private final Clock clock;
  private final DoubleSupplier random;
  private final HttpObserver observer;

  public RetryingTransport(
      HttpTransport delegate,
      Sleeper sleeper,
      Clock clock,
      DoubleSupplier random,
      HttpObserver observer) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  /**
   * Sends the call, retrying under {@code policy}, and returns once a response head was kept.
   *
   * @param policy the call's resolved policy (no {@link RetryPolicy#INHERIT})
   */
  public RawResponse send(HttpCall call, RetryPolicy policy) {
    return send(call, policy, 0);
  }

  /**
   * Like {@link #send(HttpCall, RetryPolicy)} for a call that already used {@code attemptsBefore}
   * attempts (a stream that re-connects): attempts are numbered on from there, and the policy's
   * budget counts them all.
   */
  public RawResponse send(HttpCall call, RetryPolicy policy, int attemptsBefore) {
    for (int attempt = attemptsBefore + 1; ; attempt++) {
      if (attempt > attemptsBefore + 1) {
        stopIfInterrupted();
      }
      observer.attemptStarted(call, attempt);
      long start = System.nanoTime();
      RawResponse response;
      try {
        response = delegate.send(call);
      } catch (ConnectionException e) {
        if (attempt > policy.maxRetries()
            || !Retries.retryable(e)
            || Thread.currentThread().isInterrupted()) {
          observer.attemptEnded(new Attempt(call, attempt, 0, null, e, since(start), null));
          throw e;
        }
        Duration delay = policy.delay(attempt, Headers.empty(), clock, random);
        observer.attemptEnded(new Attempt(call, attempt, 0, null, e, since(start), delay));
        pause(delay);
        continue;
      }
      int status = response.status();
      String requestId = response.headers().first("request-id").orElse(null);
      if (attempt <= policy.maxRetries()
          && Retries.retryable(status, response.headers())
          && !Thread.currentThread().isInterrupted()) {
        Duration delay = policy.delay(attempt, response.headers(), clock, random);
        discard(response);
        observer.attemptEnded(
            new Attempt(call, attempt, status, requestId, null, since(start), delay));
        pause(delay);
        continue;
      }
      observer.attemptEnded(
          new Attempt(call, attempt, status, requestId, null, since(start), null));
      return new Counted(response, attempt);
    }
  }

  /**
   * Decides on a stream that failed after its head arrived but before any content: when the failure
   * is retryable and the budget allows another attempt, reports attempt {@code attempt} with its
   * retry to the observer, waits, and returns true; otherwise reports nothing and returns false.
   */
  public boolean retryStream(
      HttpCall call, RetryPolicy policy, int attempt, String requestId, AnthropicException e) {
    if (attempt > policy.maxRetries()
        || !Retries.retryable(e)
        || Thread.currentThread().isInterrupted()) {
      return false;
    }
    Duration delay = policy.delay(attempt, Headers.empty(), clock, random);
    observer.attemptEnded(new Attempt(call, attempt, 200, requestId, e, Duration.ZERO, delay));
    pause(delay);
    return true;
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private static void discard(RawResponse response) {
    try (response;
        InputStream in = response.body()) {
      in.readNBytes(64 * 1024);
    } catch (java.io.IOException | RuntimeException ignored) {
      // the body of a response we are about to retry does not matter
    }
  }

  /**
   * Waits before a retry. An interrupt (a cancelled answer, Ctrl-C) ends the wait, and no request
   * is sent after it: the thread's interrupt is checked before every retry too, in case the sleeper
   * returned without noticing it.
   */
  private void pause(Duration delay) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AnthropicException("interrupted while waiting to retry", e);
    }
    stopIfInterrupted();
  }

  private static void stopIfInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      throw new AnthropicException("interrupted while waiting to retry");
    }
  }

  @Override
  public void close() {
    delegate.close();
  }

  /** A response that knows how many attempts it took. */
  private record Counted(RawResponse inner, int attempts) implements RawResponse {
    @Override
    public int status() {
      return inner.status();
    }

    @Override
    public Headers headers() {
      return inner.headers();
    }

    @Override
    public InputStream body() {
      return inner.body();
    }

    @Override
    public void close() {
      inner.close();
    }
  }
}
