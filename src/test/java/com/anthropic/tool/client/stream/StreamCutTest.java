package com.anthropic.tool.client.stream;

import static com.anthropic.tool.client.stream.MessageStreamTest.END;
import static com.anthropic.tool.client.stream.MessageStreamTest.START;
import static com.anthropic.tool.client.stream.MessageStreamTest.delta;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.RawServer;
import com.anthropic.tool.client.TestServers;
import com.anthropic.tool.client.error.ConnectionException;
import com.anthropic.tool.client.model.Delta;
import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.StreamEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A connection that drops right after bytes arrive (data and FIN in one write, the chunked
 * terminator missing): what arrived is kept and delivered, the drop is an end marker after it.
 */
class StreamCutTest {
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  /** A chunked event-stream response: each part one chunk, in one write, then FIN (no 0-chunk). */
  static RawServer.Script chunkedThenFin(String... parts) {
    return s -> {
      StringBuilder sb =
          new StringBuilder(
              "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nrequest-id: req_cut\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n");
      for (String p : parts) {
        byte[] b = p.getBytes(StandardCharsets.UTF_8);
        sb.append(Integer.toHexString(b.length)).append("\r\n").append(p).append("\r\n");
      }
      write(s, sb.toString());
      s.shutdownOutput();
      s.close();
    };
  }

  /** Like {@link #chunkedThenFin} but the first part is sent, then the rest with the FIN later. */
  static RawServer.Script firstThenRestWithFin(String first, String rest) {
    return s -> {
      write(
          s,
          "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nrequest-id: req_cut\r\n"
              + "Transfer-Encoding: chunked\r\n\r\n"
              + chunk(first));
      try {
        Thread.sleep(200); // lets the client print the first part before the rest arrives
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      write(s, chunk(rest));
      s.shutdownOutput();
      s.close();
    };
  }

  private static String chunk(String p) {
    int n = p.getBytes(StandardCharsets.UTF_8).length;
    return Integer.toHexString(n) + "\r\n" + p + "\r\n";
  }

  private static void write(Socket s, String text) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private AnthropicClient client(RawServer server) {
    return AnthropicClient.builder()
        .apiKey("sk-test")
        .baseUrl(server.baseUrl())
        .timeout(Duration.ofSeconds(10))
        .sleeper(sleeps::add)
        .random(() -> 0.0)
        .build();
  }

  private static String text(List<StreamEvent> events) {
    StringBuilder sb = new StringBuilder();
    for (StreamEvent e : events) {
      if (e instanceof StreamEvent.ContentBlockDelta d && d.delta() instanceof Delta.Text t) {
        sb.append(t.text());
      }
    }
    return sb.toString();
  }

  @Test
  void should_deliver_a_complete_stream_whose_connection_drops_after_message_stop()
      throws Exception {
    try (RawServer server =
            new RawServer(chunkedThenFin(START + delta("Hello") + delta(" world") + END));
        AnthropicClient c = client(server);
        MessageStream stream = c.messagesStream(TestServers.request().build())) {
      List<StreamEvent> seen = new ArrayList<>();
      Message m = stream.consume(seen::add);

      assertEquals("Hello world", text(seen));
      assertEquals("end_turn", m.stopReason());
      assertEquals(1, server.requests(), "a complete stream is never sent again");
      assertEquals(List.of(), sleeps);
    }
  }

  @Test
  void should_deliver_what_arrived_with_the_drop_then_fail_without_sending_again()
      throws Exception {
    try (RawServer server =
            new RawServer(
                firstThenRestWithFin(START + delta("FIRST-"), delta("SECOND-") + delta("THIRD")));
        AnthropicClient c = client(server);
        MessageStream stream = c.messagesStream(TestServers.request().build())) {
      List<StreamEvent> seen = new ArrayList<>();

      assertThrows(ConnectionException.class, () -> stream.consume(seen::add));

      assertEquals("FIRST-SECOND-THIRD", text(seen));
      assertEquals("FIRST-SECOND-THIRD", stream.partial().orElseThrow().text());
      assertEquals(1, server.requests(), "content arrived: the request is not sent again");
    }
  }

  @Test
  void should_keep_the_events_of_a_single_read_that_ends_in_a_drop() throws Exception {
    try (RawServer server = new RawServer(chunkedThenFin(START + delta("only") + delta(" part")));
        AnthropicClient c = client(server);
        MessageStream stream = c.messagesStream(TestServers.request().build())) {
      List<StreamEvent> seen = new ArrayList<>();

      ConnectionException e =
          assertThrows(ConnectionException.class, () -> stream.consume(seen::add));

      assertEquals("only part", text(seen));
      assertEquals(1, server.requests());
      assertTrue(e.getMessage().contains("req_cut"), e.getMessage());
    }
  }
}
