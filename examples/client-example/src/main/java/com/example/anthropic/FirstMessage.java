package com.example.anthropic;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import java.io.PrintStream;
import java.util.List;

/** One message, answered. */
public final class FirstMessage {
  private FirstMessage() {}

  public static void run(AnthropicClient client, PrintStream out) {
    // tag::message[]
    MessagesRequest request =
        MessagesRequest.builder(
                "claude-sonnet-4-6", List.of(MessageParam.user("Name three prime numbers.")), 256)
            .system("Answer in one line.")
            .temperature(0.2)
            .build(); // checks model, messages and max_tokens before anything is sent
    Message answer = client.messages(request);
    out.println(answer.text()); // the text blocks, joined
    out.println(answer.stopReason() + ", " + answer.usage().outputTokens() + " output tokens");
    // end::message[]
  }
}
