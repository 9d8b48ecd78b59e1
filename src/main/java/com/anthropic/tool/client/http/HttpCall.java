package com.anthropic.tool.client.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One logical HTTP call as observers see it (retries repeat it).
 *
 * @param method GET, POST or DELETE
 * @param url absolute URL, query included
 * @param headers request headers (credentials included; never log them unredacted)
 * @param body request body, or null
 * @param timeout the longest silence allowed: until the response head, and between body bytes
 * @param streaming true when the caller reads the body incrementally (SSE, JSONL)
 * @param fileBody a body streamed from a file instead of {@code body} (an upload), or null
 */
public record HttpCall(
    String method,
    String url,
    List<Map.Entry<String, String>> headers,
    byte[] body,
    Duration timeout,
    boolean streaming,
    FileBody fileBody) {
  public HttpCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = List.copyOf(headers);
    Objects.requireNonNull(timeout, "timeout");
    if (body != null && fileBody != null) {
      throw new IllegalArgumentException("a call has a body or a file body, not both");
    }
  }

  /** A call whose body, if any, is in memory. */
  public HttpCall(
      String method,
      String url,
      List<Map.Entry<String, String>> headers,
      byte[] body,
      Duration timeout,
      boolean streaming) {
    this(method, url, headers, body, timeout, streaming, null);
  }

  /** The path part of the URL, for spans and debug lines. */
  public String path() {
    int scheme = url.indexOf("://");
    int slash = scheme < 0 ? url.indexOf('/') : url.indexOf('/', scheme + 3);
    if (slash < 0) {
      return "/";
    }
    int q = url.indexOf('?', slash);
    return q < 0 ? url.substring(slash) : url.substring(slash, q);
  }
}
