package com.anthropic.tool.client.internal;

import com.anthropic.tool.client.http.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A response whose head has arrived; the body is read incrementally from {@link #body()}. Closing
 * it before the end cancels the exchange, so the server stops sending.
 */
public interface RawResponse extends AutoCloseable {
  int status();

  Headers headers();

  /** The body as it arrives; reads block until bytes come or the idle timeout passes. */
  InputStream body();

  /** Number of attempts it took to get this response (1 without retries). */
  int attempts();

  /** Cancels the exchange if the body has not been read to the end. Idempotent. */
  @Override
  void close();

  /** Reads the whole body as UTF-8 text (for small, non-streaming responses). */
  default String bodyText() {
    try (InputStream in = body()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
