package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.anthropic.tool.client.TestServers;
import com.anthropic.tool.client.model.Json;
import com.google.gson.JsonObject;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;

/**
 * Every request body the structured-output, effort, adaptive-thinking and file-id options produce,
 * validated against the request schema of Anthropic's OpenAPI spec (../shared/fixtures/openapi, the
 * 1.2 MB one) with networknt's JSON Schema validator. Skips when ../shared is absent.
 */
class SpecRequestBodiesTest {
  private static ClientAndServer server;
  private static JsonObject spec;
  private static final Map<String, Schema> SCHEMAS = new HashMap<>();
  @TempDir Path tmp;

  private static final String MESSAGE =
      "{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\",\"content\":"
          + "[{\"type\":\"text\",\"text\":\"{}\"}],\"stop_reason\":\"end_turn\"}";

  @BeforeAll
  static void start() throws IOException {
    Path dir = TestServers.sharedFixtures().map(p -> p.resolve("openapi")).orElse(null);
    Assumptions.assumeTrue(dir != null && Files.isDirectory(dir), "../shared/fixtures is absent");
    Path largest;
    try (Stream<Path> files = Files.list(dir)) {
      largest =
          files.max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
    }
    spec = Json.parseObject(Files.readString(largest, StandardCharsets.UTF_8));
    server = ClientAndServer.startClientAndServer(0);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @BeforeEach
  void reset() {
    server.reset();
    server
        .when(
            request()
                .withMethod("POST")
                .withPath("/v1/messages")
                .withBody(
                    org.mockserver.model.JsonBody.json(
                        "{\"stream\":true}",
                        org.mockserver.matchers.MatchType.ONLY_MATCHING_FIELDS)))
        .respond(
            response()
                .withHeader("content-type", "text/event-stream")
                .withBody(
                    "event: message_start\ndata: {\"type\":\"message_start\",\"message\":"
                        + "{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\","
                        + "\"content\":[],\"stop_reason\":null}}\n\n"
                        + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"));
    server
        .when(request().withMethod("POST").withPath("/v1/messages"))
        .respond(response().withBody(MESSAGE));
    server
        .when(request().withMethod("POST").withPath("/v1/messages/count_tokens"))
        .respond(response().withBody("{\"input_tokens\":3}"));
    server
        .when(request().withMethod("POST").withPath("/v1/messages/batches"))
        .respond(
            response()
                .withBody(
                    "{\"id\":\"msgbatch_1\",\"type\":\"message_batch\","
                        + "\"processing_status\":\"in_progress\",\"request_counts\":{},"
                        + "\"created_at\":\"2024-09-24T18:37:24Z\"}"));
    for (String[] f : new String[][] {{"file_img", "image/png"}, {"file_pdf", "application/pdf"}}) {
      server
          .when(request().withMethod("GET").withPath("/v1/files/" + f[0]))
          .respond(
              response()
                  .withBody(
                      "{\"id\":\""
                          + f[0]
                          + "\",\"type\":\"file\",\"filename\":\"x\",\"mime_type\":\""
                          + f[1]
                          + "\",\"size_bytes\":1,\"created_at\":\"2025-04-15T18:37:24Z\"}"));
    }
  }

  /** The spec's component schema {@code name}, its {@code $ref}s resolved inside the spec. */
  private static synchronized Schema schema(String name) {
    return SCHEMAS.computeIfAbsent(
        name,
        n -> {
          JsonObject root = spec.deepCopy();
          root.addProperty("$ref", "#/components/schemas/" + n);
          return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
              .getSchema(Json.write(root), InputFormat.JSON);
        });
  }

  private static List<Error> errors(String schemaName, JsonObject body) {
    return schema(schemaName).validate(Json.write(body), InputFormat.JSON);
  }

  private CommandHarness harness() {
    return new CommandHarness()
        .env("ANTHROPIC_BASE_URL", "http://127.0.0.1:" + server.getPort())
        .env("ANTHROPIC_API_KEY", "sk-test")
        .env("XDG_CONFIG_HOME", tmp.resolve("config").toString())
        .env("XDG_CACHE_HOME", tmp.resolve("cache").toString());
  }

  private JsonObject sent(String path, String... args) {
    CommandHarness.Result r = harness().stdin("one prompt\nanother\n").run(args);
    assertEquals(0, r.exitCode(), r.describe());
    HttpRequest[] sent = server.retrieveRecordedRequests(request().withPath(path));
    assertEquals(1, sent.length, r.describe());
    server.clear(request().withPath(path), org.mockserver.model.ClearType.LOG);
    return Json.parseObject(new String(sent[0].getBodyAsRawBytes(), StandardCharsets.UTF_8));
  }

  private static void assertValid(String schemaName, JsonObject body) {
    assertEquals(List.of(), errors(schemaName, body), schemaName + ": " + Json.write(body));
  }

  @Test
  void should_send_schema_effort_and_thinking_bodies_the_spec_accepts() throws IOException {
    Path file = tmp.resolve("schema.json");
    Files.writeString(
        file,
        "{\"type\":\"object\",\"properties\":{\"tags\":{\"type\":\"array\",\"items\":"
            + "{\"type\":\"string\"}}},\"required\":[\"tags\"],\"additionalProperties\":false}");
    String spec = "name, born int, height float: in metres, alive bool, bio: one line";
    String[][] forms = {
      {"messages", "--schema", spec, "Who?"},
      {"messages", "--schema", file.toString(), "Tag it"},
      {"messages", "--schema", "{\"type\":\"object\"}", "Hi"},
      {"messages", "--effort", "max", "Hi"},
      {"messages", "--effort", "low", "--schema", "a", "--thinking", "adaptive", "Hi"},
      {"messages", "--thinking", "2048", "--max-tokens", "4096", "Hi"},
      {"stream", "--schema", spec, "--effort", "high", "Hi"},
    };
    for (String[] args : forms) {
      assertValid("CreateMessageParams", sent("/v1/messages", args));
    }
    assertValid(
        "CountMessageTokensParams",
        sent(
            "/v1/messages/count_tokens",
            "count-tokens",
            "--schema",
            spec,
            "--effort",
            "medium",
            "--thinking",
            "adaptive",
            "Hi"));
    assertValid(
        "CreateMessageBatchParams",
        sent(
            "/v1/messages/batches",
            "batches",
            "create",
            "--prompts",
            "-",
            "--schema",
            spec,
            "--effort",
            "low"));
  }

  @Test
  void should_send_file_id_attachments_the_beta_spec_accepts() {
    JsonObject body = sent("/v1/messages", "messages", "-a", "file_img", "-a", "file_pdf", "Hi");

    assertValid("BetaCreateMessageParams", body);
    assertFalse(
        errors("CreateMessageParams", body).isEmpty(),
        "file sources exist only in the beta schema: the check can tell the two apart");
  }

  @Test
  void should_reject_what_the_api_would_so_the_check_is_real() {
    JsonObject body =
        Json.parseObject(
            "{\"model\":\"m\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
                + "\"output_config\":{\"effort\":\"extreme\"}}");
    assertFalse(errors("CreateMessageParams", body).isEmpty());
    body.add("output_config", Json.parseObject("{\"format\":{\"type\":\"json_schema\"}}"));
    assertFalse(errors("CreateMessageParams", body).isEmpty(), "format needs a schema");
    body.add("output_config", Json.parseObject("{\"effort\":\"xhigh\"}"));
    assertEquals(List.of(), errors("CreateMessageParams", body));
  }
}
