package com.example.anthropic;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.BatchResults;
import com.anthropic.tool.client.Batches;
import com.anthropic.tool.client.model.BatchRequest;
import com.anthropic.tool.client.model.BatchResult;
import com.anthropic.tool.client.model.MessageBatch;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A message batch: create, wait, read the results as they download. */
public final class BatchEndToEnd {
  private BatchEndToEnd() {}

  public static void run(AnthropicClient client, PrintStream out) {
    // tag::batch[]
    List<BatchRequest> requests = new ArrayList<>();
    for (String q : List.of("What is 2+2?", "Name a colour.", "Say hi.")) {
      MessagesRequest params =
          MessagesRequest.builder("claude-haiku-4-5", List.of(MessageParam.user(q)), 64).build();
      requests.add(BatchRequest.of("q-" + requests.size(), params));
    }
    MessageBatch batch = client.batches().create(requests);
    out.println("created " + batch.id() + " (" + batch.processingStatus() + ")");

    // polls until the batch has ended: 1 s first, then 1.5 times longer each time, at most 60 s
    Batches.BatchWait wait =
        new Batches.BatchWait(Duration.ofSeconds(1), Duration.ofMinutes(1), 1.5);
    MessageBatch ended =
        client.batches().waitUntilEnded(batch.id(), wait, b -> out.println(b.processingStatus()));
    out.println(ended.requestCounts().succeeded() + " succeeded");

    try (BatchResults results = client.batches().results(ended)) { // one result at a time
      for (BatchResult r : results) {
        if (r instanceof BatchResult.Succeeded s) {
          out.println(s.customId() + ": " + s.message().text());
        } else if (r instanceof BatchResult.Errored e) {
          out.println(e.customId() + " failed: " + e.errorMessage());
        } else {
          out.println(r.customId() + ": " + r.type()); // canceled or expired
        }
      }
    }
    // end::batch[]
  }
}
