package com.example.anthropic;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.CallOptions;
import com.anthropic.tool.client.error.AnthropicException;
import com.anthropic.tool.client.error.ApiException;
import com.anthropic.tool.client.error.ConnectionException;
import com.anthropic.tool.client.error.OverloadedException;
import com.anthropic.tool.client.error.RateLimitException;
import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/** Typed errors, and retries chosen per client and per call. */
public final class ErrorsAndRetries {
  private ErrorsAndRetries() {}

  public static void run(AnthropicClient client, PrintStream out) {
    // The mock server answers any status asked for in x-mock-status: here 529 (overloaded).
    try (AnthropicClient overloaded =
        AnthropicClient.builder()
            .baseUrl(client.options().baseUrl())
            .apiKey("mock")
            .header("x-mock-status", "529")
            .build()) {
      ask(overloaded, out);
    }
  }

  static void ask(AnthropicClient client, PrintStream out) {
    // tag::errors[]
    MessagesRequest request =
        MessagesRequest.builder("claude-sonnet-4-6", List.of(MessageParam.user("Hi")), 256).build();
    CallOptions once = // this call only; the rest of the client's settings stay
        CallOptions.builder()
            .noRetries() // fail at the first error (the client's default: 2 retries)
            .timeout(Duration.ofSeconds(20))
            .build();
    try {
      Message answer = client.messages(request, once);
      out.println(answer.text());
    } catch (RateLimitException | OverloadedException e) { // 429, 529: after the retries ran out
      out.println(
          "busy: " + e.status() + " " + e.type() + ", request " + e.requestId().orElse("?"));
    } catch (ApiException e) { // any other error status: e.status(), e.type(), e.errorMessage()
      out.println("API error " + e.status() + ": " + e.errorMessage());
    } catch (ConnectionException e) { // no answer at all (ApiTimeoutException: none in time)
      out.println("network: " + e.getMessage());
    } catch (AnthropicException e) { // the root of every error the client throws
      out.println("failed: " + e.getMessage());
    }
    // end::errors[]
  }
}
