package com.anthropic.tool.client.http;

/**
 * Told about every HTTP attempt: the seam for tracing and {@code --debug}. Attempts of one call
 * (retries, and the re-connections of a stream) share the same {@link HttpCall} instance and are
 * numbered from 1.
 *
 * <pre>{@code
 * AnthropicClient.builder()
 *     .fromEnv(System.getenv())
 *     .observer(new HttpObserver() {
 *       public void attemptEnded(Attempt a) {
 *         out.println(a.call().path() + " " + a.outcome() + " in " + a.elapsed().toMillis() + " ms");
 *       }
 *     })
 *     .build();
 * }</pre>
 */
public interface HttpObserver {
  /** A no-op observer. */
  HttpObserver NONE = new HttpObserver() {};

  /** Attempt number {@code attempt} (from 1) of {@code call} is about to be sent. */
  default void attemptStarted(HttpCall call, int attempt) {}

  /** An attempt ended with a status or an error, and maybe a retry. */
  default void attemptEnded(Attempt attempt) {}

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
      public void attemptEnded(Attempt attempt) {
        self.attemptEnded(attempt);
        other.attemptEnded(attempt);
      }
    };
  }
}
