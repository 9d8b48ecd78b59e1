package com.anthropic.tool.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.error.InvalidRequestException;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Request bodies over the API's size limits are refused before anything is sent. */
class RequestLimitsTest {
  private RawServer server;
  private AnthropicClient client;

  @BeforeEach
  void start() throws Exception {
    server = new RawServer(RawServer.hangUp());
    client = AnthropicClient.builder().apiKey("k").baseUrl(server.baseUrl()).maxRetries(0).build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
  }

  private static MessagesRequest ofSize(int chars) {
    return MessagesRequest.builder("m", List.of(MessageParam.user("x".repeat(chars))), 16).build();
  }

  private void assertRefused(Executable call, String size) {
    InvalidRequestException e = assertThrows(InvalidRequestException.class, call);
    assertEquals(
        "the request body is " + size + ", over the API's limit of 32 MB; nothing was sent",
        e.getMessage());
    assertEquals(0, server.requests());
  }

  @Test
  void should_refuse_a_messages_body_over_32_mb_naming_its_size() {
    MessagesRequest big = ofSize(33 * 1024 * 1024);

    assertRefused(() -> client.messages(big), "33.0 MB");
    assertRefused(() -> client.countTokens(big), "33.0 MB");
    assertRefused(() -> client.messagesStream(big), "33.0 MB");
  }

  @Test
  void should_count_multi_byte_characters_as_their_utf8_bytes() {
    // 12 M three-byte characters: 36 MB on the wire though the string has 12 M chars
    MessagesRequest big =
        ofSize(0).toBuilder()
            .messages(List.of(MessageParam.user("€".repeat(12 * 1024 * 1024))))
            .build();

    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> client.messages(big));
    assertTrue(e.getMessage().startsWith("the request body is 36.0 MB"), e.getMessage());
  }

  @Test
  void should_send_a_body_just_under_the_limit() {
    MessagesRequest fits = ofSize(32 * 1024 * 1024 - 200);

    // the server hangs up: it was sent, and failed as a connection error, not refused
    assertThrows(
        com.anthropic.tool.client.error.ConnectionException.class, () -> client.messages(fits));
    assertEquals(1, server.requests());
  }
}
