package com.example.anthropic;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.model.CitedAnswer;
import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.model.ServerToolResults;
import com.anthropic.tool.client.model.ServerTools;
import java.io.PrintStream;
import java.util.List;

/** A server tool (web search) and the answer's citations. */
public final class WebSearch {
  private WebSearch() {}

  public static void run(AnthropicClient client, PrintStream out) {
    // tag::web-search[]
    MessagesRequest request =
        MessagesRequest.builder(
                "claude-sonnet-4-6", List.of(MessageParam.user("Weather in Oslo today?")), 1024)
            .addTool(ServerTools.webSearch(3, List.of(), List.of(), null)) // at most 3 searches
            .build();
    Message m = client.messages(request);
    for (ContentBlock b : m.content()) {
      ServerToolResults.activity(b).ifPresent(line -> out.println("  " + line));
    }
    CitedAnswer answer = m.citedAnswer(); // the text with [N] marks, and the numbered sources
    out.println(answer.markedText());
    answer.sources().forEach((n, source) -> out.println("[" + n + "] " + source));
    out.println(m.usage().webSearchRequests() + " searches");
    // end::web-search[]
  }
}
