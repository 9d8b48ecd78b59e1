package com.anthropic.tool.client;

import com.anthropic.tool.client.error.InvalidRequestException;
import com.anthropic.tool.client.http.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The resolved configuration of a client, and how the environment is read into it.
 *
 * <pre>{@code
 * ClientOptions o = client.options();
 * out.println(o.baseUrl() + ", anthropic-version " + o.apiVersion() + ", betas " + o.betas());
 * Duration t = ClientOptions.parseSeconds("2.5", "ANTHROPIC_TIMEOUT_SECS"); // its format
 * }</pre>
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
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /**
   * Parses a number of seconds (decimals allowed, from 0.001 to 86400), naming the source on error:
   * the format of {@code ANTHROPIC_TIMEOUT_SECS}.
   *
   * @throws InvalidRequestException naming {@code source} and the value
   */
  public static Duration parseSeconds(String value, String source) {
    try {
      double s = Double.parseDouble(value.strip());
      if (!(s >= 0.001 && s <= 86_400)) { // a millisecond to a day; NaN is outside
        throw new NumberFormatException();
      }
      return Duration.ofMillis(Math.round(s * 1000));
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(
          source + " must be a number of seconds from 0.001 to 86400, got '" + value + "'");
    }
  }

  /**
   * Parses {@code Name: value} lines, the format of {@code ANTHROPIC_CUSTOM_HEADERS} (blank lines
   * and lines without a colon are skipped).
   */
  static Map<String, String> parseHeaderLines(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\\r?\\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        out.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      }
    }
    return out;
  }

  /** Applies the variables {@link AnthropicClient.Builder#fromEnv} documents to {@code b}. */
  static void readEnv(Map<String, String> env, AnthropicClient.Builder b) {
    String v;
    if ((v = nonBlank(env.get("ANTHROPIC_API_KEY"))) != null) {
      b.apiKey(v);
    }
    if ((v = nonBlank(env.get("ANTHROPIC_AUTH_TOKEN"))) != null) {
      b.authToken(v);
    }
    if ((v = nonBlank(env.get("ANTHROPIC_BASE_URL"))) != null
        || (v = nonBlank(env.get("ANTHROPIC_API_BASE"))) != null) {
      b.baseUrl(v);
    }
    if ((v = nonBlank(env.get("ANTHROPIC_API_VERSION"))) != null) {
      b.apiVersion(v);
    }
    if ((v = nonBlank(env.get("ANTHROPIC_BETA"))) != null) {
      for (String beta : v.split(",")) {
        if (!beta.isBlank()) {
          b.beta(beta.strip());
        }
      }
    }
    if ((v = nonBlank(env.get("ANTHROPIC_TIMEOUT_SECS"))) != null) {
      b.timeout(parseSeconds(v, "ANTHROPIC_TIMEOUT_SECS"));
    }
    if ((v = env.get("ANTHROPIC_CUSTOM_HEADERS")) != null) {
      parseHeaderLines(v).forEach(b::header);
    }
  }

  private static String nonBlank(String v) {
    return v == null || v.isBlank() ? null : v.strip();
  }

  /** The headers a request carries (credentials included), the call's own merged in. */
  List<Map.Entry<String, String>> requestHeaders(boolean streaming, CallOptions call) {
    Map<String, Map.Entry<String, String>> h = new LinkedHashMap<>();
    if (apiKey != null) {
      put(h, "x-api-key", apiKey);
    } else if (authToken != null) {
      put(h, "authorization", "Bearer " + authToken);
    }
    put(h, "anthropic-version", apiVersion);
    List<String> allBetas = new ArrayList<>(betas);
    for (String beta : call.betas()) {
      if (!allBetas.contains(beta)) {
        allBetas.add(beta);
      }
    }
    if (!allBetas.isEmpty()) {
      put(h, "anthropic-beta", String.join(",", allBetas));
    }
    put(h, "accept", streaming ? "text/event-stream, application/json" : "application/json");
    put(h, "user-agent", "anthropic-cli/" + Version.get());
    headers.forEach((name, value) -> put(h, name, value));
    call.headers().forEach((name, value) -> put(h, name, value));
    return List.copyOf(h.values());
  }

  private static void put(Map<String, Map.Entry<String, String>> h, String name, String value) {
    h.remove(name.toLowerCase(Locale.ROOT));
    h.put(name.toLowerCase(Locale.ROOT), Map.entry(name, value));
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
