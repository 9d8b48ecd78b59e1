package com.anthropic.tool.client;

import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Shared bits for client tests: requests, fixtures, free ports. */
public final class TestServers {
  public static final String MESSAGE =
      "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-x\","
          + "\"content\":[{\"type\":\"text\",\"text\":\"Hello\"}],\"stop_reason\":\"end_turn\","
          + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":3,\"output_tokens\":2}}";

  private TestServers() {}

  /** A small valid request; small max_tokens keeps the expected-duration timeout at zero. */
  public static MessagesRequest.Builder request() {
    return MessagesRequest.builder("claude-test", List.of(MessageParam.user("hi")), 16);
  }

  /** The shared fixtures folder, when present (system property shared.dir). */
  public static Optional<Path> sharedFixtures() {
    String dir = System.getProperty("shared.dir");
    if (dir == null) {
      return Optional.empty();
    }
    Path p = Path.of(dir, "fixtures");
    return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
  }

  /** A loopback port nothing listens on. */
  public static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  public static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }
}
