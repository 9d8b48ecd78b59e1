package com.anthropic.tool.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MockTextTest {
  private static final String BODY =
      "{\"model\":\"m\",\"max_tokens\":5,\"stream\":%s,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpRequest request(MockApiServer mock, boolean stream, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/v1/messages"))
            .POST(HttpRequest.BodyPublishers.ofString(String.format(BODY, stream)));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return b.build();
  }

  /** The text deltas of a streamed answer, in order. */
  private static List<String> deltas(String sse) {
    List<String> out = new ArrayList<>();
    for (String line : sse.split("\n")) {
      if (line.startsWith("data: ") && line.contains("text_delta")) {
        JsonObject o = JsonParser.parseString(line.substring(6)).getAsJsonObject();
        out.add(o.getAsJsonObject("delta").get("text").getAsString());
      }
    }
    return out;
  }

  @Test
  void x_mock_text_is_answered_exactly_in_deltas_of_a_few_characters() throws Exception {
    try (MockApiServer mock = MockApiServer.start(0)) {
      String sse =
          http.send(
                  request(mock, true, "x-mock-text", "# Title\\n\\n  two  spaces\\tand a tab\\n"),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      List<String> d = deltas(sse);
      assertEquals("# Title\n\n  two  spaces\tand a tab\n", String.join("", d), sse);
      assertTrue(d.size() > 5 && d.stream().allMatch(s -> s.length() <= 4), d.toString());
      String plain =
          http.send(
                  request(mock, false, "x-mock-text", "a\\nb"),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertTrue(plain.contains("\"text\":\"a\\nb\""), plain);
    }
  }

  @Test
  void replies_answer_one_request_each_in_order_then_the_usual_answer() throws Exception {
    List<String> replies = MockApiServer.replies("first\n  kept  \n---\nsecond\n");
    assertEquals(List.of("first\n  kept  ", "second"), replies);
    try (MockApiServer mock = MockApiServer.start(0, replies, 0)) {
      List<String> got = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        got.add(
            String.join(
                "",
                deltas(
                    http.send(request(mock, true), HttpResponse.BodyHandlers.ofString()).body())));
      }
      assertEquals("first\n  kept  ", got.get(0));
      assertEquals("second", got.get(1));
      assertTrue(got.get(2).startsWith("mock answer to:"), got.get(2));
    }
  }

  @Test
  void a_paced_answer_does_not_hold_up_other_requests() throws Exception {
    try (MockApiServer mock = MockApiServer.start(0)) {
      HttpResponse<java.io.InputStream> slow =
          http.send(
              request(mock, true, "x-mock-text", "x".repeat(300), "x-mock-pace", "200"),
              HttpResponse.BodyHandlers.ofInputStream());
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(slow.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null && !line.contains("text_delta")) {
          // up to the first delta: the slow answer is under way (99 more, 200 ms apart)
        }
        long t0 = System.nanoTime();
        String other =
            http.send(
                    request(mock, false, "x-mock-text", "quick"),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        assertTrue(other.contains("quick"), other);
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "the other request waited");
      }
    }
  }

  @Test
  void a_bad_pace_is_a_400() throws Exception {
    try (MockApiServer mock = MockApiServer.start(0)) {
      HttpResponse<String> r =
          http.send(
              request(mock, true, "x-mock-pace", "soon"), HttpResponse.BodyHandlers.ofString());
      assertEquals(400, r.statusCode(), r.body());
    }
  }
}
