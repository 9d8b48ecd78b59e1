package com.anthropic.tool.cli;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.http.RetryPolicy;
import com.anthropic.tool.client.http.Sleeper;
import com.anthropic.tool.config.Settings;
import java.io.PrintWriter;
import java.util.Optional;

/** Builds the client from flags, then environment, then the config file. */
final class ClientFactory {
  private ClientFactory() {}

  static AnthropicClient create(
      GlobalOptions g, Settings settings, PrintWriter err, Sleeper sleeper) {
    AnthropicClient.Builder b = AnthropicClient.builder().sleeper(sleeper);
    // lowest precedence first: config file, then environment, then flags
    // credentials from the environment (a key or a token) outrank any credential in the file
    if (settings.fromEnv("ANTHROPIC_API_KEY").isEmpty()
        && settings.fromEnv("ANTHROPIC_AUTH_TOKEN").isEmpty()) {
      settings.fromFile("api-key").ifPresent(b::apiKey);
      settings.fromFile("auth-token").ifPresent(b::authToken);
    }
    settings.fromFile("base-url").ifPresent(b::baseUrl);
    settings.fromFile("api-version").ifPresent(b::apiVersion);
    if (settings.fromEnv("ANTHROPIC_BETA").isEmpty()) {
      settings.fromFile("beta").ifPresent(v -> splitBetas(v, b));
    }
    Optional<String> fileTimeout = settings.fromFile("timeout");
    if (fileTimeout.isPresent()) {
      b.timeout(AnthropicClient.Builder.parseSeconds(fileTimeout.get(), "timeout in config"));
    }
    Optional<String> fileRetries = settings.fromFile("max-retries");
    if (fileRetries.isPresent()) {
      b.maxRetries(parseRetries(fileRetries.get(), "max-retries in config"));
    }
    b.fromEnv(settings.env());
    if (g.apiKey != null) {
      b.apiKey(g.apiKey);
    }
    if (g.baseUrl != null) {
      b.baseUrl(g.baseUrl);
    }
    if (g.apiVersion != null) {
      b.apiVersion(g.apiVersion);
    }
    g.betas.forEach(v -> splitBetas(v, b));
    if (g.timeout != null) {
      b.timeout(AnthropicClient.Builder.parseSeconds(g.timeout, "--timeout"));
    }
    if (g.maxRetries != null) {
      if (g.maxRetries < 0) {
        throw CliException.usage("--max-retries must not be negative, got " + g.maxRetries);
      }
      b.maxRetries(g.maxRetries);
    }
    if (g.noRetries) {
      b.retryPolicy(RetryPolicy.none());
    }
    b.observer(new DebugObserver(err, g.debug));
    return b.build();
  }

  private static void splitBetas(String v, AnthropicClient.Builder b) {
    for (String s : v.split(",")) {
      if (!s.isBlank()) {
        b.beta(s.strip());
      }
    }
  }

  private static int parseRetries(String v, String source) {
    try {
      int n = Integer.parseInt(v.strip());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw CliException.usage(source + " must be a non-negative integer, got '" + v + "'");
    }
  }
}
