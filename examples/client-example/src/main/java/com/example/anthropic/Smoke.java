package com.example.anthropic;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import java.io.PrintStream;
import java.util.List;

/**
 * The CI smoke check: a client from the environment, one request built, one {@code POST
 * /v1/messages}, an answer with text. Run by .github/workflows/anthropic-smoke.yml and .ci/run.
 */
public final class Smoke {
  private Smoke() {}

  public static void run(AnthropicClient client, PrintStream out) {
    String model = System.getenv().getOrDefault("ANTHROPIC_MODEL", "claude-haiku-4-5");
    Message answer =
        client.messages(
            MessagesRequest.builder(model, List.of(MessageParam.user("Say hello in one word.")), 32)
                .build());
    if (answer.text().isBlank()) {
      throw new IllegalStateException("the answer has no text: " + answer.raw());
    }
    out.println(answer.text().strip());
    out.println("smoke: ok (" + answer.model() + ", " + answer.usage().outputTokens() + " tokens)");
  }
}
