package com.anthropic.tool.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.anthropic.tool.client.model.MessageBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.Times;

class BatchesWaitTest {
  private static String batch(String status) {
    return "{\"id\":\"b1\",\"type\":\"message_batch\",\"processing_status\":\"" + status + "\"}";
  }

  @Test
  void should_poll_with_growing_waits_until_ended_without_sleeping() {
    ClientAndServer server = ClientAndServer.startClientAndServer(0);
    try {
      server
          .when(request().withPath("/v1/messages/batches/b1"), Times.exactly(4))
          .respond(response().withBody(batch("in_progress")));
      server
          .when(request().withPath("/v1/messages/batches/b1"))
          .respond(response().withBody(batch("ended")));
      List<Duration> slept = new ArrayList<>();
      List<String> seen = new ArrayList<>();
      try (AnthropicClient client =
          AnthropicClient.builder()
              .apiKey("k")
              .baseUrl("http://127.0.0.1:" + server.getPort())
              .sleeper(slept::add)
              .build()) {
        MessageBatch b =
            client
                .batches()
                .waitUntilEnded(
                    "b1",
                    new Batches.BatchWait(Duration.ofSeconds(2), Duration.ofSeconds(5), 1.5),
                    x -> seen.add(x.processingStatus()));
        assertTrue(b.ended());
      }
      assertEquals(
          List.of(
              Duration.ofMillis(2000),
              Duration.ofMillis(3000),
              Duration.ofMillis(4500),
              Duration.ofMillis(5000)),
          slept);
      assertEquals(
          List.of("in_progress", "in_progress", "in_progress", "in_progress", "ended"), seen);
    } finally {
      server.stop();
    }
  }
}
