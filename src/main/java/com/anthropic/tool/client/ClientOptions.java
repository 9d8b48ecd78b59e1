package com.anthropic.tool.client;

import com.anthropic.tool.client.http.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The resolved configuration of a client.
 *
 * @param timeout connect timeout and the longest silence on a response
 */
public record ClientOptions(
    String apiKey,
    String authToken,
    String baseUrl,
    String apiVersion,
    List<String> betas,
    Duration timeout,
    Map<String, String> headers,
    RetryPolicy retryPolicy) {
  public ClientOptions {
    betas = List.copyOf(betas);
    headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
  }

  /** The headers every request carries (credentials included). */
  List<Map.Entry<String, String>> requestHeaders(boolean streaming) {
    List<Map.Entry<String, String>> h = new ArrayList<>();
    if (apiKey != null) {
      h.add(Map.entry("x-api-key", apiKey));
    } else if (authToken != null) {
      h.add(Map.entry("authorization", "Bearer " + authToken));
    }
    h.add(Map.entry("anthropic-version", apiVersion));
    if (!betas.isEmpty()) {
      h.add(Map.entry("anthropic-beta", String.join(",", betas)));
    }
    h.add(
        Map.entry(
            "accept", streaming ? "text/event-stream, application/json" : "application/json"));
    h.add(Map.entry("user-agent", "anthropic-cli/" + Version.get()));
    for (Map.Entry<String, String> e : headers.entrySet()) {
      h.add(Map.entry(e.getKey(), e.getValue()));
    }
    return h;
  }

  @Override
  public String toString() {
    return "ClientOptions[baseUrl="
        + baseUrl
        + ", apiVersion="
        + apiVersion
        + ", betas="
        + betas
        + ", timeout="
        + timeout
        + ", credentials=<redacted>]";
  }
}
