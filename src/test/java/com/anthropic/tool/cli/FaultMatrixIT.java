package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.Faults;
import com.anthropic.tool.client.RawServer;
import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few rows of the fault matrix through the real {@code ./anthropic} launcher, proving the
 * in-process results ({@link FaultMatrixTest}) hold for the built program: 529 then OK, a reset
 * mid-stream after content, a redirect, a proxy's HTML page, a certificate nobody trusts. Retry
 * waits are made short by the server's own {@code retry-after-ms} (no test sleeps to wait); the
 * rows are the "process level" table in docs/reliability.md.
 */
class FaultMatrixIT {
  static final String KEY = "sk-ant-api03-FAULTIT-secret-0000";
  @TempDir static Path tmp;
  static final List<String> ROWS = new ArrayList<>();
  static final int PLANNED = 8;

  @AfterAll
  static void table() throws Exception {
    ReliabilityDoc.section("fault-matrix-process", PLANNED, ROWS);
  }

  record Run(int exit, String out, String err) {}

  /** Runs the launcher; {@code stdout} is a file a script may watch while the command runs. */
  static Run launch(String base, Path stdout, String... args) throws Exception {
    Path home = Files.createTempDirectory(tmp, "home");
    List<String> cmd = new ArrayList<>();
    cmd.add(
        Path.of(System.getProperty("project.root", "."))
            .toAbsolutePath()
            .resolve("anthropic")
            .toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("ANTHROPIC_"));
    pb.environment().put("HOME", home.toString());
    pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
    pb.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
    pb.environment().put("ANTHROPIC_BASE_URL", base);
    pb.environment().put("ANTHROPIC_API_KEY", KEY);
    Path err = home.resolve("stderr");
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.redirectOutput(stdout.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    try {
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "no exit within 60 s: " + cmd);
      return new Run(p.exitValue(), Files.readString(stdout), Files.readString(err));
    } finally {
      p.destroyForcibly();
    }
  }

  private static void check(
      String command,
      String fault,
      RawServer server,
      String path,
      int exit,
      int attempts,
      Predicate<String> out,
      String outRule,
      String errHas,
      Path stdout,
      String... args)
      throws Exception {
    Run r = launch(server.baseUrl(), stdout, args);
    String d =
        fault
            + "\nexit="
            + r.exit()
            + "\n--- stdout ---\n"
            + r.out()
            + "\n--- stderr ---\n"
            + r.err();
    assertEquals(exit, r.exit(), d);
    int seen = path == null ? server.connections() : server.requests(path);
    assertEquals(attempts, seen, "attempts\n" + d);
    assertTrue(out.test(r.out()), "stdout should be " + outRule + "\n" + d);
    List<String> errors = r.err().lines().filter(l -> l.startsWith("error:")).toList();
    if (exit == 0) {
      assertEquals(List.of(), errors, d);
    } else {
      assertEquals(1, errors.size(), d);
      assertTrue(errors.get(0).contains(errHas), "the line names " + errHas + "\n" + d);
    }
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), d);
    assertFalse(r.out().contains(KEY) || r.err().contains(KEY), d);
    synchronized (ROWS) {
      ROWS.add(
          "| "
              + command
              + " | "
              + fault
              + " | "
              + exit
              + " | "
              + attempts
              + " | "
              + outRule
              + " | pass |");
    }
  }

  @Test
  void should_retry_a_529_and_print_the_answer() throws Exception {
    try (RawServer server =
        new RawServer(
            (r, n) ->
                n == 1
                    ? Faults.json(
                        529, FaultMatrixTest.err(529, "overloaded_error"), "retry-after-ms", "10")
                    : Faults.json(200, FaultMatrixTest.MESSAGE))) {
      check(
          "messages",
          "529 once (retry-after-ms: 10), then 200",
          server,
          "/v1/messages",
          0,
          2,
          o -> o.startsWith("Hello"),
          "the answer",
          "",
          tmp.resolve("out-529"),
          "messages",
          "hi");
    }
  }

  @Test
  void should_keep_the_text_of_a_stream_reset_after_content_and_not_send_again() throws Exception {
    Path stdout = tmp.resolve("out-reset");
    Files.writeString(stdout, "");
    RawServer.Script cut =
        s -> {
          OutputStream o = s.getOutputStream();
          o.write(Faults.head(200, Faults.headers("text/event-stream"), -1));
          o.write(
              Faults.chunk(
                  (FaultMatrixTest.START + FaultMatrixTest.DELTA_HEL)
                      .getBytes(StandardCharsets.UTF_8)));
          o.flush();
          // the reset comes once "Hel" is on the program's stdout (bounded, not a fixed sleep)
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
          while (!Files.readString(stdout).contains("Hel") && System.nanoTime() < deadline) {
            Thread.onSpinWait();
          }
          s.setSoLinger(true, 0);
          s.close();
        };
    try (RawServer server = new RawServer(cut)) {
      check(
          "stream",
          "reset after the first text delta",
          server,
          "/v1/messages",
          5,
          1,
          o -> o.equals("Hel"),
          "the text that arrived",
          "connection_error",
          stdout,
          "stream",
          "hi");
    }
  }

  @Test
  void should_not_follow_a_redirect() throws Exception {
    try (RawServer server =
        new RawServer(
            Faults.respond(
                307,
                Faults.headers("text/html", "Location", FaultMatrixTest.ELSEWHERE),
                new byte[0]))) {
      check(
          "stream",
          "307 redirect (never followed)",
          server,
          "/v1/messages",
          1,
          1,
          String::isEmpty,
          "nothing",
          FaultMatrixTest.ELSEWHERE,
          tmp.resolve("out-307"),
          "stream",
          "hi");
    }
  }

  @Test
  void should_name_a_proxy_html_page_by_its_status() throws Exception {
    try (RawServer server =
        new RawServer(
            Faults.respond(
                502,
                Map.of("Content-Type", "text/html", "retry-after-ms", "10"),
                FaultMatrixTest.PROXY_HTML.getBytes(StandardCharsets.UTF_8)))) {
      check(
          "messages",
          "502 HTML page from a proxy (retry-after-ms: 10)",
          server,
          "/v1/messages",
          1,
          3,
          String::isEmpty,
          "nothing",
          "HTTP 502",
          tmp.resolve("out-502"),
          "messages",
          "hi");
    }
  }

  @Test
  void should_refuse_a_certificate_nobody_trusts_once() throws Exception {
    try (RawServer server =
        RawServer.tls(tmp, (r, n) -> Faults.json(200, FaultMatrixTest.MESSAGE))) {
      check(
          "messages",
          "TLS: a self-signed certificate",
          server,
          null,
          5,
          1,
          String::isEmpty,
          "nothing",
          "certificate",
          tmp.resolve("out-tls"),
          "messages",
          "hi");
    }
  }

  @Test
  void should_end_with_one_mcp_error_line_for_a_tool_list_over_64_mb() throws Exception {
    try (RawServer server = new RawServer((r, n) -> Faults.json(200, FaultMatrixTest.MESSAGE))) {
      check(
          "tool-loop --mcp",
          "MCP tools/list line of 70 MB (limit 64 MB)",
          server,
          null,
          1,
          0,
          String::isEmpty,
          "nothing",
          "64 MB",
          tmp.resolve("out-mcp-list"),
          "tool-loop",
          "--mcp",
          com.anthropic.tool.mcp.RawMcpServer.command("--list-bytes", Long.toString(70L << 20)),
          "hi");
    }
  }

  @Test
  void should_call_a_200_of_the_wrong_shape_an_invalid_response() throws Exception {
    try (RawServer server = new RawServer((r, n) -> Faults.json(200, "{\"hello\":1}"))) {
      check(
          "models get",
          "200 of the wrong shape ({\"hello\":1})",
          server,
          "/v1/models/claude-x",
          1,
          1,
          String::isEmpty,
          "nothing",
          "invalid_response",
          tmp.resolve("out-shape"),
          "models",
          "get",
          "claude-x");
    }
  }

  @Test
  void should_stop_paging_when_the_cursor_does_not_move() throws Exception {
    String page =
        "{\"data\":[{\"type\":\"file\",\"id\":\"file_1\",\"filename\":\"a.txt\"}],"
            + "\"has_more\":true,\"first_id\":\"file_1\",\"last_id\":\"file_1\"}";
    try (RawServer server = new RawServer((r, n) -> Faults.json(200, page))) {
      check(
          "files list --all",
          "has_more with the same cursor again",
          server,
          "/v1/files",
          1,
          2,
          o -> true,
          "the first page's rows",
          "invalid_response",
          tmp.resolve("out-cursor"),
          "files",
          "list",
          "--all");
    }
  }
}
