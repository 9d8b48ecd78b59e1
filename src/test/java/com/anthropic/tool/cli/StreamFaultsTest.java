package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.RawServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code stream} against servers that cut, redirect or answer with the wrong kind of body: what
 * arrived is printed, the exit code is CLI.md's, and nothing is sent twice once content arrived.
 */
class StreamFaultsTest {
  static final String START =
      "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\","
          + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-test\",\"content\":[],"
          + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":5,"
          + "\"output_tokens\":1}}}\n\n"
          + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
          + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n";
  static final String END =
      "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
          + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
          + "\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":7}}\n\n"
          + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
  static final String OVERLOADED =
      "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
          + "\"message\":\"Overloaded\"}}\n\n";

  private RawServer server;

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  static String delta(String text) {
    return "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
        + "\"delta\":{\"type\":\"text_delta\",\"text\":\""
        + text
        + "\"}}\n\n";
  }

  private static String chunk(String p) {
    return Integer.toHexString(p.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + p + "\r\n";
  }

  private static void write(Socket s, String text) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static final String STREAM_HEAD =
      "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nrequest-id: req_cut\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n";

  /** Sends {@code first}, waits until it is surely read, then {@code rest} and FIN in one write. */
  private static RawServer.Script firstThenRestAndFin(String first, String rest) {
    return s -> {
      write(s, STREAM_HEAD + chunk(first));
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      write(s, rest.isEmpty() ? "" : chunk(rest));
      s.close();
    };
  }

  private static RawServer.Script answer(String statusLine, List<String> headers, String body) {
    return s -> {
      StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(statusLine).append("\r\n");
      headers.forEach(h -> sb.append(h).append("\r\n"));
      sb.append("Content-Length: ")
          .append(body.getBytes(StandardCharsets.UTF_8).length)
          .append("\r\n\r\n")
          .append(body);
      write(s, sb.toString());
      s.close();
    };
  }

  private CommandHarness harness(RawServer.Script script) throws IOException {
    server = new RawServer(script);
    return new CommandHarness()
        .env("ANTHROPIC_BASE_URL", server.baseUrl())
        .env("ANTHROPIC_API_KEY", "sk-test");
  }

  @Test
  void should_print_a_complete_stream_and_exit_0_when_the_drop_follows_message_stop()
      throws IOException {
    CommandHarness h = harness(firstThenRestAndFin(START + delta("one "), delta("two") + END));

    CommandHarness.Result r = h.run("stream", "hi");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("one two", r.out(), r.describe());
    assertEquals(1, server.requests(), r.describe());
  }

  @Test
  void should_print_what_arrived_with_the_drop_exit_5_and_not_send_again() throws IOException {
    CommandHarness h =
        harness(firstThenRestAndFin(START + delta("FIRST-"), delta("SECOND-") + delta("THIRD")));

    CommandHarness.Result r = h.run("stream", "hi");

    assertEquals(5, r.exitCode(), r.describe());
    assertTrue(r.out().startsWith("FIRST-SECOND-THIRD"), r.describe());
    assertTrue(r.err().startsWith("error: connection_error: "), r.describe());
    assertTrue(r.err().contains("request-id req_cut"), r.describe());
    assertEquals(1, server.requests(), r.describe());
  }

  @Test
  void should_not_follow_or_retry_a_redirect_and_name_its_status_and_location() throws IOException {
    CommandHarness h =
        harness(
            answer(
                "307 Temporary Redirect",
                List.of("Location: https://elsewhere.example/v1/messages", "request-id: req_r"),
                ""));

    CommandHarness.Result r = h.run("stream", "hi");

    assertEquals(1, r.exitCode(), r.describe());
    assertTrue(r.err().contains("307"), r.describe());
    assertTrue(r.err().contains("https://elsewhere.example/v1/messages"), r.describe());
    assertEquals(1, r.err().lines().count(), r.describe());
    assertEquals(1, server.requests(), r.describe());
  }

  @Test
  void should_not_retry_a_stream_request_answered_with_json_and_name_the_status()
      throws IOException {
    CommandHarness h =
        harness(
            answer(
                "200 OK",
                List.of("Content-Type: application/json", "request-id: req_j"),
                "{\"type\":\"message\"}"));

    CommandHarness.Result r = h.run("stream", "hi");

    assertEquals(1, r.exitCode(), r.describe());
    assertTrue(r.err().contains("HTTP 200"), r.describe());
    assertTrue(r.err().contains("application/json"), r.describe());
    assertTrue(r.err().contains("req_j"), r.describe());
    assertEquals(1, server.requests(), r.describe());
  }

  @Test
  void should_refuse_a_base_url_with_credentials_without_printing_or_sending_it()
      throws IOException {
    server = new RawServer(RawServer.hangUp());
    String url = server.baseUrl().replace("http://", "http://user:s3cr3t-pw@");
    CommandHarness h =
        new CommandHarness().env("ANTHROPIC_BASE_URL", url).env("ANTHROPIC_API_KEY", "sk-test");

    CommandHarness.Result r = h.run("--debug", "stream", "hi");

    assertEquals(2, r.exitCode(), r.describe());
    assertFalse(r.err().contains("s3cr3t-pw"), r.describe());
    assertFalse(r.out().contains("s3cr3t-pw"), r.describe());
    assertTrue(r.err().contains("credentials"), r.describe());
    assertEquals(0, server.requests(), r.describe());
  }

  @Test
  void should_number_stream_attempts_under_debug_and_name_the_request_id_in_the_error()
      throws IOException {
    CommandHarness h =
        harness(
            s -> {
              write(s, STREAM_HEAD + chunk(START + OVERLOADED) + "0\r\n\r\n");
              s.close();
            });

    CommandHarness.Result r = h.run("--debug", "--max-retries", "1", "stream", "hi");

    assertEquals(4, r.exitCode(), r.describe());
    assertEquals(2, server.requests(), r.describe());
    assertFalse(r.err().contains("(attempt 3)"), r.describe());
    for (int n = 1; n <= 2; n++) {
      assertTrue(r.err().contains("(attempt " + n + ")"), "attempt " + n + ": " + r.describe());
    }
    assertTrue(r.err().contains("retrying: POST /v1/messages"), r.describe());
    String last = r.err().lines().filter(l -> l.startsWith("error:")).findFirst().orElse("");
    assertTrue(last.contains("request-id req_cut"), r.describe());
  }

  @Test
  void should_refuse_standard_input_over_32_mb_before_sending() throws IOException {
    CommandHarness h = harness(RawServer.hangUp()).stdin(new byte[33 * 1024 * 1024]);

    CommandHarness.Result r = h.run("stream");

    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(r.err().contains("over 32 MB"), r.describe());
    assertEquals(0, server.requests(), r.describe());
  }
}
