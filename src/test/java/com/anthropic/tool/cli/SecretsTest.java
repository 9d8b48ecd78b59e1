package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.Faults;
import com.anthropic.tool.client.RawServer;
import com.anthropic.tool.client.RecordingSleeper;
import com.anthropic.tool.client.tools.ScriptedApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's secrets grep: with a recognisable API key, auth token, URL password and a credential
 * in {@code ANTHROPIC_CUSTOM_HEADERS}, every stdout, stderr and file the tool writes (HOME and the
 * XDG directories walked, {@code --output} files included) is searched for them, over the fault
 * matrix and the bad-input matrix run under {@code --debug}, and over the outputs that handle
 * credentials on purpose: {@code --debug} and {@code -u} on good answers, {@code tool-loop
 * --trace}, saved chat conversations, batches and files output, {@code config list}, {@code keys
 * set}, the error lines after 401 and 403. A tool started by {@code tool-loop} dumps its
 * environment, and so does an {@code --mcp} server: no credential variable's name nor value is in
 * it (while the custom header did reach the API). Each scenario also checks that the credential was
 * really sent (in its header, and only there), so a run that never used it cannot pass. The
 * scenarios are the "Secrets" table in docs/reliability.md.
 */
class SecretsTest {
  static final String KEY = "sk-ant-api03-SECRETKEYMIDDLE-0123456789-wxyz";
  static final String TOKEN = "SECRETTOKENMIDDLE-tok-9876543210";
  static final String PASSWORD = "SECRETPASSWORD-x1";

  /** A credential in ANTHROPIC_CUSTOM_HEADERS (a gateway's own key, say). */
  static final String HEADER_SECRET = "SECRETHEADERMIDDLE-hdr-5551212";

  static final String CUSTOM_HEADER = "x-gateway-auth";

  /** What may never appear: the distinctive middles (a masked "sk-ant-api03-…wxyz" is fine). */
  static final List<String> FORBIDDEN =
      List.of("SECRETKEYMIDDLE", "SECRETTOKENMIDDLE", PASSWORD, HEADER_SECRET);

  static final String BATCH = "msgbatch_secret";
  static final String FILE_META =
      "{\"id\":\"file_1\",\"type\":\"file\",\"filename\":\"notes.txt\",\"mime_type\":\"text/plain\","
          + "\"size_bytes\":5,\"created_at\":\"2025-01-01T00:00:00Z\",\"downloadable\":true}";

  @TempDir static Path tmp;
  static RawServer good;
  static RawServer denied;
  static final List<String> OUTCOMES = new ArrayList<>();
  static int planned;

  @BeforeAll
  static void start() throws IOException {
    String[] base = new String[1];
    good = new RawServer((r, n) -> answer(r, base[0]));
    base[0] = good.baseUrl();
    denied =
        new RawServer(
            (r, n) -> {
              int status =
                  r.head().toLowerCase(java.util.Locale.ROOT).contains("x-api-key") ? 401 : 403;
              return Faults.json(
                  status,
                  "{\"type\":\"error\",\"error\":{\"type\":\""
                      + (status == 401 ? "authentication_error" : "permission_error")
                      + "\",\"message\":\"denied\"},\"request_id\":\"req_denied\"}");
            });
  }

  @AfterAll
  static void stop() throws IOException {
    good.close();
    denied.close();
    ReliabilityDoc.section("secrets", planned, OUTCOMES);
  }

  /** A good answer for every endpoint the scenarios call. */
  static RawServer.Script answer(RawServer.Request r, String base) {
    String p = r.path();
    String batch =
        "{\"id\":\""
            + BATCH
            + "\",\"type\":\"message_batch\",\"processing_status\":\"ended\","
            + "\"request_counts\":{\"processing\":0,\"succeeded\":0,\"errored\":0,"
            + "\"canceled\":1,\"expired\":1},\"created_at\":\"2024-09-24T18:37:24Z\","
            + "\"results_url\":\""
            + base
            + "/v1/messages/batches/"
            + BATCH
            + "/results\"}";
    return switch (p) {
      case "/v1/messages" ->
          r.body().contains("\"stream\":true")
              ? Faults.sse(FaultMatrixTest.STREAM)
              : Faults.json(200, FaultMatrixTest.MESSAGE);
      case "/v1/messages/count_tokens" -> Faults.json(200, "{\"input_tokens\":42}");
      case "/v1/models" -> Faults.json(200, FaultMatrixTest.MODELS);
      case "/v1/messages/batches", "/v1/messages/batches/" + BATCH -> Faults.json(200, batch);
      case "/v1/messages/batches/" + BATCH + "/results" ->
          Faults.chunked(
              200,
              Faults.headers("application/x-jsonl"),
              FaultMatrixTest.RESULTS.getBytes(StandardCharsets.UTF_8));
      case "/v1/files" -> Faults.json(200, FILE_META);
      case "/v1/files/file_1/content" ->
          Faults.respond(
              200, Faults.headers("text/plain"), "notes".getBytes(StandardCharsets.UTF_8));
      default ->
          Faults.json(
              404,
              "{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"no\"}}");
    };
  }

  /** Which credential a scenario gives, and how. */
  enum Cred {
    KEY_ENV("ANTHROPIC_API_KEY"),
    TOKEN_ENV("ANTHROPIC_AUTH_TOKEN"),
    BOTH_ENV("both variables"),
    ALL_ENV("both variables and ANTHROPIC_CUSTOM_HEADERS"),
    KEY_FLAG("--api-key"),
    KEY_CONFIG("api-key in the config file");

    final String label;

    Cred(String label) {
      this.label = label;
    }
  }

  /** One run: its arguments ({@code @x} a path in the run's directory), stdin, expected exit. */
  record Scenario(
      String name, Cred cred, boolean denied, List<String> args, String stdin, int exit) {}

  static final List<Scenario> SCENARIOS = new ArrayList<>();

  static void add(String name, Cred cred, int exit, String stdin, String... args) {
    SCENARIOS.add(new Scenario(name, cred, false, List.of(args), stdin, exit));
  }

  static void denied(String name, Cred cred, int exit, String... args) {
    SCENARIOS.add(new Scenario(name, cred, true, List.of(args), null, exit));
  }

  static {
    add("messages -u --debug", Cred.KEY_ENV, 0, null, "--debug", "messages", "-u", "hi");
    add(
        "stream --format jsonl -u --debug",
        Cred.TOKEN_ENV,
        0,
        null,
        "--debug",
        "stream",
        "-u",
        "--format",
        "jsonl",
        "hi");
    add("count-tokens --debug", Cred.KEY_FLAG, 0, null, "--debug", "count-tokens", "hi");
    add("models --debug (writes the model cache)", Cred.BOTH_ENV, 0, null, "--debug", "models");
    add(
        "batches results --output --debug",
        Cred.KEY_ENV,
        0,
        null,
        "--debug",
        "batches",
        "results",
        BATCH,
        "--output",
        "@results.jsonl");
    add(
        "batches create --prompts - --debug",
        Cred.TOKEN_ENV,
        0,
        "one\ntwo\n",
        "--debug",
        "batches",
        "create",
        "--prompts",
        "-");
    add("files upload --debug", Cred.KEY_ENV, 0, null, "--debug", "files", "upload", "@notes.txt");
    add(
        "files download --output --debug",
        Cred.KEY_ENV,
        0,
        null,
        "--debug",
        "files",
        "download",
        "file_1",
        "--output",
        "@download.txt");
    add(
        "chat (saved conversation, /save) --debug",
        Cred.KEY_ENV,
        0,
        "hello\n/save @chat.md\n/save @chat.json\n",
        "--debug",
        "chat");
    add(
        "tool-loop --trace -u --debug, the tool dumps its environment",
        Cred.ALL_ENV,
        0,
        null,
        "--debug",
        "tool-loop",
        "--trace",
        "-u",
        "--tool",
        "@envdump.json",
        "hi");
    add(
        "tool-loop --mcp --trace --debug, the MCP server sends its environment back",
        Cred.ALL_ENV,
        0,
        null,
        "--debug",
        "tool-loop",
        "--trace",
        "--mcp",
        com.anthropic.tool.mcp.TestMcpServer.command(),
        "hi");
    add(
        "messages --debug, key from the config file",
        Cred.KEY_CONFIG,
        0,
        null,
        "--debug",
        "messages",
        "hi");
    add("config list", Cred.KEY_CONFIG, 0, null, "config", "list");
    add("keys set (key on stdin)", Cred.KEY_ENV, 0, KEY + "\n", "keys", "set");
    add(
        "--base-url with user:password@ --debug",
        Cred.KEY_ENV,
        2,
        null,
        "--debug",
        "--base-url",
        "http://user:" + PASSWORD + "@127.0.0.1:9",
        "messages",
        "hi");
    denied("401 with the key from ANTHROPIC_API_KEY", Cred.KEY_ENV, 3, "messages", "hi");
    denied("401 with the key from --api-key, --debug", Cred.KEY_FLAG, 3, "--debug", "stream", "hi");
    denied("401 with the key from the config file", Cred.KEY_CONFIG, 3, "count-tokens", "hi");
    denied("403 with the auth token", Cred.TOKEN_ENV, 3, "messages", "hi");
  }

  @TestFactory
  Stream<DynamicTest> secrets() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Scenario s : SCENARIOS) {
      tests.add(DynamicTest.dynamicTest(s.name(), () -> scenario(s)));
    }
    List<FaultMatrixTest.Case> faults = faultCases();
    for (int i = 0; i < faults.size(); i++) {
      FaultMatrixTest.Case c = faults.get(i);
      Cred cred = i % 2 == 0 ? Cred.KEY_ENV : Cred.TOKEN_ENV;
      tests.add(DynamicTest.dynamicTest("fault matrix --debug: " + c.name(), () -> fault(c, cred)));
    }
    for (BadInputMatrixTest.Case c : badCases()) {
      tests.add(DynamicTest.dynamicTest("bad input --debug: " + c.name(), () -> badInput(c)));
    }
    planned = SCENARIOS.size() + 2;
    return tests.stream();
  }

  /** The fault matrix rows for messages and stream, and every transport and stream row. */
  static List<FaultMatrixTest.Case> faultCases() {
    return FaultMatrixTest.CASES.stream()
        .filter(
            c -> c.cmd() == FaultMatrixTest.STREAM_CMD || !fault(c).matches("^[45][0-9][0-9] .*"))
        .filter(c -> !c.fault().contains("retry-after") && !c.fault().contains("x-should-retry"))
        .filter(c -> !fault(c).startsWith("stall")) // a second each, and nothing to print
        .toList();
  }

  /** A row's fault without the tool-loop's "round N: ". */
  private static String fault(FaultMatrixTest.Case c) {
    return c.fault().replaceFirst("^round [0-9]: ", "");
  }

  /** The first bad-input row of each input. */
  static List<BadInputMatrixTest.Case> badCases() {
    java.util.Set<String> seen = new java.util.HashSet<>();
    return BadInputMatrixTest.CASES.stream().filter(c -> seen.add(c.input())).toList();
  }

  static int faultRuns;
  static int badRuns;

  private static Map<String, String> env(Path home, Cred cred, String base) throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
    env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
    env.put("XDG_DATA_HOME", home.resolve("data").toString());
    env.put("XDG_STATE_HOME", home.resolve("state").toString());
    env.put("ANTHROPIC_BASE_URL", base);
    switch (cred) {
      case KEY_ENV -> env.put("ANTHROPIC_API_KEY", KEY);
      case TOKEN_ENV -> env.put("ANTHROPIC_AUTH_TOKEN", TOKEN);
      case BOTH_ENV -> {
        env.put("ANTHROPIC_API_KEY", KEY);
        env.put("ANTHROPIC_AUTH_TOKEN", TOKEN);
      }
      case ALL_ENV -> {
        env.put("ANTHROPIC_API_KEY", KEY);
        env.put("ANTHROPIC_AUTH_TOKEN", TOKEN);
        env.put("ANTHROPIC_CUSTOM_HEADERS", CUSTOM_HEADER + ": Bearer " + HEADER_SECRET);
      }
      case KEY_CONFIG -> {
        Path file = home.resolve("config/anthropic-cli/config.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "api-key=" + KEY + "\nauth-token=" + TOKEN + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
      case KEY_FLAG -> {
        // given on the command line below
      }
    }
    return env;
  }

  private static void scenario(Scenario s) throws Exception {
    Path home = Files.createTempDirectory(tmp, "home");
    Path files = Files.createDirectory(home.resolve("work"));
    Files.writeString(files.resolve("notes.txt"), "notes");
    Path dump = files.resolve("env.txt");
    Path script = files.resolve("envdump.sh");
    Files.writeString(script, "#!/bin/sh\nenv > '" + dump + "'\necho sunny\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    Files.writeString(
        files.resolve("envdump.json"),
        "{\"name\":\"weather\",\"description\":\"d\",\"input_schema\":{\"type\":\"object\"},"
            + "\"command\":[\""
            + script
            + "\"]}");
    boolean tool = s.args().contains("tool-loop");
    boolean mcp = s.args().contains("--mcp");
    try (ScriptedApi api = tool ? new ScriptedApi() : null) {
      if (api != null) {
        api.answer(
            ScriptedApi.message(
                "tool_use",
                mcp
                    ? ScriptedApi.toolUse("toolu_1", "echo", "{\"text\":\"\",\"env\":\"*\"}")
                    : ScriptedApi.toolUse("toolu_1", "weather", "{\"city\":\"Oslo\"}")),
            ScriptedApi.message("end_turn", ScriptedApi.text("Sunny.")));
      }
      RawServer server = s.denied() ? denied : good;
      String base = api != null ? api.baseUrl() : server.baseUrl();
      int before = server.recorded().size();
      List<String> args = new ArrayList<>();
      if (s.cred() == Cred.KEY_FLAG) {
        args.addAll(List.of("--api-key", KEY));
      }
      for (String a : s.args()) {
        args.add(a.startsWith("@") ? files.resolve(a.substring(1)).toString() : a);
      }
      CommandHarness h = new CommandHarness().sleeper(new RecordingSleeper());
      env(home, s.cred(), base).forEach(h::env);
      if (s.stdin() != null) {
        h.stdin(s.stdin().replace("@", files.toString() + "/"));
      }
      CommandHarness.Result r = h.run(args.toArray(String[]::new));
      String d = s.name() + "\n" + r.describe();
      assertEquals(s.exit(), r.exitCode(), d);
      int checked = grep(r, home, d);
      if (tool) {
        assertEquals(2, api.bodies().size(), d);
        // the MCP server's environment comes back as the tool result of the second request
        String envDump = mcp ? api.bodies().get(1) : Files.readString(dump);
        for (String name :
            List.of("ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_CUSTOM_HEADERS")) {
          assertFalse(envDump.contains(name), "the tool saw " + name + "\n" + envDump);
        }
        for (String f : FORBIDDEN) {
          assertFalse(envDump.contains(f), "the tool's environment holds a secret\n" + envDump);
        }
        assertTrue(envDump.contains("HOME="), "the dump is a real environment\n" + envDump);
        if (s.cred() == Cred.ALL_ENV) {
          assertEquals(
              "Bearer " + HEADER_SECRET,
              api.header(0, CUSTOM_HEADER),
              "ANTHROPIC_CUSTOM_HEADERS was read and sent to the API\n" + d);
        }
        for (String b : api.bodies()) {
          assertNoSecret(b, "a request body", d);
        }
      } else if (s.exit() != 2 && !s.args().contains("config") && !s.args().contains("keys")) {
        List<RawServer.Request> sent = server.recorded().subList(before, server.recorded().size());
        assertFalse(sent.isEmpty(), "nothing was sent\n" + d);
        for (RawServer.Request q : sent) {
          assertCredentialOnlyInItsHeader(q, s.cred(), d);
        }
      }
      if (s.exit() == 3) {
        String line = r.err().lines().filter(l -> l.startsWith("error:")).findFirst().orElse("");
        assertTrue(line.contains("HTTP 40") && line.contains("request-id " + Faults.REQUEST_ID), d);
      }
      synchronized (OUTCOMES) {
        OUTCOMES.add(
            "| "
                + s.name()
                + " | "
                + s.cred().label
                + " | "
                + s.exit()
                + " | stdout, stderr, "
                + checked
                + " files"
                + (tool ? ", the tool's environment" : "")
                + " | none | pass |");
      }
    }
  }

  /** The credential travels in its header and nowhere else in the request. */
  private static void assertCredentialOnlyInItsHeader(RawServer.Request q, Cred cred, String d) {
    String head = q.head().toLowerCase(java.util.Locale.ROOT);
    if (cred == Cred.TOKEN_ENV) {
      assertTrue(
          head.contains("authorization: bearer " + TOKEN.toLowerCase(java.util.Locale.ROOT)),
          "the token was sent\n" + d);
    } else {
      assertTrue(
          head.contains("x-api-key: " + KEY.toLowerCase(java.util.Locale.ROOT)),
          "the key was sent\n" + d);
    }
    assertNoSecret(q.path(), "a request path", d);
    assertNoSecret(q.body(), "a request body", d);
  }

  private static void fault(FaultMatrixTest.Case c, Cred cred) throws Exception {
    Path home = Files.createTempDirectory(tmp, "fault");
    String[] base = new String[1];
    FaultMatrixTest.printedLatch = new CountDownLatch(1);
    try (RawServer server =
        c.tls()
            ? RawServer.tls(tmp, FaultMatrixTest.router(c, base))
            : new RawServer(FaultMatrixTest.router(c, base))) {
      base[0] = server.baseUrl();
      List<String> args = new ArrayList<>(List.of("--debug"));
      args.addAll(c.cmd().args());
      args.addAll(c.extra());
      if (c.fault().startsWith("--max-retries 0")) {
        args.addAll(List.of("--max-retries", "0"));
      }
      CommandHarness h =
          new CommandHarness()
              .sleeper(new RecordingSleeper())
              .stdout(FaultMatrixTest.printed(FaultMatrixTest.printedLatch));
      env(home, cred, base[0]).forEach(h::env);
      CommandHarness.Result r = h.run(args.toArray(String[]::new));
      String d = c.name() + "\n" + r.describe();
      assertEquals(c.expect().exit(), r.exitCode(), d);
      grep(r, home, d);
      for (RawServer.Request q : server.recorded()) {
        assertCredentialOnlyInItsHeader(q, cred, d);
      }
    }
    synchronized (OUTCOMES) {
      if (++faultRuns == faultCases().size()) {
        OUTCOMES.add(
            "| the fault matrix, "
                + faultRuns
                + " rows (stream's statuses, every transport and stream row but the stalls), with --debug"
                + " | ANTHROPIC_API_KEY and ANTHROPIC_AUTH_TOKEN, alternately | as in the matrix"
                + " | stdout, stderr, every file | none | pass |");
      }
    }
  }

  private static void badInput(BadInputMatrixTest.Case c) throws Exception {
    Path home = Files.createTempDirectory(tmp, "bad");
    Path dir = home.resolve("files");
    Files.createDirectory(dir);
    BadInputMatrixTest.writeFiles(dir);
    BadInputMatrixTest.writeConfig(c, home.resolve("config"));
    List<String> args = new ArrayList<>(List.of("--debug"));
    args.addAll(List.of(BadInputMatrixTest.args(c, dir)));
    CommandHarness h = new CommandHarness().sleeper(new RecordingSleeper());
    env(home, Cred.BOTH_ENV, good.baseUrl()).forEach(h::env);
    c.env().forEach(h::env);
    int before = good.requests();
    CommandHarness.Result r = h.run(args.toArray(String[]::new));
    String d = c.name() + "\n" + r.describe();
    assertEquals(2, r.exitCode(), d);
    assertEquals(before, good.requests(), "nothing sent\n" + d);
    grep(r, home, d);
    synchronized (OUTCOMES) {
      if (++badRuns == badCases().size()) {
        OUTCOMES.add(
            "| the bad-input matrix, "
                + badRuns
                + " rows (the first of each input), with --debug | both variables | 2 | stdout, stderr, every file | none |"
                + " pass |");
      }
    }
  }

  /** Greps stdout, stderr and every file under HOME but the config file; returns the file count. */
  private static int grep(CommandHarness.Result r, Path home, String d) throws IOException {
    assertNoSecret(r.out(), "stdout", d);
    assertNoSecret(r.err(), "stderr", d);
    int n = 0;
    try (Stream<Path> all = Files.walk(home)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        if (p.getFileName().toString().equals("config.properties")) {
          continue; // the credential store itself (mode 0600, checked by FileModesTest)
        }
        n++;
        assertNoSecret(
            new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1), p.toString(), d);
      }
    }
    return n;
  }

  private static void assertNoSecret(String text, String where, String d) {
    for (String f : FORBIDDEN) {
      assertFalse(text.contains(f), "a secret (" + f + ") in " + where + "\n" + d);
    }
  }
}
