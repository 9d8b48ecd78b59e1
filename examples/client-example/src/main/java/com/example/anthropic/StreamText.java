package com.example.anthropic;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.model.Delta;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.model.StreamEvent;
import com.anthropic.tool.client.stream.MessageStream;
import java.io.PrintStream;
import java.util.List;

/** A streamed answer, printed as it arrives. */
public final class StreamText {
  private StreamText() {}

  public static void run(AnthropicClient client, PrintStream out) {
    MessagesRequest request =
        MessagesRequest.builder(
                "claude-sonnet-4-6", List.of(MessageParam.user("Tell me a short story.")), 512)
            .build();
    // tag::stream[]
    try (MessageStream stream = client.messagesStream(request)) {
      for (StreamEvent event : stream) {
        if (event instanceof StreamEvent.ContentBlockDelta d && d.delta() instanceof Delta.Text t) {
          out.print(t.text());
          out.flush();
        }
      }
    }
    out.println();
    // end::stream[]
  }
}
