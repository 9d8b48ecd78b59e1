package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.Faults;
import com.anthropic.tool.client.RawServer;
import com.anthropic.tool.client.error.ConnectionException;
import com.anthropic.tool.client.model.Delta;
import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.model.StreamEvent;
import com.anthropic.tool.client.stream.MessageStream;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Data and FIN in one write at every position of a recorded stream (issue 12): the fixture is cut
 * after every event, and after every byte of one event, and sent as a chunked body that ends
 * without its terminator. For each cut: the text of every whole event that arrived is delivered
 * (never lost, never invented: the expected text comes from an independent reading of the fixture),
 * the stream completes only when {@code message_stop} arrived and otherwise fails as a connection
 * error with what arrived in {@code partial()}, and a request that had delivered content is not
 * sent again. The counts are rows of the fault matrix in docs/reliability.md.
 */
class StreamCutMatrixTest {
  static RawServer server;
  static AnthropicClient client;

  /** What the server sends for a request: its prompt names the bytes. */
  static final Map<String, byte[]> CUTS = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() throws IOException {
    server =
        new RawServer(
            (r, n) -> {
              java.util.regex.Matcher m =
                  java.util.regex.Pattern.compile("cutid:([^\"]+)").matcher(r.body());
              byte[] data = m.find() ? CUTS.get(m.group(1)) : null;
              if (data == null) {
                return RawServer.hangUp();
              }
              return s -> {
                OutputStream o = s.getOutputStream();
                o.write(Faults.head(200, Faults.headers("text/event-stream"), -1));
                if (data.length > 0) {
                  o.write(Faults.chunk(data));
                }
                o.flush();
                s.shutdownOutput(); // FIN right after the data: no terminating chunk
                s.close();
              };
            });
    client =
        AnthropicClient.builder()
            .apiKey("sk-test")
            .baseUrl(server.baseUrl())
            .timeout(Duration.ofSeconds(10))
            .sleeper(d -> {})
            .random(() -> 0.0)
            .build();
  }

  @AfterAll
  static void stop() throws IOException {
    client.close();
    server.close();
  }

  /**
   * One event of a fixture: its bytes' end offset, its text delta, whether it is a content delta
   * (of any kind: text, thinking, tool input) or message_stop.
   */
  record Event(int end, String text, boolean delta, boolean stop) {}

  /**
   * Reads a fixture independently of the client's parser: lines end at CRLF, CR or LF; an empty
   * line ends an event; the data lines joined with LF are the event's JSON.
   */
  static List<Event> events(byte[] b) {
    List<Event> out = new ArrayList<>();
    StringBuilder data = new StringBuilder();
    boolean hasData = false;
    int i = 0;
    int lineStart = 0;
    while (i < b.length) {
      if (b[i] != '\r' && b[i] != '\n') {
        i++;
        continue;
      }
      String line = new String(b, lineStart, i - lineStart, StandardCharsets.UTF_8);
      i += b[i] == '\r' && i + 1 < b.length && b[i + 1] == '\n' ? 2 : 1;
      lineStart = i;
      if (line.isEmpty()) {
        if (hasData) {
          JsonObject o = JsonParser.parseString(data.toString()).getAsJsonObject();
          String type = o.get("type").getAsString();
          String text = "";
          JsonElement delta = o.get("delta");
          if (type.equals("content_block_delta")
              && delta.getAsJsonObject().get("type").getAsString().equals("text_delta")) {
            text = delta.getAsJsonObject().get("text").getAsString();
          }
          out.add(
              new Event(i, text, type.equals("content_block_delta"), type.equals("message_stop")));
        }
        data.setLength(0);
        hasData = false;
      } else if (line.startsWith("data:")) {
        if (hasData) {
          data.append('\n');
        }
        data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
        hasData = true;
      }
    }
    return out;
  }

  /**
   * The text of the events wholly inside the first {@code k} bytes, and whether one is the stop.
   */
  static String textBefore(List<Event> events, int k) {
    StringBuilder sb = new StringBuilder();
    for (Event e : events) {
      if (e.end() <= k) {
        sb.append(e.text());
      }
    }
    return sb.toString();
  }

  static boolean contentBefore(List<Event> events, int k) {
    return events.stream().anyMatch(e -> e.end() <= k && e.delta());
  }

  static boolean stopBefore(List<Event> events, int k) {
    return events.stream().anyMatch(e -> e.end() <= k && e.stop());
  }

  /** Sends the first {@code k} bytes of the fixture then FIN, and checks the outcome. */
  static void cut(String name, byte[] fixture, List<Event> events, int k, String... alsoOk) {
    String id = name + "@" + k;
    byte[] prefix = java.util.Arrays.copyOf(fixture, k);
    CUTS.put(id, prefix);
    int before = server.requests();
    List<StreamEvent> seen = new ArrayList<>();
    MessagesRequest req =
        MessagesRequest.builder("claude-test", List.of(MessageParam.user("cutid:" + id)), 64)
            .build();
    String expected = textBefore(events, k);
    String d = id + " (expected \"" + expected + "\")";
    try (MessageStream stream = client.messagesStream(req)) {
      if (stopBefore(events, k)) {
        Message m = stream.consume(seen::add);
        assertNotNull(m, d);
        assertEquals(expected, text(seen), d);
        assertEquals(1, server.requests() - before, "a complete stream is not sent again: " + d);
        return;
      }
      assertThrows(ConnectionException.class, () -> stream.consume(seen::add), d);
      String got = text(seen);
      assertTrue(
          got.equals(expected) || List.of(alsoOk).contains(got), "delivered \"" + got + "\": " + d);
      if (!got.isEmpty()) {
        assertEquals(got, stream.partial().orElseThrow().text(), "partial() holds it: " + d);
      }
      int attempts = server.requests() - before;
      assertEquals(
          contentBefore(events, k) ? 1 : 3,
          attempts,
          "sent again only when no content had arrived: " + d);
    } finally {
      CUTS.remove(id);
    }
  }

  private static String text(List<StreamEvent> events) {
    StringBuilder sb = new StringBuilder();
    for (StreamEvent e : events) {
      if (e instanceof StreamEvent.ContentBlockDelta cd && cd.delta() instanceof Delta.Text t) {
        sb.append(t.text());
      }
    }
    return sb.toString();
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = StreamCutMatrixTest.class.getResourceAsStream("/sse/" + name)) {
      return in.readAllBytes();
    }
  }

  static final List<String> ROWS = new ArrayList<>();

  @AfterAll
  static void table() throws IOException {
    ReliabilityDoc.section("stream-cuts", 3, ROWS);
  }

  static void row(String fault, int cuts) {
    ROWS.add(
        "| stream (client) | "
            + fault
            + " ("
            + cuts
            + " cuts) | connection error (exit 5); complete (exit 0) once message_stop arrived"
            + " | 1 once content arrived, else 3 | the text of every whole event, nothing"
            + " invented | pass |");
  }

  static int afterEveryEvent(String name, byte[] fixture) {
    List<Event> events = events(fixture);
    assertTrue(events.stream().anyMatch(Event::stop), name + " has a message_stop");
    cut(name, fixture, events, 0);
    for (Event e : events) {
      cut(name, fixture, events, e.end());
    }
    return events.size() + 1;
  }

  @Test
  void should_keep_every_whole_event_when_a_project_fixture_is_cut_after_each_event()
      throws IOException {
    List<String> names =
        List.of("project-text-crlf-multiline-data.sse", "project-thinking-unknown-types.sse");
    int cuts = 0;
    for (String f : names) {
      cuts += afterEveryEvent(f, resource(f));
    }
    row("data + FIN before and after every event of " + String.join(" and ", names), cuts);
  }

  @Test
  void should_keep_every_whole_event_when_a_shared_fixture_is_cut_after_each_event()
      throws IOException {
    Path sse = SharedDir.require("sse");
    Path f = sse.resolve("docs-streaming-basic-text-ping.sse");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(f), "skipped: no " + f);
    int cuts = afterEveryEvent(f.getFileName().toString(), Files.readAllBytes(f));
    row("data + FIN before and after every event of ../shared " + f.getFileName(), cuts);
  }

  /**
   * Cuts after every byte of one event: the second text delta of the CRLF fixture (after "Hello, "
   * and "wörld — 😀\n" arrived, so the request is never sent again).
   */
  @Test
  void should_never_lose_or_invent_text_when_one_event_is_cut_after_every_byte()
      throws IOException {
    String name = "project-text-crlf-multiline-data.sse";
    byte[] fixture = resource(name);
    List<Event> events = events(fixture);
    Event target =
        events.stream().filter(e -> e.text().equals("Second block.")).findFirst().orElseThrow();
    int start = events.get(events.indexOf(target) - 1).end();
    int byteCuts = 0;
    String without = textBefore(events, start);
    for (int k = start; k <= target.end(); k++) {
      // the CR of the closing CRLF already ends the empty line: the event may be whole then
      String[] alsoOk =
          k == target.end() - 1 ? new String[] {without + "Second block."} : new String[0];
      cut(name, fixture, events, k, alsoOk);
      byteCuts++;
    }
    assertTrue(byteCuts > 50, "every byte of a real event: " + byteCuts);
    row(
        "data + FIN after every byte of one event (the \"Second block.\" text delta of "
            + name
            + ")",
        byteCuts);
  }
}
