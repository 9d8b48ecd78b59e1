package com.anthropic.tool.cli;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.ClientOptions;
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
    if (g.mock) {
      // no credential, URL or setting of the environment or the config file: nothing leaves;
      // only ANTHROPIC_CUSTOM_HEADERS is kept, the way to tell the mock what to answer
      // (x-mock-text, x-mock-pace), since its requests go to this process alone
      settings
          .fromEnv("ANTHROPIC_CUSTOM_HEADERS")
          .ifPresent(h -> b.fromEnv(java.util.Map.of("ANTHROPIC_CUSTOM_HEADERS", h)));
      b.baseUrl(MockMode.baseUrl(err)).apiKey("mock");
      flags(g, b, false);
      b.observer(new DebugObserver(err, g.debug));
      return b.build();
    }
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
      b.timeout(
          ClientOptions.parseSeconds(
              fileTimeout.get(), "timeout in " + settings.paths().configFile()));
    }
    Optional<String> fileRetries = settings.fromFile("max-retries");
    if (fileRetries.isPresent()) {
      b.maxRetries(
          parseRetries(fileRetries.get(), "max-retries in " + settings.paths().configFile()));
    }
    b.fromEnv(settings.env());
    flags(g, b, true);
    b.observer(new DebugObserver(err, g.debug));
    return b.build();
  }

  /** The flags over what the file and the environment gave ({@code where}: the URL and key too). */
  private static void flags(GlobalOptions g, AnthropicClient.Builder b, boolean where) {
    if (where && g.apiKey != null) {
      b.apiKey(g.apiKey);
    }
    if (where && g.baseUrl != null) {
      b.baseUrl(g.baseUrl);
    }
    if (g.apiVersion != null) {
      b.apiVersion(g.apiVersion);
    }
    g.betas.forEach(v -> splitBetas(v, b));
    if (g.timeout != null) {
      b.timeout(ClientOptions.parseSeconds(g.timeout, "--timeout"));
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
  }

  /**
   * Where the credential the client sends comes from, for the hint after a 401: {@code --api-key},
   * {@code ANTHROPIC_API_KEY}, {@code ANTHROPIC_AUTH_TOKEN}, or the key in the config file (named
   * by its path); null when there is none or it cannot be told.
   */
  static String credentialSource(GlobalOptions g, java.util.Map<String, String> env) {
    if (g != null && g.apiKey != null && !g.apiKey.isBlank()) {
      return "--api-key";
    }
    for (String name : java.util.List.of("ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN")) {
      String v = env.get(name);
      if (v != null && !v.isBlank()) {
        return name;
      }
    }
    try {
      Settings s = Settings.load(env);
      for (String key : java.util.List.of("api-key", "auth-token")) {
        if (s.fromFile(key).isPresent()) {
          return key + " in " + ErrorReporter.configPathForPeople(env);
        }
      }
    } catch (RuntimeException e) {
      return null;
    }
    return null;
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
