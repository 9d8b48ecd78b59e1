package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import com.anthropic.tool.client.model.Json;
import com.google.gson.JsonObject;
import com.networknt.schema.Error;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
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
  @TempDir Path tmp;

  private static final String MESSAGE =
      "{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\",\"content\":"
          + "[{\"type\":\"text\",\"text\":\"{}\"}],\"stop_reason\":\"end_turn\"}";

  @BeforeAll
  static void start() throws IOException {
    spec = SpecSchemas.spec();
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

  private static List<Error> errors(String schemaName, JsonObject body) {
    return SpecSchemas.errors(schemaName, body);
  }

  private CommandHarness harness() {
    return new CommandHarness()
        .env("ANTHROPIC_BASE_URL", "http://127.0.0.1:" + server.getPort())
        .env("ANTHROPIC_API_KEY", "sk-test")
        .env("PATH", System.getenv("PATH")) // a --tool command (cat) is looked up before sending
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

  /** The request flags, each form once; every command sends a body for each. */
  private List<String[]> variants() throws IOException {
    Path d = tmp.resolve("in");
    Files.createDirectories(d);
    Files.writeString(d.resolve("system.txt"), "You are terse.\n");
    Files.writeString(
        d.resolve("schema.json"),
        "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},"
            + "\"required\":[\"a\"],\"additionalProperties\":false}");
    Files.write(
        d.resolve("pic.png"),
        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H'});
    Files.write(d.resolve("pic.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2});
    Files.writeString(d.resolve("pic.gif"), "GIF89a....");
    Files.writeString(d.resolve("pic.webp"), "RIFF\0\0\0\0WEBPVP8 ");
    Files.writeString(d.resolve("paper.pdf"), "%PDF-1.4\n%\u00e2\n1 0 obj\n<<>>\nendobj\n");
    Files.writeString(d.resolve("notes.md"), "# Notes\n\nplain text\n");
    Files.writeString(
        d.resolve("tool.json"),
        "{\"name\":\"get_weather\",\"description\":\"Weather\",\"input_schema\":"
            + "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
            + "\"required\":[\"city\"]},\"command\":[\"cat\"]}");
    Files.writeString(
        d.resolve("request.json"),
        "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":2048,"
            + "\"system\":[{\"type\":\"text\",\"text\":\"From the file.\"}],"
            + "\"metadata\":{\"user_id\":\"user-123\"},"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Oslo?\"},"
            + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_1\","
            + "\"name\":\"get_weather\",\"input\":{\"city\":\"Oslo\"}}]},"
            + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":"
            + "\"toolu_1\",\"content\":[{\"type\":\"text\",\"text\":\"-3 C\"}]}]}],"
            + "\"tools\":[{\"type\":\"web_search_20250305\",\"name\":\"web_search\","
            + "\"max_uses\":2},{\"type\":\"web_fetch_20250910\",\"name\":\"web_fetch\"},"
            + "{\"type\":\"code_execution_20250825\",\"name\":\"code_execution\"},"
            + "{\"type\":\"bash_20250124\",\"name\":\"bash\"},"
            + "{\"type\":\"text_editor_20250728\",\"name\":\"str_replace_based_edit_tool\"},"
            + "{\"type\":\"memory_20250818\",\"name\":\"memory\"}],"
            + "\"tool_choice\":{\"type\":\"auto\",\"disable_parallel_tool_use\":true}}");
    String in = d + "/";
    String tool = in + "tool.json";
    return List.of(
        new String[] {},
        new String[] {"-m", "claude-opus-4-1"},
        new String[] {"--max-tokens", "100"},
        new String[] {"-s", "Be brief."},
        new String[] {"--system-file", in + "system.txt"},
        new String[] {"-t", "0.3"},
        new String[] {"--top-p", "0.9"},
        new String[] {"--top-k", "5"},
        new String[] {"--stop", "END", "--stop", "\n\nHuman:"},
        new String[] {"--thinking", "2048", "--max-tokens", "4096"},
        new String[] {"--thinking", "adaptive"},
        new String[] {"--thinking", "0"},
        new String[] {"--effort", "low"},
        new String[] {"--effort", "medium"},
        new String[] {"--effort", "high"},
        new String[] {"--effort", "xhigh"},
        new String[] {"--effort", "max"},
        new String[] {"--schema", "name, age int: in years, score float, ok bool"},
        new String[] {"--schema", in + "schema.json"},
        new String[] {"--schema", "{\"type\":\"object\"}"},
        new String[] {"--service-tier", "auto"},
        new String[] {"--service-tier", "standard_only"},
        new String[] {"-a", in + "pic.png"},
        new String[] {"-a", in + "pic.jpg", "-a", in + "pic.gif", "-a", in + "pic.webp"},
        new String[] {"-a", in + "paper.pdf"},
        new String[] {"-a", in + "notes.md"},
        new String[] {"-a", "https://example.com/cat.png"},
        new String[] {"-a", "https://example.com/paper.pdf"},
        new String[] {"-a", "file_img"},
        new String[] {"-a", "file_pdf"},
        new String[] {"--cache"},
        new String[] {"--cache-ttl", "5m", "-s", "Cached system."},
        new String[] {"--cache-ttl", "1h", "-a", in + "paper.pdf"},
        new String[] {"--tool", tool},
        new String[] {"--tool", tool, "--tool-choice", "auto"},
        new String[] {"--tool", tool, "--tool-choice", "any"},
        new String[] {"--tool", tool, "--tool-choice", "none"},
        new String[] {"--tool", tool, "--tool-choice", "get_weather"},
        new String[] {"--request", in + "request.json"},
        new String[] {
          "--request", in + "request.json", "-m", "claude-haiku-4-5", "--cache", "-t", "1"
        },
        new String[] {
          "--thinking", "1024", "--max-tokens", "2048", "--effort", "high", "--schema", "a",
          "--cache-ttl", "1h", "-s", "All at once.", "--stop", "X", "--service-tier", "auto",
          "--tool", tool, "--tool-choice", "any", "-a", in + "pic.png", "-a", "file_pdf"
        });
  }

  /** Where each command sends its body, and the spec's schema for it (beta with file ids). */
  private record Command(String[] args, String path, String schema, String beta) {}

  private static final List<Command> COMMANDS =
      List.of(
          new Command(
              new String[] {"messages", "-n"},
              "/v1/messages",
              "CreateMessageParams",
              "BetaCreateMessageParams"),
          new Command(
              new String[] {"stream", "-n"},
              "/v1/messages",
              "CreateMessageParams",
              "BetaCreateMessageParams"),
          new Command(
              new String[] {"tool-loop", "-n"},
              "/v1/messages",
              "CreateMessageParams",
              "BetaCreateMessageParams"),
          new Command(
              new String[] {"count-tokens", "-n"},
              "/v1/messages/count_tokens",
              "CountMessageTokensParams",
              "BetaCountMessageTokensParams"),
          new Command(
              new String[] {"batches", "create", "--prompts", "-"},
              "/v1/messages/batches",
              "CreateMessageBatchParams",
              "BetaCreateMessageBatchParams"));

  @Test
  void should_send_only_bodies_the_spec_accepts_for_every_request_flag_of_every_command()
      throws IOException {
    List<String[]> variants = variants();
    List<String> rows = new ArrayList<>();
    List<String> invalid = new ArrayList<>();
    int total = 0;
    for (Command c : COMMANDS) {
      int valid = 0;
      int beta = 0;
      for (String[] v : variants) {
        List<String> args = new ArrayList<>(List.of(c.args()));
        args.addAll(List.of(v));
        if (!c.args()[0].equals("batches")) {
          args.add("Hi"); // a batch's prompts are the lines on stdin
        }
        JsonObject body = sent(c.path(), args.toArray(String[]::new));
        boolean usesFiles = Json.write(body).contains("\"file_id\"");
        String schema = usesFiles ? c.beta() : c.schema();
        List<Error> errors = errors(schema, body);
        if (v.length == 0) {
          // the control: the same schema refuses the body with a field the API does not take
          JsonObject bogus = body.deepCopy();
          bogus.addProperty("bogus_field", 1);
          assertFalse(errors(schema, bogus).isEmpty(), schema + " refuses an unknown field");
        }
        if (errors.isEmpty()) {
          valid++;
          beta += usesFiles ? 1 : 0;
        } else {
          invalid.add(
              String.join(" ", args) + " -> " + schema + ": " + errors + "\n  " + Json.write(body));
        }
        total++;
      }
      rows.add(
          "| `"
              + String.join(" ", c.args())
              + "` | "
              + c.path()
              + " | "
              + variants.size()
              + " | "
              + valid
              + " ("
              + beta
              + " against "
              + c.beta()
              + ") | "
              + c.schema()
              + " |");
    }
    assertEquals(List.of(), invalid, "bodies the spec refuses");
    rows.add("| all | | " + total + " | " + total + " | |");
    ReliabilityDoc.section("api-fidelity-requests", rows.size(), rows);
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

  /** A server tool flag form and the fields it must send, exactly. */
  private record ServerToolCase(String[] args, String fields) {}

  private static final String TOKEN = "tok-secret-0123456789";

  private static List<ServerToolCase> serverToolCases() {
    String search = "{\"type\":\"web_search_20260209\",\"name\":\"web_search\"";
    String fetch = "{\"type\":\"web_fetch_20260309\",\"name\":\"web_fetch\"";
    String code = "{\"type\":\"code_execution_20260120\",\"name\":\"code_execution\"}";
    String mcp =
        "\"mcp_servers\":[{\"type\":\"url\",\"url\":\"https://mcp.example.com/sse\","
            + "\"name\":\"docs\",\"authorization_token\":\""
            + TOKEN
            + "\"}]";
    String toolset = "{\"type\":\"mcp_toolset\",\"mcp_server_name\":\"docs\"}";
    String mcpFlag = "https://mcp.example.com/sse name=docs token-env=MCP_TOKEN";
    return List.of(
        new ServerToolCase(new String[] {"--web-search"}, "{\"tools\":[" + search + "}]}"),
        new ServerToolCase(
            new String[] {"--web-search-max-uses", "3"},
            "{\"tools\":[" + search + ",\"max_uses\":3}]}"),
        new ServerToolCase(
            new String[] {
              "--web-search",
              "--allow-domain",
              "en.wikipedia.org",
              "--allow-domain",
              "docs.x.org/api"
            },
            "{\"tools\":["
                + search
                + ",\"allowed_domains\":[\"en.wikipedia.org\",\"docs.x.org/api\"]}]}"),
        new ServerToolCase(
            new String[] {"--web-search", "--block-domain", "spam.example"},
            "{\"tools\":[" + search + ",\"blocked_domains\":[\"spam.example\"]}]}"),
        new ServerToolCase(
            new String[] {"--web-search", "--user-location", "Oslo,Oslo,no,Europe/Oslo"},
            "{\"tools\":["
                + search
                + ",\"user_location\":{\"type\":\"approximate\",\"city\":\"Oslo\","
                + "\"region\":\"Oslo\",\"country\":\"NO\",\"timezone\":\"Europe/Oslo\"}}]}"),
        new ServerToolCase(
            new String[] {"--web-search", "--user-location", ",,US"},
            "{\"tools\":["
                + search
                + ",\"user_location\":{\"type\":\"approximate\",\"country\":\"US\"}}]}"),
        new ServerToolCase(new String[] {"--web-fetch"}, "{\"tools\":[" + fetch + "}]}"),
        new ServerToolCase(
            new String[] {"--web-fetch-max-uses", "2", "--allow-domain", "example.com"},
            "{\"tools\":[" + fetch + ",\"max_uses\":2,\"allowed_domains\":[\"example.com\"]}]}"),
        new ServerToolCase(
            new String[] {"--web-search", "--web-fetch", "--block-domain", "x.example"},
            "{\"tools\":["
                + search
                + ",\"blocked_domains\":[\"x.example\"]},"
                + fetch
                + ",\"blocked_domains\":[\"x.example\"]}]}"),
        new ServerToolCase(new String[] {"--code-execution"}, "{\"tools\":[" + code + "]}"),
        new ServerToolCase(
            new String[] {"--code-execution", "--container", "container_011"},
            "{\"tools\":[" + code + "],\"container\":\"container_011\"}"),
        new ServerToolCase(
            new String[] {"--metadata-user", "user-7f3a"},
            "{\"metadata\":{\"user_id\":\"user-7f3a\"}}"),
        new ServerToolCase(new String[] {"--inference-geo", "us"}, "{\"inference_geo\":\"us\"}"),
        new ServerToolCase(
            new String[] {"--mcp-server", mcpFlag}, "{\"tools\":[" + toolset + "]," + mcp + "}"),
        new ServerToolCase(
            new String[] {
              "--mcp-server",
              "https://a.example.com/mcp",
              "--mcp-server",
              "https://b.example.com/x name=b"
            },
            "{\"tools\":[{\"type\":\"mcp_toolset\",\"mcp_server_name\":\"a-example-com\"},"
                + "{\"type\":\"mcp_toolset\",\"mcp_server_name\":\"b\"}],"
                + "\"mcp_servers\":[{\"type\":\"url\",\"url\":\"https://a.example.com/mcp\","
                + "\"name\":\"a-example-com\"},{\"type\":\"url\","
                + "\"url\":\"https://b.example.com/x\",\"name\":\"b\"}]}"),
        new ServerToolCase(
            new String[] {
              "--web-search-max-uses",
              "1",
              "--web-fetch",
              "--code-execution",
              "--container",
              "c1",
              "--mcp-server",
              mcpFlag,
              "--metadata-user",
              "u1",
              "--inference-geo",
              "global",
              "--citations"
            },
            "{\"tools\":["
                + search
                + ",\"max_uses\":1},"
                + fetch
                + "},"
                + code
                + ","
                + toolset
                + "],"
                + mcp
                + ",\"container\":\"c1\",\"metadata\":{\"user_id\":\"u1\"},"
                + "\"inference_geo\":\"global\"}"));
  }

  @Test
  void should_send_exactly_the_server_tool_fields_the_spec_accepts_with_the_beta_only_for_mcp() {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Command c : COMMANDS) {
      if (c.args()[0].equals("count-tokens")) {
        continue; // the server tool options are not count-tokens options
      }
      boolean batch = c.args()[0].equals("batches");
      for (ServerToolCase v : serverToolCases()) {
        List<String> args = new ArrayList<>(List.of(c.args()));
        args.addAll(List.of(v.args()));
        if (!batch) {
          args.add("Hi");
        }
        CommandHarness.Result r =
            harness()
                .env("MCP_TOKEN", TOKEN)
                .stdin("one prompt\nanother\n")
                .run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.describe());
        assertFalse(
            (r.out() + r.err()).contains(TOKEN), "the MCP token is never shown: " + r.describe());
        HttpRequest[] sent = server.retrieveRecordedRequests(request().withPath(c.path()));
        assertEquals(1, sent.length, r.describe());
        server.clear(request().withPath(c.path()), org.mockserver.model.ClearType.LOG);
        JsonObject body =
            Json.parseObject(new String(sent[0].getBodyAsRawBytes(), StandardCharsets.UTF_8));
        JsonObject params =
            batch
                ? body.getAsJsonArray("requests").get(0).getAsJsonObject().getAsJsonObject("params")
                : body;
        JsonObject want = Json.parseObject(v.fields());
        for (String field :
            List.of("tools", "mcp_servers", "container", "metadata", "inference_geo")) {
          if (!java.util.Objects.equals(want.get(field), params.get(field))) {
            failures.add(
                String.join(" ", args)
                    + ": "
                    + field
                    + " "
                    + params.get(field)
                    + ", want "
                    + want.get(field));
          }
        }
        boolean mcp = want.has("mcp_servers");
        String schema = mcp ? c.beta() : c.schema();
        List<Error> errors = errors(schema, body);
        if (!errors.isEmpty()) {
          failures.add(String.join(" ", args) + " -> " + schema + ": " + errors);
        }
        String beta = sent[0].getFirstHeader("anthropic-beta");
        if (mcp != beta.contains("mcp-client-2025-11-20")) {
          failures.add(String.join(" ", args) + ": anthropic-beta '" + beta + "'");
        }
        checked++;
      }
    }
    assertEquals(List.of(), failures);
    assertEquals(4 * serverToolCases().size(), checked);
  }

  @Test
  void should_tell_the_beta_schema_from_the_plain_one_for_mcp_servers() {
    JsonObject body =
        sent(
            "/v1/messages",
            "messages",
            "--mcp-server",
            "https://mcp.example.com/sse name=docs",
            "Hi");
    assertValid("BetaCreateMessageParams", body);
    assertFalse(
        errors("CreateMessageParams", body).isEmpty(),
        "mcp_servers exists only in the beta schema: the check can tell the two apart");
  }
}
