package com.example.anthropic;

import com.anthropic.tool.client.AnthropicClient;
import java.time.Duration;

/** Two ways to make a client. */
public final class ClientSetup {
  private ClientSetup() {}

  /** The client from the environment, as the CLI makes it. */
  public static AnthropicClient fromEnvironment() {
    // tag::from-env[]
    // ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN), ANTHROPIC_BASE_URL, ANTHROPIC_TIMEOUT_SECS, ...
    AnthropicClient client = AnthropicClient.fromEnv();
    // end::from-env[]
    return client;
  }

  /** Every setting given in code. */
  public static AnthropicClient configured(String baseUrl, String apiKey) {
    // tag::builder[]
    AnthropicClient client =
        AnthropicClient.builder()
            .apiKey(apiKey) // or .authToken(token) for Authorization: Bearer
            .baseUrl(baseUrl) // default https://api.anthropic.com
            .timeout(Duration.ofSeconds(30)) // connect, and the longest silence in a stream
            .maxRetries(4) // default 2
            .header("x-team", "docs") // sent on every call
            .build();
    // end::builder[]
    return client;
  }
}
