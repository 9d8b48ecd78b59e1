package com.example.anthropic;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import java.io.PrintStream;
import java.util.List;

/** What a request would cost in input tokens, before sending it. */
public final class CountTokens {
  private CountTokens() {}

  public static void run(AnthropicClient client, PrintStream out) {
    // tag::count-tokens[]
    MessagesRequest request =
        MessagesRequest.builder(
                "claude-sonnet-4-6", List.of(MessageParam.user("How long is this prompt?")), 1024)
            .system("You are terse.")
            .build();
    long tokens = client.countTokens(request).inputTokens(); // max_tokens is not sent
    out.println(tokens + " input tokens");
    // end::count-tokens[]
  }
}
