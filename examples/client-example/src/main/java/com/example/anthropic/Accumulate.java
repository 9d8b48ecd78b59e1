package com.example.anthropic;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.model.Delta;
import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.model.StreamEvent;
import com.anthropic.tool.client.stream.MessageStream;
import com.anthropic.tool.client.stream.StreamAccumulator;
import java.io.PrintStream;
import java.util.List;

/** The final Message of a stream: while printing it, or afterwards. */
public final class Accumulate {
  private Accumulate() {}

  public static void run(AnthropicClient client, PrintStream out) {
    MessagesRequest request =
        MessagesRequest.builder("claude-sonnet-4-6", List.of(MessageParam.user("Hello there")), 256)
            .build();
    // tag::consume[]
    try (MessageStream stream = client.messagesStream(request)) {
      Message message =
          stream.consume( // every event to the listener, then the assembled Message
              event -> {
                if (event instanceof StreamEvent.ContentBlockDelta d
                    && d.delta() instanceof Delta.Text t) {
                  out.print(t.text());
                }
              });
      out.println();
      out.println(message.id() + ": " + message.usage().outputTokens() + " output tokens");
    }
    // end::consume[]
    // tag::collect[]
    try (MessageStream stream = client.messagesStream(request)) {
      Message message = StreamAccumulator.collect(stream); // the same Message messages() returns
      out.println(message.text());
    }
    // end::collect[]
  }
}
