package com.anthropic.tool.client;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.anthropic.tool.client.error.InvalidResponseException;
import com.anthropic.tool.client.model.ListParams;
import com.anthropic.tool.client.stream.StreamAccumulator;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;

/**
 * A 200 answer that is JSON of the wrong shape (a token count that is not a number: the fuzzer's
 * finding) is the typed {@link InvalidResponseException} for every call that reads one, never a
 * {@link NumberFormatException} or another exception of the reader's own.
 */
class MalformedResponsesTest {
  private static ClientAndServer server;

  @BeforeAll
  static void start() {
    server = ClientAndServer.startClientAndServer(0);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.reset();
  }

  private void answer(String path, String body, String contentType) {
    server
        .when(request().withPath(path))
        .respond(response().withHeader("content-type", contentType).withBody(body));
  }

  private void assertInvalid(Consumer<AnthropicClient> call) {
    try (AnthropicClient c =
        AnthropicClient.builder()
            .apiKey("sk-test")
            .baseUrl("http://127.0.0.1:" + server.getPort())
            .retryPolicy(com.anthropic.tool.client.http.RetryPolicy.none())
            .build()) {
      InvalidResponseException e =
          assertThrows(InvalidResponseException.class, () -> call.accept(c));
      assertTrue(e.getMessage().contains("must be a number"), e.getMessage());
    }
  }

  @Test
  void should_report_a_message_whose_usage_is_not_a_number_as_an_invalid_response() {
    answer(
        "/v1/messages",
        "{\"type\":\"message\",\"content\":[],\"usage\":{\"input_tokens\":\"many\"}}",
        "application/json");
    assertInvalid(c -> c.messages(TestServers.request().build()));
  }

  @Test
  void should_report_a_streamed_usage_that_is_not_a_number_as_an_invalid_response() {
    answer(
        "/v1/messages",
        "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"type\":\"message\","
            + "\"content\":[],\"usage\":{\"input_tokens\":1}}}\n\n"
            + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
            + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
            + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
            + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}\n\n"
            + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{},"
            + "\"usage\":{\"output_tokens\":\"overloaded\"}}\n\n"
            + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n",
        "text/event-stream");
    assertInvalid(
        c ->
            StreamAccumulator.collect(
                c.messagesStream(TestServers.request().stream(true).build())));
  }

  @Test
  void should_report_wrong_numbers_in_every_other_answer_as_an_invalid_response() {
    answer("/v1/messages/count_tokens", "{\"input_tokens\":\"x\"}", "application/json");
    assertInvalid(c -> c.countTokens(TestServers.request().build()));
    String batch =
        "{\"id\":\"msgbatch_1\",\"type\":\"message_batch\",\"processing_status\":\"ended\","
            + "\"request_counts\":{\"succeeded\":\"all\"}}";
    answer("/v1/messages/batches/msgbatch_1", batch, "application/json");
    assertInvalid(c -> c.batches().get("msgbatch_1"));
    answer("/v1/messages/batches", "{\"data\":[" + batch + "]}", "application/json");
    assertInvalid(c -> c.batches().list(ListParams.defaults()));
    answer("/v1/files/file_1", "{\"id\":\"file_1\",\"size_bytes\":\"big\"}", "application/json");
    assertInvalid(c -> c.files().get("file_1"));
  }
}
