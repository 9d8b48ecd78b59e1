package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.Faults;
import com.anthropic.tool.client.RawServer;
import com.anthropic.tool.client.RecordingSleeper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault matrix of issue 12, in-process: each API command against a loopback server that fails
 * in one way (statuses with and without retry headers, resets, stalls, cut and malformed bodies,
 * HTML from a proxy, redirects, a bad certificate). Each case asserts the exit code, one {@code
 * error:} line (with the request id when the response had one), output that never claims to be
 * complete when it is not, the number of attempts, bounded waits, no temporary files, and that the
 * API key appears nowhere. The cases and their outcomes are the table in docs/reliability.md
 * ({@link ReliabilityDoc}).
 */
class FaultMatrixTest {
  static final String KEY = "sk-ant-api03-FAULTMATRIX-secret-0000";
  static final String BATCH = "msgbatch_fault";
  static final String MESSAGE =
      "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-x\","
          + "\"content\":[{\"type\":\"text\",\"text\":\"Hello\"}],\"stop_reason\":\"end_turn\","
          + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":3,\"output_tokens\":2}}";
  static final String START =
      "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_s\","
          + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-x\",\"content\":[],"
          + "\"stop_reason\":null,\"stop_sequence\":null,"
          + "\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}}\n\n"
          + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
          + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n";
  static final String PING = "event: ping\ndata: {\"type\": \"ping\"}\n\n";
  static final String DELTA_HEL = delta("Hel");
  static final String DELTA_LO = delta("lo");
  static final String END =
      "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
          + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":"
          + "{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":2}}"
          + "\n\n"
          + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
  static final String STREAM = START + PING + DELTA_HEL + DELTA_LO + END;
  static final String ERROR_EVENT =
      "event: error\ndata: {\"type\":\"error\",\"error\":{\"details\":null,"
          + "\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}        }\n\n";
  static final String RESULTS =
      "{\"custom_id\":\"a\",\"result\":{\"type\":\"canceled\"}}\n"
          + "{\"custom_id\":\"b\",\"result\":{\"type\":\"expired\"}}\n";
  static final String MODELS =
      "{\"data\":[{\"type\":\"model\",\"id\":\"claude-x\",\"display_name\":\"Claude X\","
          + "\"created_at\":\"2025-02-19T00:00:00Z\"}],\"has_more\":false,"
          + "\"first_id\":\"claude-x\",\"last_id\":\"claude-x\"}";
  static final String PROXY_HTML =
      "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
          + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
          + "</body>\r\n</html>\r\n".repeat(20);

  static String delta(String text) {
    return "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
        + "\"delta\":{\"type\":\"text_delta\",\"text\":\""
        + text
        + "\"}}\n\n";
  }

  /** An API command under test: its words, the request that gets the fault, its good answer. */
  record Cmd(String name, List<String> args, String path, RawServer.Script ok, String okOut) {}

  static final Cmd MESSAGES =
      new Cmd(
          "messages",
          List.of("messages", "hi"),
          "/v1/messages",
          Faults.json(200, MESSAGE),
          "Hello");
  static final Cmd STREAM_CMD =
      new Cmd("stream", List.of("stream", "hi"), "/v1/messages", Faults.sse(STREAM), "Hello");
  static final Cmd COUNT =
      new Cmd(
          "count-tokens",
          List.of("count-tokens", "hi"),
          "/v1/messages/count_tokens",
          Faults.json(200, "{\"input_tokens\":42}"),
          "42");
  static final Cmd MODELS_CMD =
      new Cmd("models", List.of("models"), "/v1/models", Faults.json(200, MODELS), "claude-x\t");
  static final Cmd RESULTS_CMD =
      new Cmd(
          "batches results",
          List.of("batches", "results", BATCH),
          "/v1/messages/batches/" + BATCH + "/results",
          Faults.chunked(
              200, Faults.headers("application/x-jsonl"), RESULTS.getBytes(StandardCharsets.UTF_8)),
          RESULTS);
  static final List<Cmd> ALL = List.of(MESSAGES, STREAM_CMD, COUNT, MODELS_CMD, RESULTS_CMD);

  /** The variable that names the file the tool-loop tool counts its runs in. */
  static final String TOOL_RUNS = "FAULT_MATRIX_TOOL_RUNS";

  /**
   * A tool for tool-loop that prints "sunny" (no PATH lookup) and, when {@value #TOOL_RUNS} names a
   * file, adds a line to it for each run, so a row can count the runs.
   */
  static final Path TOOL = toolFile();

  static Path toolFile() {
    try {
      Path script = Files.createTempFile("fault-matrix-tool", ".sh");
      script.toFile().deleteOnExit();
      Files.writeString(
          script,
          "#!/bin/sh\n[ -z \"$"
              + TOOL_RUNS
              + "\" ] || echo run >> \"$"
              + TOOL_RUNS
              + "\"\necho sunny\n");
      Files.setPosixFilePermissions(
          script, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
      Path f = Files.createTempFile("fault-matrix-tool", ".json");
      f.toFile().deleteOnExit();
      Files.writeString(
          f,
          "{\"name\":\"weather\",\"description\":\"d\",\"input_schema\":{\"type\":\"object\"},"
              + "\"command\":[\""
              + script
              + "\"]}");
      return f;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Round 1 of tool-loop: "Checking. " and a call of the tool, as an event stream. */
  static final String TOOL_USE_STREAM =
      com.anthropic.tool.client.tools.ScriptedApi.events(
              com.google.gson.JsonParser.parseString(
                      com.anthropic.tool.client.tools.ScriptedApi.message(
                          "tool_use",
                          com.anthropic.tool.client.tools.ScriptedApi.text("Checking. "),
                          com.anthropic.tool.client.tools.ScriptedApi.toolUse(
                              "toolu_1", "weather", "{\"city\":\"Oslo\"}")))
                  .getAsJsonObject())
          .stream()
          .map(e -> "event: " + e[0] + "\ndata: " + e[1] + "\n\n")
          .collect(java.util.stream.Collectors.joining());

  static final Cmd TOOL_LOOP =
      new Cmd(
          "tool-loop",
          List.of("tool-loop", "--tool", TOOL.toString(), "weather?"),
          "/v1/messages",
          Faults.sse(STREAM),
          "Checking. ");
  static final List<Cmd> NON_STREAM = List.of(MESSAGES, COUNT, MODELS_CMD, RESULTS_CMD);

  /** What a case expects. */
  record Expect(
      int exit,
      int attempts,
      Predicate<String> out,
      String outRule,
      boolean requestId,
      Predicate<List<Long>> sleeps,
      String sleepRule,
      List<String> errHas,
      int toolRuns) {
    Expect(
        int exit,
        int attempts,
        Predicate<String> out,
        String outRule,
        boolean requestId,
        Predicate<List<Long>> sleeps,
        String sleepRule,
        List<String> errHas) {
      this(exit, attempts, out, outRule, requestId, sleeps, sleepRule, errHas, -1);
    }

    Expect out(Predicate<String> p, String rule) {
      return new Expect(exit, attempts, p, rule, requestId, sleeps, sleepRule, errHas, toolRuns);
    }

    Expect sleeps(Predicate<List<Long>> p, String rule) {
      return new Expect(exit, attempts, out, outRule, requestId, p, rule, errHas, toolRuns);
    }

    Expect noRequestId() {
      return new Expect(exit, attempts, out, outRule, false, sleeps, sleepRule, errHas, toolRuns);
    }

    Expect errHas(String... s) {
      List<String> all = new ArrayList<>(errHas);
      all.addAll(List.of(s));
      return new Expect(exit, attempts, out, outRule, requestId, sleeps, sleepRule, all, toolRuns);
    }

    /** The tool-loop tool runs exactly {@code n} times (-1: not a tool-loop row). */
    Expect toolRuns(int n) {
      return new Expect(exit, attempts, out, outRule, requestId, sleeps, sleepRule, errHas, n);
    }
  }

  static Expect fails(int exit, int attempts) {
    return new Expect(
        exit,
        attempts,
        String::isEmpty,
        "nothing",
        true,
        s -> s.size() == attempts - 1 && s.stream().allMatch(ms -> ms <= 8000),
        "backoff <= 8 s",
        List.of());
  }

  static Expect succeeds(Cmd c, int attempts) {
    return new Expect(
        0,
        attempts,
        out -> out.startsWith(c.okOut()),
        "the answer",
        false,
        s -> s.size() == attempts - 1,
        attempts - 1 + " waits",
        List.of());
  }

  /**
   * One row of the matrix: the scripts answer the command's faulty request in turn (the last one
   * repeats); {@code extra} are more arguments; {@code holdUntilPrinted} makes the server wait
   * (bounded) until "Hel" has reached stdout before the script goes on.
   */
  record Case(
      Cmd cmd,
      String fault,
      List<RawServer.Script> scripts,
      List<String> extra,
      Expect expect,
      boolean tls) {
    String name() {
      return cmd.name() + " | " + fault;
    }
  }

  static final List<Case> CASES = new ArrayList<>();
  static final List<String> OUTCOMES = new ArrayList<>();

  static Case add(Cmd c, String fault, Expect e, RawServer.Script... scripts) {
    Case k = new Case(c, fault, List.of(scripts), List.of(), e, false);
    CASES.add(k);
    return k;
  }

  static void addWith(Cmd c, String fault, List<String> extra, Expect e, RawServer.Script... s) {
    CASES.add(new Case(c, fault, List.of(s), extra, e, false));
  }

  static String err(int status, String type) {
    return "{\"type\":\"error\",\"error\":{\"type\":\""
        + type
        + "\",\"message\":\"fault "
        + status
        + "\"},\"request_id\":\""
        + Faults.REQUEST_ID
        + "\"}";
  }

  static String type(int status) {
    return switch (status) {
      case 429 -> "rate_limit_error";
      case 529 -> "overloaded_error";
      default -> "api_error";
    };
  }

  static int exitFor(int status) {
    return status == 429 || status == 529 ? 4 : 1;
  }

  static String httpDate(long secondsFromNow) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(secondsFromNow));
  }

  static {
    statusCases();
    transportCases();
    streamCases();
    redirectAndTlsCases();
    toolLoopCases();
    wrongShapeCases();
    cursorCases();
  }

  static final String WRONG = "{\"hello\":1}";

  static Cmd cmd(String name, String path, String... args) {
    return new Cmd(name, List.of(args), path, Faults.json(200, WRONG), "");
  }

  /**
   * A 200 answer of the wrong shape ({@code {"hello":1}}) is never success with nothing: every
   * command that reads an answer says invalid_response, exit 1, nothing on stdout.
   */
  static void wrongShapeCases() {
    List<Cmd> cmds =
        List.of(
            MESSAGES,
            cmd("messages --format json", "/v1/messages", "messages", "--format", "json", "hi"),
            COUNT,
            MODELS_CMD,
            cmd("models get", "/v1/models/claude-x", "models", "get", "claude-x"),
            cmd("files list", "/v1/files", "files", "list"),
            cmd("files get", "/v1/files/file_1", "files", "get", "file_1"),
            cmd("batches list", "/v1/messages/batches", "batches", "list"),
            cmd("batches get", "/v1/messages/batches/" + BATCH, "batches", "get", BATCH),
            cmd("batches results", "/v1/messages/batches/" + BATCH, "batches", "results", BATCH));
    for (Cmd c : cmds) {
      add(
          c,
          "200 of the wrong shape ({\"hello\":1})",
          fails(1, 1).noRequestId().errHas("invalid_response"),
          Faults.json(200, WRONG));
    }
    add(
        MODELS_CMD,
        "200 list whose item has no id",
        fails(1, 1).noRequestId().errHas("invalid_response", "\"id\""),
        Faults.json(200, "{\"data\":[{\"display_name\":\"X\"}],\"has_more\":false}"));
    add(
        STREAM_CMD,
        "200 stream whose message_start has no content",
        fails(1, 1).noRequestId().errHas("invalid_response"),
        Faults.sse(
            "event: message_start\ndata: {\"type\":\"message_start\",\"message\":"
                + WRONG
                + "}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"));
  }

  /**
   * {@code --all} never pages for ever: a page that repeats the previous cursor, or says has_more
   * without one, ends with invalid_response after the pages that moved.
   */
  static void cursorCases() {
    String repeat = "{\"data\":[%s],\"has_more\":true,\"first_id\":\"x1\",\"last_id\":\"x1\"}";
    String noCursor = "{\"data\":[%s],\"has_more\":true}";
    String model = "{\"type\":\"model\",\"id\":\"x1\",\"display_name\":\"X\"}";
    String file = "{\"type\":\"file\",\"id\":\"x1\",\"filename\":\"a.txt\"}";
    String batch = "{\"type\":\"message_batch\",\"id\":\"x1\",\"processing_status\":\"ended\"}";
    List<Object[]> lists =
        List.of(
            new Object[] {cmd("models --all", "/v1/models", "models", "--all"), model},
            new Object[] {cmd("files list --all", "/v1/files", "files", "list", "--all"), file},
            new Object[] {
              cmd("batches list --all", "/v1/messages/batches", "batches", "list", "--all"), batch
            });
    for (Object[] l : lists) {
      Cmd c = (Cmd) l[0];
      String item = (String) l[1];
      add(
          c,
          "has_more with the same cursor again",
          fails(1, 2)
              .noRequestId()
              .errHas("invalid_response", "x1")
              .out(o -> true, "the first page's rows")
              .sleeps(List::isEmpty, "no waits"),
          Faults.json(200, String.format(repeat, item)));
      add(
          c,
          "has_more without a cursor",
          fails(1, 1)
              .noRequestId()
              .errHas("invalid_response")
              .out(o -> true, "the first page's rows")
              .sleeps(List::isEmpty, "no waits"),
          Faults.json(200, String.format(noCursor, item)));
    }
  }

  static final String ELSEWHERE = "https://elsewhere.example/v1/moved";

  /** Redirects are never followed; a certificate nobody trusts is one line, never retried. */
  static void redirectAndTlsCases() {
    for (Cmd c : ALL) {
      add(
          c,
          "307 redirect (never followed)",
          fails(1, 1).errHas("307", ELSEWHERE),
          Faults.respond(
              307,
              Faults.headers("text/html", "Location", ELSEWHERE),
              "<a href=elsewhere>moved</a>".getBytes(StandardCharsets.UTF_8)));
      CASES.add(
          new Case(
              c,
              "TLS: a self-signed certificate",
              List.of(c.ok()),
              List.of(),
              fails(5, 1).noRequestId().errHas("certificate"),
              true));
    }
    var sse = Faults.headers("text/event-stream; charset=utf-8");
    add(
        STREAM_CMD,
        "200 JSON instead of an event stream",
        fails(1, 1).errHas("HTTP 200", "application/json"),
        Faults.json(200, MESSAGE));
    add(
        STREAM_CMD,
        "whole stream, message_stop and FIN in the last read",
        succeeds(STREAM_CMD, 1),
        Faults.dataThenFin(sse, STREAM.getBytes(StandardCharsets.UTF_8)));
    add(
        STREAM_CMD,
        "all the text and FIN in the last read, no message_stop",
        fails(5, 1).noRequestId().out(o -> o.equals("Hello"), "all the text that arrived"),
        Faults.dataThenFin(sse, (START + DELTA_HEL + DELTA_LO).getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Tool-loop rows: the fault hits round 1 (before the tool ran) or round 2 (after round 1 printed
   * "Checking. " and ran its tool once), in each class of fault the other commands have. Attempts
   * count every request of the loop, round 1's included. Every row also counts the tool's runs: a
   * failure in round 2, retried or not, never runs the tool again.
   */
  static void toolLoopCases() {
    for (int round = 1; round <= 2; round++) {
      toolLoopRound(round);
    }
  }

  /** A failing tool-loop row: round 1 (if the fault is in round 2) and then the fault's scripts. */
  static void toolFails(
      int round, String fault, List<String> extra, Expect e, RawServer.Script... fault_) {
    List<RawServer.Script> scripts = new ArrayList<>();
    if (round == 2) {
      scripts.add(Faults.sse(TOOL_USE_STREAM));
    }
    scripts.addAll(List.of(fault_));
    boolean r2 = round == 2;
    Expect x =
        new Expect(
                e.exit(),
                e.attempts() + (r2 ? 1 : 0),
                e.out(),
                e.outRule(),
                e.requestId(),
                e.sleeps(),
                e.sleepRule(),
                e.errHas())
            .toolRuns(r2 ? 1 : 0);
    if (e.outRule().equals("nothing")) {
      x =
          x.out(
              r2 ? o -> o.equals("Checking. ") : String::isEmpty,
              r2 ? "round 1's text; the tool ran once" : "nothing; the tool never ran");
    } else {
      x = x.out(e.out(), e.outRule() + (r2 ? "; the tool ran once" : "; the tool never ran"));
    }
    CASES.add(new Case(TOOL_LOOP, "round " + round + ": " + fault, scripts, extra, x, false));
  }

  /**
   * A tool-loop row that recovers: the fault's scripts in round {@code round}, then both rounds.
   */
  static void toolRecovers(int round, String fault, int waits, RawServer.Script... fault_) {
    List<RawServer.Script> scripts = new ArrayList<>();
    if (round == 2) {
      scripts.add(Faults.sse(TOOL_USE_STREAM));
    }
    scripts.addAll(List.of(fault_));
    if (round == 1) {
      scripts.add(Faults.sse(TOOL_USE_STREAM));
    }
    scripts.add(Faults.sse(STREAM));
    Expect x =
        new Expect(
                0,
                fault_.length + 2,
                o -> o.startsWith("Checking. ") && o.endsWith("Hello"),
                "both rounds' text; the tool ran once",
                false,
                sl -> sl.size() == waits,
                waits + " waits",
                List.of())
            .toolRuns(1);
    CASES.add(new Case(TOOL_LOOP, "round " + round + ": " + fault, scripts, List.of(), x, false));
  }

  private static void toolLoopRound(int r) {
    List<String> none = List.of();
    for (int status : new int[] {429, 529, 500, 502, 503, 504}) {
      String body = err(status, type(status));
      toolFails(
          r,
          status + " every time",
          none,
          fails(exitFor(status), 3).errHas("HTTP " + status),
          Faults.json(status, body));
      toolRecovers(r, status + " once, then 200", 1, Faults.json(status, body));
    }
    for (int status : new int[] {429, 529}) {
      String body = err(status, type(status));
      int exit = exitFor(status);
      toolFails(
          r,
          status + " retry-after-ms: 1500",
          none,
          fails(exit, 3).sleeps(sl -> sl.equals(List.of(1500L, 1500L)), "1.5 s, 1.5 s"),
          Faults.json(status, body, "retry-after-ms", "1500"));
      toolFails(
          r,
          status + " retry-after: 2",
          none,
          fails(exit, 3).sleeps(sl -> sl.equals(List.of(2000L, 2000L)), "2 s, 2 s"),
          Faults.json(status, body, "retry-after", "2"));
      toolFails(
          r,
          status + " retry-after: an HTTP date 5 s ahead",
          none,
          fails(exit, 3)
              .sleeps(
                  sl -> sl.size() == 2 && sl.stream().allMatch(ms -> ms >= 3000 && ms <= 6000),
                  "3-6 s each"),
          sock -> Faults.json(status, body, "retry-after", httpDate(5)).run(sock));
      toolFails(
          r,
          status + " retry-after: 99999999 (absurd)",
          none,
          fails(exit, 3).sleeps(sl -> sl.equals(List.of(60000L, 60000L)), "capped at 60 s"),
          Faults.json(status, body, "retry-after", "99999999"));
      toolFails(
          r,
          status + " x-should-retry: false",
          none,
          fails(exit, 1).sleeps(List::isEmpty, "none"),
          Faults.json(status, body, "x-should-retry", "false"));
    }
    toolFails(
        r,
        "reset before the response head",
        none,
        fails(5, 3).noRequestId(),
        Faults.resetBeforeHeaders());
    toolFails(
        r,
        "FIN before the response head",
        none,
        fails(5, 3).noRequestId(),
        Faults.finBeforeHeaders());
    toolRecovers(r, "reset before the head, then 200", 1, Faults.resetBeforeHeaders());
    toolFails(
        r,
        "502 HTML page from a proxy",
        none,
        fails(1, 3).noRequestId().errHas("HTTP 502"),
        Faults.respond(
            502, Map.of("Content-Type", "text/html"), PROXY_HTML.getBytes(StandardCharsets.UTF_8)));
    toolFails(
        r,
        "307 redirect (never followed)",
        none,
        fails(1, 1).errHas("307", ELSEWHERE),
        Faults.respond(
            307,
            Faults.headers("text/html", "Location", ELSEWHERE),
            "<a href=elsewhere>moved</a>".getBytes(StandardCharsets.UTF_8)));
    toolFails(
        r,
        "200 JSON instead of an event stream",
        none,
        fails(1, 1).errHas("HTTP 200", "application/json"),
        Faults.json(200, MESSAGE));
    var sse = Faults.headers("text/event-stream; charset=utf-8");
    toolFails(
        r,
        "reset after message_start, before content",
        none,
        fails(5, 3).noRequestId(),
        Faults.dataThenReset(sse, (START + PING).getBytes(StandardCharsets.UTF_8)));
    toolFails(
        r,
        "error event before content (overloaded)",
        none,
        fails(4, 3).noRequestId(),
        Faults.sse(START + PING + ERROR_EVENT));
    toolRecovers(
        r, "error event before content, then a good stream", 1, Faults.sse(START + ERROR_EVENT));
    toolFails(
        r,
        "stall before content (--timeout 0.3; a timeout is not retried)",
        List.of("--timeout", "0.3"),
        fails(5, 1).noRequestId().errHas("timeout"),
        Faults.dataThenStall(sse, START.getBytes(StandardCharsets.UTF_8)));
    toolFails(
        r,
        "malformed SSE data before content",
        none,
        fails(1, 1).noRequestId(),
        Faults.sse(
            START + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\n\n"));
    // after content: never retried, the text that arrived is kept
    Predicate<String> partial =
        r == 1
            ? o -> o.startsWith("Hel") && !o.contains("lo")
            : o -> o.startsWith("Checking. ") && o.contains("Hel") && !o.contains("Hello");
    String kept = r == 1 ? "the text that arrived" : "round 1's text and round 2's first delta";
    toolFails(
        r,
        "reset after the first text delta",
        none,
        fails(5, 1).noRequestId().out(partial, kept).sleeps(List::isEmpty, "none"),
        afterContent("", true, false));
    toolFails(
        r,
        "error event after the first text delta",
        none,
        fails(4, 1).noRequestId().out(partial, kept).errHas("overloaded"),
        afterContent(ERROR_EVENT, false, false));
    toolFails(
        r,
        "stall after the first text delta (--timeout 0.3)",
        List.of("--timeout", "0.3"),
        fails(5, 1).noRequestId().out(partial, kept),
        afterContent("", false, true));
    toolFails(
        r,
        "malformed event after the first text delta",
        none,
        fails(1, 1).noRequestId().out(partial, kept),
        afterContent("event: content_block_delta\ndata: {\"type\":\"cont\n\n", false, false));
  }

  static void statusCases() {
    for (Cmd c : ALL) {
      for (int status : new int[] {429, 529, 500, 502, 503, 504}) {
        String body = err(status, type(status));
        add(
            c,
            status + " every time",
            fails(exitFor(status), 3).errHas("HTTP " + status),
            Faults.json(status, body));
        add(c, status + " once, then 200", succeeds(c, 2), Faults.json(status, body), c.ok());
      }
      for (int status : new int[] {429, 503}) {
        String body = err(status, type(status));
        int exit = exitFor(status);
        add(
            c,
            status + " retry-after-ms: 1500",
            fails(exit, 3).sleeps(s -> s.equals(List.of(1500L, 1500L)), "1.5 s, 1.5 s"),
            Faults.json(status, body, "retry-after-ms", "1500"));
        add(
            c,
            status + " retry-after: 2",
            fails(exit, 3).sleeps(s -> s.equals(List.of(2000L, 2000L)), "2 s, 2 s"),
            Faults.json(status, body, "retry-after", "2"));
        add(
            c,
            status + " retry-after: an HTTP date 5 s ahead",
            fails(exit, 3)
                .sleeps(
                    s -> s.size() == 2 && s.stream().allMatch(ms -> ms >= 3000 && ms <= 6000),
                    "3-6 s each"),
            sock -> Faults.json(status, body, "retry-after", httpDate(5)).run(sock));
        add(
            c,
            status + " retry-after: 99999999 (absurd)",
            fails(exit, 3).sleeps(s -> s.equals(List.of(60000L, 60000L)), "capped at 60 s"),
            Faults.json(status, body, "retry-after", "99999999"));
        add(
            c,
            status + " retry-after-ms: 1e300 (absurd)",
            fails(exit, 3).sleeps(s -> s.equals(List.of(60000L, 60000L)), "capped at 60 s"),
            Faults.json(status, body, "retry-after-ms", "1e300"));
        add(
            c,
            status + " retry-after: -5 / soon (unusable)",
            fails(exit, 3),
            Faults.json(status, body, "retry-after", "-5"),
            Faults.json(status, body, "retry-after", "soon"));
        add(
            c,
            status + " x-should-retry: false",
            fails(exit, 1).sleeps(List::isEmpty, "none"),
            Faults.json(status, body, "x-should-retry", "false"));
      }
      add(
          c,
          "400 x-should-retry: true",
          fails(1, 3).errHas("HTTP 400"),
          Faults.json(400, err(400, "invalid_request_error"), "x-should-retry", "true"));
      add(
          c,
          "--max-retries 0 on 529",
          fails(4, 1).sleeps(List::isEmpty, "none"),
          Faults.json(529, err(529, "overloaded_error")));
    }
  }

  static void transportCases() {
    for (Cmd c : ALL) {
      add(
          c,
          "reset before the response head",
          fails(5, 3).noRequestId(),
          Faults.resetBeforeHeaders());
      add(c, "FIN before the response head", fails(5, 3).noRequestId(), Faults.finBeforeHeaders());
      add(
          c,
          "reset before the head, then 200",
          succeeds(c, 2),
          Faults.resetBeforeHeaders(),
          c.ok());
      add(
          c,
          "502 HTML page from a proxy",
          fails(1, 3).noRequestId().errHas("HTTP 502"),
          Faults.respond(
              502,
              Map.of("Content-Type", "text/html"),
              PROXY_HTML.getBytes(StandardCharsets.UTF_8)));
    }
    for (Cmd c : NON_STREAM) {
      String ok = c == COUNT ? "{\"input_tokens\":42}" : c == MODELS_CMD ? MODELS : MESSAGE;
      String type = c == RESULTS_CMD ? "application/x-jsonl" : "application/json";
      String body = c == RESULTS_CMD ? RESULTS : ok;
      add(
          c,
          "reset mid-body",
          fails(5, 1)
              .noRequestId()
              .out(
                  o -> c != RESULTS_CMD ? o.isEmpty() : o.endsWith("\n") || o.isEmpty(),
                  "nothing, or whole lines"),
          Faults.resetMidBody(200, type, body));
      addWith(
          c,
          "stall after the head (--timeout 0.3)",
          c == MESSAGES
              ? List.of("--timeout", "0.3", "--max-tokens", "16")
              : List.of("--timeout", "0.3"),
          fails(5, 1).noRequestId().errHas("timeout"),
          Faults.dataThenStall(Faults.headers(type), new byte[0]));
      if (c != RESULTS_CMD) {
        add(
            c,
            "truncated JSON body (complete HTTP)",
            fails(1, 1).noRequestId(),
            Faults.json(200, ok.substring(0, ok.length() / 2)));
        add(
            c,
            "200 HTML page (captive portal)",
            fails(1, 1).noRequestId(),
            Faults.respond(
                200,
                Map.of("Content-Type", "text/html"),
                "<html><body>Log in to the Wi-Fi</body></html>".getBytes(StandardCharsets.UTF_8)));
      }
    }
    add(
        RESULTS_CMD,
        "last line cut (complete HTTP)",
        fails(1, 1)
            .noRequestId()
            .out(o -> o.equals(RESULTS.lines().findFirst().get() + "\n"), "the whole lines only"),
        Faults.chunked(
            200,
            Faults.headers("application/x-jsonl"),
            (RESULTS.substring(0, RESULTS.length() - 10)).getBytes(StandardCharsets.UTF_8)));
    add(
        MESSAGES,
        "invalid UTF-8 in the text",
        new Expect(
            0,
            1,
            o -> o.startsWith("Hel\uFFFDlo"),
            "U+FFFD in its place",
            false,
            List::isEmpty,
            "none",
            List.of()),
        Faults.respond(200, Faults.headers("application/json"), invalidUtf8()));
  }

  /** The message with a lone 0xFF byte (never valid in UTF-8) inside "Hello". */
  static byte[] invalidUtf8() {
    String[] parts = MESSAGE.split("Hello");
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    b.writeBytes((parts[0] + "Hel").getBytes(StandardCharsets.UTF_8));
    b.write(0xFF);
    b.writeBytes(("lo" + parts[1]).getBytes(StandardCharsets.UTF_8));
    return b.toByteArray();
  }

  static void streamCases() {
    Cmd s = STREAM_CMD;
    var sse = Faults.headers("text/event-stream; charset=utf-8");
    add(
        s,
        "reset after message_start, before content",
        fails(5, 3).noRequestId(),
        Faults.dataThenReset(sse, (START + PING).getBytes(StandardCharsets.UTF_8)));
    add(
        s,
        "error event before content (overloaded)",
        fails(4, 3).noRequestId(),
        Faults.sse(START + PING + ERROR_EVENT));
    add(
        s,
        "error event before content, then a good stream",
        succeeds(s, 2),
        Faults.sse(START + ERROR_EVENT),
        s.ok());
    addWith(
        s,
        "stall before content (--timeout 0.3; a timeout is not retried)",
        List.of("--timeout", "0.3"),
        fails(5, 1).noRequestId().errHas("timeout"),
        Faults.dataThenStall(sse, START.getBytes(StandardCharsets.UTF_8)));
    add(
        s,
        "malformed SSE data before content",
        fails(1, 1).noRequestId(),
        Faults.sse(
            START + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\n\n"));
    Predicate<String> partial = o -> o.startsWith("Hel") && !o.contains("lo");
    add(
        s,
        "reset after the first text delta",
        fails(5, 1).noRequestId().out(partial, "the text that arrived"),
        afterContent("", true, false));
    add(
        s,
        "error event after the first text delta",
        fails(4, 1).noRequestId().out(partial, "the text that arrived").errHas("overloaded"),
        afterContent(ERROR_EVENT, false, false));
    addWith(
        s,
        "stall after the first text delta (--timeout 0.3)",
        List.of("--timeout", "0.3"),
        fails(5, 1).noRequestId().out(partial, "the text that arrived"),
        afterContent("", false, true));
    addWith(
        s,
        "--format jsonl, reset after the first text delta",
        List.of("--format", "jsonl"),
        fails(5, 1)
            .noRequestId()
            .out(
                o -> o.contains("\"Hel\"") && !o.contains("message_stop") && o.endsWith("\n"),
                "the events that arrived, no message_stop"),
        afterContent("", true, false));
    addWith(
        s,
        "--format jsonl, malformed event after content",
        List.of("--format", "jsonl"),
        fails(1, 1)
            .noRequestId()
            .out(
                o -> o.contains("\"Hel\"") && !o.contains("message_stop"),
                "the events that arrived"),
        afterContent("event: content_block_delta\ndata: {\"type\":\"cont\n\n", false, false));
  }

  /** Opened by stdout once "Hel" has been printed; a script waits on it (bounded). */
  static volatile CountDownLatch printedLatch = new CountDownLatch(1);

  static void awaitPrinted() {
    try {
      printedLatch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** START and a first delta, then (once "Hel" is on stdout) {@code then}. */
  static RawServer.Script afterContent(String rest, boolean reset, boolean stall) {
    byte[] first = (START + DELTA_HEL).getBytes(StandardCharsets.UTF_8);
    return sock -> {
      OutputStream o = sock.getOutputStream();
      o.write(Faults.head(200, Faults.headers("text/event-stream"), -1));
      o.write(Faults.chunk(first));
      o.flush();
      awaitPrinted();
      if (!rest.isEmpty()) {
        o.write(Faults.chunk(rest.getBytes(StandardCharsets.UTF_8)));
      }
      if (stall) {
        o.flush();
        return;
      }
      if (reset) {
        o.flush();
        sock.setSoLinger(true, 0);
      } else {
        o.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        o.flush();
      }
      sock.close();
    };
  }

  @TempDir static Path tmp;

  @TestFactory
  Stream<DynamicTest> fault_matrix() {
    return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
  }

  static RawServer.Router router(Case c, String[] base) {
    return (r, n) -> {
      if (r.path().equals(c.cmd().path())) {
        return c.scripts().get(Math.min(n, c.scripts().size()) - 1);
      }
      if (r.path().equals("/v1/messages/batches/" + BATCH)) {
        return Faults.json(
            200,
            "{\"id\":\""
                + BATCH
                + "\",\"type\":\"message_batch\",\"processing_status\":\"ended\","
                + "\"request_counts\":{\"processing\":0,\"succeeded\":0,\"errored\":0,"
                + "\"canceled\":1,\"expired\":1},\"created_at\":\"2024-09-24T18:37:24Z\","
                + "\"results_url\":\""
                + base[0]
                + "/v1/messages/batches/"
                + BATCH
                + "/results\"}");
      }
      return Faults.json(404, err(404, "not_found_error"));
    };
  }

  private static void run(Case c) throws Exception {
    String[] base = new String[1];
    Path home = Files.createTempDirectory(tmp, "case");
    RecordingSleeper sleeper = new RecordingSleeper();
    printedLatch = new CountDownLatch(1);
    Path runs = Files.createTempFile(tmp, "tool-runs", ".txt"); // outside HOME
    try (RawServer server =
        c.tls() ? RawServer.tls(tmp, router(c, base)) : new RawServer(router(c, base))) {
      base[0] = server.baseUrl();
      List<String> args = new ArrayList<>(c.cmd().args());
      args.addAll(c.extra());
      if (c.fault().startsWith("--max-retries 0")) {
        args.addAll(List.of("--max-retries", "0"));
      }
      long t0 = System.nanoTime();
      CommandHarness.Result r =
          new CommandHarness()
              .env("ANTHROPIC_BASE_URL", base[0])
              .env("ANTHROPIC_API_KEY", KEY)
              .env("HOME", home.toString())
              .env("XDG_CONFIG_HOME", home.resolve("config").toString())
              .env("XDG_CACHE_HOME", home.resolve("cache").toString())
              .env("XDG_DATA_HOME", home.resolve("data").toString())
              .env("XDG_STATE_HOME", home.resolve("state").toString())
              .env(TOOL_RUNS, runs.toString())
              .sleeper(sleeper)
              .stdout(printed(printedLatch))
              .run(args.toArray(String[]::new));
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      Expect e = c.expect();
      String d =
          c.name()
              + "\nattempts="
              + server.requests(c.cmd().path())
              + " sleeps="
              + sleeper.millis()
              + "\n"
              + r.describe();
      assertEquals(e.exit(), r.exitCode(), d);
      int attempts = c.tls() ? server.connections() : server.requests(c.cmd().path());
      assertEquals(e.attempts(), attempts, "attempts\n" + d);
      assertTrue(e.out().test(r.out()), "stdout should be " + e.outRule() + "\n" + d);
      assertTrue(e.sleeps().test(sleeper.millis()), "waits should be " + e.sleepRule() + "\n" + d);
      assertTrue(ms < 10_000, "took " + ms + " ms\n" + d);
      if (e.toolRuns() >= 0) {
        assertEquals(e.toolRuns(), Files.readAllLines(runs).size(), "tool runs\n" + d);
      }
      List<String> errorLines = r.err().lines().filter(l -> l.startsWith("error:")).toList();
      if (e.exit() == 0) {
        assertEquals(List.of(), errorLines, d);
      } else {
        assertEquals(1, errorLines.size(), "one error line\n" + d);
        String line = errorLines.get(0);
        assertTrue(line.length() < 400, "a short line\n" + d);
        if (e.requestId()) {
          assertTrue(line.contains("request-id " + Faults.REQUEST_ID), "request id\n" + d);
        }
        for (String s : e.errHas()) {
          assertTrue(line.contains(s), "the line names " + s + "\n" + d);
        }
      }
      assertFalse(r.err().contains("Exception"), d);
      assertFalse(r.err().contains("\tat "), d);
      assertFalse(r.err().contains("null"), "never prints null\n" + d);
      assertFalse(r.out().contains(KEY) || r.err().contains(KEY), "the key leaked\n" + d);
      for (RawServer.Request q : server.recorded()) {
        assertFalse(q.path().contains(KEY), d);
      }
      assertNoFiles(home, d);
      synchronized (OUTCOMES) {
        OUTCOMES.add(
            "| "
                + c.cmd().name()
                + " | "
                + c.fault()
                + " | "
                + e.exit()
                + " | "
                + e.attempts()
                + " | "
                + e.outRule()
                + " | "
                + e.sleepRule()
                + " | pass |");
      }
    }
  }

  /** Only the model-list cache may be written; nothing else, no temporary names. */
  private static void assertNoFiles(Path home, String d) throws IOException {
    try (Stream<Path> files = Files.walk(home)) {
      List<Path> left =
          files
              .filter(Files::isRegularFile)
              .filter(p -> !p.startsWith(home.resolve("cache")) || p.toString().endsWith(".part"))
              // the exchange log (CLI.md, "Files the tool writes") records failures too
              .filter(
                  p ->
                      !p.getParent().equals(home.resolve("data").resolve("anthropic-cli"))
                          || !p.getFileName().toString().startsWith("logs.db"))
              .toList();
      assertEquals(List.of(), left, "files left behind\n" + d);
    }
  }

  @AfterAll
  static void writeTable() throws IOException {
    ReliabilityDoc.section("fault-matrix", CASES.size(), OUTCOMES);
  }

  /** Counts down once "Hel" has reached stdout. */
  static OutputStream printed(CountDownLatch latch) {
    return new OutputStream() {
      private final StringBuilder seen = new StringBuilder();

      @Override
      public void write(int b) {
        seen.append((char) b);
        if (seen.indexOf("Hel") >= 0) {
          latch.countDown();
        }
      }
    };
  }
}
