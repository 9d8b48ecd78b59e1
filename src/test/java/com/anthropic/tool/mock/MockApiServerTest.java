package com.anthropic.tool.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.error.ApiException;
import com.anthropic.tool.client.error.NotFoundException;
import com.anthropic.tool.client.http.Headers;
import com.anthropic.tool.client.model.Json;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mock's endpoints through a plain JDK HTTP client, errors read as the client reads them. */
class MockApiServerTest {
  private static MockApiServer mock;

  @BeforeAll
  static void start() {
    mock = MockApiServer.start(0);
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  /** Sends a JSON call; an error status throws the typed {@link ApiException}. */
  private static JsonObject call(String method, String path, JsonObject body) throws Exception {
    HttpResponse<String> r = raw(method, path, body == null ? null : Json.write(body));
    if (r.statusCode() >= 400) {
      List<Map.Entry<String, String>> pairs = new ArrayList<>();
      r.headers().map().forEach((k, vs) -> vs.forEach(v -> pairs.add(Map.entry(k, v))));
      throw ApiException.fromResponse(r.statusCode(), Headers.of(pairs), r.body());
    }
    return Json.parseObject(r.body());
  }

  private static JsonObject getJson(String path) throws Exception {
    return call("GET", path, null);
  }

  private static JsonObject postJson(String path, JsonObject body) throws Exception {
    return call("POST", path, body);
  }

  private static JsonObject request(String text, int maxTokens) {
    return Json.parseObject(
        "{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":"
            + maxTokens
            + ",\"messages\":[{\"role\":\"user\",\"content\":\""
            + text
            + "\"}]}");
  }

  private static HttpResponse<String> raw(String method, String path, String body, String... h)
      throws Exception {
    return rawAt(mock.baseUrl(), method, path, body, h);
  }

  private static HttpResponse<String> rawAt(
      String base, String method, String path, String body, String... h) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (h.length > 0) {
      b.headers(h);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void should_count_input_tokens_from_the_words_deterministically() throws Exception {
    JsonObject body = request("one two three", 1);
    body.remove("max_tokens");

    JsonObject first = postJson("/v1/messages/count_tokens", body);
    JsonObject again = postJson("/v1/messages/count_tokens", body);

    assertEquals(7, first.get("input_tokens").getAsInt()); // 3 words + 3 per message + 1
    assertEquals(first, again);
  }

  @Test
  void should_reject_max_tokens_in_a_count_tokens_body_like_the_api() throws Exception {
    ApiException e =
        assertThrows(
            ApiException.class, () -> postJson("/v1/messages/count_tokens", request("hi", 5)));

    assertEquals(400, e.status());
    assertEquals("invalid_request_error", e.type());
    assertTrue(e.errorMessage().contains("max_tokens"), e.errorMessage());
  }

  @Test
  void should_page_models_with_limit_after_id_and_before_id() throws Exception {
    JsonObject first = getJson("/v1/models?limit=2");
    JsonArray data = first.getAsJsonArray("data");
    assertEquals(2, data.size());
    assertTrue(first.get("has_more").getAsBoolean());
    assertEquals(data.get(0).getAsJsonObject().get("id"), first.get("first_id"));
    assertEquals(data.get(1).getAsJsonObject().get("id"), first.get("last_id"));

    List<String> all = new ArrayList<>();
    JsonObject page = first;
    while (true) {
      page.getAsJsonArray("data")
          .forEach(m -> all.add(m.getAsJsonObject().get("id").getAsString()));
      if (!page.get("has_more").getAsBoolean()) {
        break;
      }
      page = getJson("/v1/models?limit=2&after_id=" + page.get("last_id").getAsString());
    }
    assertEquals(MockModels.MODELS.size(), all.size());

    JsonObject before = getJson("/v1/models?limit=1&before_id=" + all.get(2));
    assertEquals(all.get(1), before.get("first_id").getAsString());
    assertTrue(before.get("has_more").getAsBoolean());
  }

  @Test
  void should_get_a_model_by_id_or_alias_and_404_an_unknown_one() throws Exception {
    JsonObject m = getJson("/v1/models/claude-sonnet-4-5");
    assertEquals("claude-sonnet-4-5-20250929", m.get("id").getAsString());
    assertEquals("model", m.get("type").getAsString());

    NotFoundException e =
        assertThrows(NotFoundException.class, () -> getJson("/v1/models/claude-nope"));
    assertEquals("not_found_error", e.type());
    assertTrue(e.requestId().orElse("").startsWith("req_mock_"), e.toString());
  }

  @Test
  void should_answer_unknown_paths_with_the_api_error_shape() throws Exception {
    HttpResponse<String> r = raw("GET", "/v2/whatever", null);

    assertEquals(404, r.statusCode());
    JsonObject body = Json.parseObject(r.body());
    assertEquals("error", body.get("type").getAsString());
    assertEquals("not_found_error", body.getAsJsonObject("error").get("type").getAsString());
    assertEquals(
        r.headers().firstValue("request-id").orElseThrow(), body.get("request_id").getAsString());
  }

  @Test
  void should_answer_400_for_invalid_json_and_missing_fields() throws Exception {
    HttpResponse<String> bad = raw("POST", "/v1/messages", "{not json");
    HttpResponse<String> missing =
        raw(
            "POST",
            "/v1/messages",
            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");

    for (HttpResponse<String> r : List.of(bad, missing)) {
      assertEquals(400, r.statusCode(), r.body());
      assertEquals(
          "invalid_request_error",
          Json.parseObject(r.body()).getAsJsonObject("error").get("type").getAsString());
    }
    assertTrue(missing.body().contains("max_tokens: Field required"), missing.body());
  }

  @Test
  void should_accept_requests_without_any_credentials() throws Exception {
    HttpResponse<String> r = raw("POST", "/v1/messages", Json.write(request("hi", 10)));

    assertEquals(200, r.statusCode(), r.body());
    assertEquals(
        "mock answer to: hi",
        Json.parseObject(r.body())
            .getAsJsonArray("content")
            .get(0)
            .getAsJsonObject()
            .get("text")
            .getAsString());
    assertTrue(r.headers().firstValue("request-id").orElse("").startsWith("req_mock_"));
  }

  @Test
  void should_answer_with_the_status_the_knob_asks_for() throws Exception {
    HttpResponse<String> r = raw("GET", "/v1/models", null, "x-mock-status", "529");
    HttpResponse<String> bad = raw("GET", "/v1/models", null, "x-mock-status", "200");

    assertEquals(529, r.statusCode());
    assertEquals(
        "overloaded_error",
        Json.parseObject(r.body()).getAsJsonObject("error").get("type").getAsString());
    assertEquals(400, bad.statusCode());
  }

  @Test
  void should_stop_at_a_stop_sequence() throws Exception {
    JsonObject body = request("alpha beta gamma", 50);
    JsonArray stops = new JsonArray();
    stops.add(" beta");
    body.add("stop_sequences", stops);

    JsonObject m = postJson("/v1/messages", body);

    assertEquals("stop_sequence", m.get("stop_reason").getAsString());
    assertEquals(" beta", m.get("stop_sequence").getAsString());
    assertEquals(
        "mock answer to: alpha",
        m.getAsJsonArray("content").get(0).getAsJsonObject().get("text").getAsString());
  }

  @Test
  void should_run_a_batch_through_its_whole_lifecycle() throws Exception {
    JsonObject create =
        Json.parseObject(
            "{\"requests\":[{\"custom_id\":\"a\",\"params\":"
                + Json.write(request("first", 100))
                + "},{\"custom_id\":\"b\",\"params\":{\"model\":\"m\",\"messages\":[]}}]}");

    JsonObject created = postJson("/v1/messages/batches", create);
    String id = created.get("id").getAsString();
    assertEquals("in_progress", created.get("processing_status").getAsString());
    assertEquals(2, created.getAsJsonObject("request_counts").get("processing").getAsInt());
    assertTrue(created.get("results_url").isJsonNull());

    JsonObject ended = getJson("/v1/messages/batches/" + id);
    assertEquals("ended", ended.get("processing_status").getAsString());
    assertEquals(1, ended.getAsJsonObject("request_counts").get("succeeded").getAsInt());
    assertEquals(1, ended.getAsJsonObject("request_counts").get("errored").getAsInt());
    assertEquals(
        mock.baseUrl() + "/v1/messages/batches/" + id + "/results",
        ended.get("results_url").getAsString());

    JsonObject list = getJson("/v1/messages/batches?limit=1");
    assertEquals(id, list.get("first_id").getAsString());

    List<String> lines;
    HttpResponse<String> results = raw("GET", "/v1/messages/batches/" + id + "/results", null);
    assertEquals("application/x-jsonl", results.headers().firstValue("content-type").orElse(""));
    lines = results.body().lines().toList();
    assertEquals(2, lines.size());
    JsonObject a = Json.parseObject(lines.get(0));
    assertEquals("a", a.get("custom_id").getAsString());
    assertEquals("succeeded", a.getAsJsonObject("result").get("type").getAsString());
    assertEquals(
        "mock answer to: first",
        a.getAsJsonObject("result")
            .getAsJsonObject("message")
            .getAsJsonArray("content")
            .get(0)
            .getAsJsonObject()
            .get("text")
            .getAsString());
    assertEquals(
        "errored",
        Json.parseObject(lines.get(1)).getAsJsonObject("result").get("type").getAsString());

    JsonObject deleted = call("DELETE", "/v1/messages/batches/" + id, null);
    assertEquals("message_batch_deleted", deleted.get("type").getAsString());
    assertThrows(NotFoundException.class, () -> getJson("/v1/messages/batches/" + id));
  }

  @Test
  void should_cancel_a_batch_and_refuse_to_delete_it_while_processing() throws Exception {
    JsonObject create =
        Json.parseObject(
            "{\"requests\":[{\"custom_id\":\"a\",\"params\":"
                + Json.write(request("x", 10))
                + "}]}");
    String id = postJson("/v1/messages/batches", create).get("id").getAsString();

    ApiException busy =
        assertThrows(ApiException.class, () -> call("DELETE", "/v1/messages/batches/" + id, null));
    assertEquals(400, busy.status());

    JsonObject canceling = call("POST", "/v1/messages/batches/" + id + "/cancel", null);
    assertEquals("canceling", canceling.get("processing_status").getAsString());
    assertFalse(canceling.get("cancel_initiated_at").isJsonNull());

    JsonObject ended = getJson("/v1/messages/batches/" + id);
    assertEquals("ended", ended.get("processing_status").getAsString());
    assertEquals(1, ended.getAsJsonObject("request_counts").get("canceled").getAsInt());
    assertNotNull(ended.get("ended_at").getAsString());
  }

  @Test
  void should_keep_a_batch_in_progress_for_the_polls_the_knob_asks_for() throws Exception {
    String body =
        "{\"requests\":[{\"custom_id\":\"a\",\"params\":" + Json.write(request("x", 10)) + "}]}";
    HttpResponse<String> created =
        raw("POST", "/v1/messages/batches", body, "x-mock-batch-polls", "3");
    String id = Json.parseObject(created.body()).get("id").getAsString();

    List<String> states = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      states.add(getJson("/v1/messages/batches/" + id).get("processing_status").getAsString());
    }
    assertEquals(List.of("in_progress", "in_progress", "ended"), states);
  }

  @Test
  void should_bind_loopback_and_close_idempotently() throws Exception {
    MockApiServer other = MockApiServer.start(0);
    assertTrue(other.baseUrl().startsWith("http://127.0.0.1:"));
    other.close();
    String base = other.baseUrl();
    other.close();
    assertThrows(java.io.IOException.class, () -> rawAt(base, "GET", "/v1/models", null));
  }
}
