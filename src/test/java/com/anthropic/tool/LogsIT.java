package com.anthropic.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.anthropic.tool.mock.MockApiServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log database as processes of the real launcher write it, read back with plain SQL through the
 * {@code sqlite3} command line (as scripts and Datasette users read it); skipped with a message
 * when {@code sqlite3} is not installed ({@code .ci/run} installs it).
 */
class LogsIT {
  private static final long DEADLINE_SECONDS = 60;
  private static MockApiServer api;
  @TempDir Path home;

  @BeforeAll
  static void start() {
    api = MockApiServer.start(0);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  record Run(List<String> args, int exit, String out, String err) {
    String describe() {
      return "args="
          + args
          + "\nexit="
          + exit
          + "\n--- stdout ---\n"
          + out
          + "\n--- stderr ---\n"
          + err;
    }
  }

  private Path db() {
    return home.resolve("data/anthropic-cli/logs.db");
  }

  private Process launch(Map<String, String> env, String stdin, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Launcher.root().resolve("anthropic").toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("ANTHROPIC_"));
    pb.environment().put("HOME", home.toString());
    for (String xdg : List.of("config", "cache", "data", "state")) {
      pb.environment()
          .put(
              "XDG_" + xdg.toUpperCase(java.util.Locale.ROOT) + "_HOME",
              home.resolve(xdg).toString());
    }
    pb.environment().put("ANTHROPIC_BASE_URL", api.baseUrl());
    pb.environment().put("ANTHROPIC_API_KEY", "sk-ant-it-secret-key-0001");
    pb.environment().putAll(env);
    if (stdin == null) {
      pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    } else {
      Path in = Files.createTempFile(home, "stdin", ".txt");
      Files.writeString(in, stdin);
      pb.redirectInput(in.toFile());
    }
    Path out = Files.createTempFile(home, "stdout", ".txt");
    Path err = Files.createTempFile(home, "stderr", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    p.info(); // nothing: the files are read in finish()
    outs.put(p, List.of(out, err));
    argsOf.put(p, List.of(args));
    return p;
  }

  private final Map<Process, List<Path>> outs = new HashMap<>();
  private final Map<Process, List<String>> argsOf = new HashMap<>();

  private Run finish(Process p) throws Exception {
    try {
      if (!p.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("no exit within " + DEADLINE_SECONDS + " s: " + argsOf.get(p));
      }
      List<Path> files = outs.get(p);
      return new Run(
          argsOf.get(p),
          p.exitValue(),
          Files.readString(files.get(0), StandardCharsets.UTF_8),
          Files.readString(files.get(1), StandardCharsets.UTF_8));
    } finally {
      p.destroyForcibly();
    }
  }

  private Run run(Map<String, String> env, String stdin, String... args) throws Exception {
    return finish(launch(env, stdin, args));
  }

  private Run ok(String... args) throws Exception {
    Run r = run(Map.of(), null, args);
    assertEquals(0, r.exit(), r.describe());
    return r;
  }

  private static boolean hasSqlite3() {
    try {
      Process p = new ProcessBuilder("sqlite3", "-version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  private String sql(String query) throws Exception {
    assumeTrue(hasSqlite3(), "sqlite3 is not installed (apt-get install sqlite3): skipped");
    Process p =
        new ProcessBuilder("sqlite3", "-separator", "|", db().toString(), query)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS), "sqlite3 hung");
    assertEquals(0, p.exitValue(), query + "\n" + out);
    return out.strip();
  }

  private Path tool() throws Exception {
    Path sh = home.resolve("weather.sh");
    Files.writeString(sh, "#!/bin/sh\ncat >/dev/null; echo '21 C'\n");
    Files.setPosixFilePermissions(sh, PosixFilePermissions.fromString("rwx------"));
    Path json = home.resolve("weather.json");
    Files.writeString(
        json,
        "{\"name\":\"weather\",\"description\":\"d\",\"input_schema\":{\"type\":\"object\","
            + "\"properties\":{\"city\":{\"type\":\"string\"}}},\"command\":[\""
            + sh
            + "\"]}");
    return json;
  }

  @Test
  void should_record_a_row_for_every_command_with_the_promised_columns() throws Exception {
    assumeTrue(hasSqlite3(), "sqlite3 is not installed (apt-get install sqlite3): skipped");
    ok("messages", "hello messages");
    ok("stream", "hello stream");
    Run loop =
        run(
            Map.of("ANTHROPIC_CUSTOM_HEADERS", "x-mock-tool-use: weather"),
            null,
            "tool-loop",
            "--tool",
            tool().toString(),
            "weather in Paris");
    assertEquals(0, loop.exit(), loop.describe());
    Run chat = run(Map.of(), "hello chat\n", "chat");
    assertEquals(0, chat.exit(), chat.describe());
    assertEquals(
        "messages|hello messages|mock answer to: hello messages\n"
            + "stream|hello stream|mock answer to: hello stream\n"
            + "tool-loop|weather in Paris|1\n"
            + "chat|hello chat|mock answer to: hello chat",
        sql(
            "select command, prompt, case when command = 'tool-loop' then response <> ''"
                + " else response end from responses order by id"));
    assertEquals(
        "4|4|4|4",
        sql(
            "select count(*), count(input_tokens), count(duration_ms), count(cost_usd)"
                + " from responses where error is null and model = 'claude-sonnet-4-6'"
                + " and datetime_utc like '____-__-__T%Z' and length(id) = 26"));
    assertEquals(
        "weather|Paris", sql("select name, json_extract(input, '$.city') from tool_calls"));
    assertEquals("1", sql("select count(*) from responses_fts where responses_fts match 'stream'"));
    assertEquals("wal", sql("pragma journal_mode"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db())));
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(db().getParent())));
  }

  @Test
  void should_record_failures_with_their_error_and_status() throws Exception {
    Run r =
        run(
            Map.of("ANTHROPIC_CUSTOM_HEADERS", "x-mock-status: 529"),
            null,
            "messages",
            "--no-retries",
            "this fails");
    assertEquals(4, r.exit(), r.describe());
    assertTrue(r.err().startsWith("error: overloaded_error: "), r.describe());
    assertEquals(
        "messages|this fails|overloaded_error: Overloaded (mock error requested by x-mock-status)"
            + "|529|[]",
        sql("select command, prompt, error, status, turns_json from responses"));
  }

  @Test
  void should_log_nothing_with_no_log_or_when_logging_is_off() throws Exception {
    ok("messages", "--no-log", "not logged");
    ok("logs", "off");
    ok("messages", "off now");
    Run status = ok("logs", "status");
    assertTrue(status.out().startsWith("logging: off\n"), status.describe());
    ok("logs", "on");
    ok("messages", "logged");
    assertEquals("logged", sql("select group_concat(prompt) from responses"));
  }

  @Test
  void should_never_store_the_key_the_token_or_header_values() throws Exception {
    ok("messages", "with a key");
    Run token =
        run(
            Map.of(
                "ANTHROPIC_API_KEY", "",
                "ANTHROPIC_AUTH_TOKEN", "sk-ant-it-token-0002",
                "ANTHROPIC_CUSTOM_HEADERS", "x-team-secret: header-value-0003"),
            null,
            "stream",
            "with a token");
    assertEquals(0, token.exit(), token.describe());
    assertEquals("2", sql("select count(*) from responses"));
    StringBuilder all = new StringBuilder();
    try (var files = Files.list(db().getParent())) {
      for (Path p : files.toList()) {
        all.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    for (String secret :
        List.of("sk-ant-it-secret-key-0001", "sk-ant-it-token-0002", "header-value-0003")) {
      assertFalse(all.toString().contains(secret), secret + " is in the log's files");
    }
  }

  @Test
  void should_continue_a_conversation_like_llm_and_pick_it_up_in_chat() throws Exception {
    ok("messages", "what is a monad?");
    Run shorter = ok("messages", "-c", "shorter");
    assertEquals("mock answer to: shorter", shorter.out(), shorter.describe());
    assertEquals(
        "1|2|4",
        sql(
            "select count(distinct conversation_id), count(*),"
                + " (select json_array_length(turns_json) from responses where prompt = 'shorter')"
                + " + (select json_array_length(turns_json) from responses where prompt like 'what%')"
                + " from responses"));
    Run search = ok("logs", "search", "monad");
    assertTrue(
        search.out().contains("\twhat is a monad?\tmock answer to: what is a monad?"),
        search.describe());
    Run usage = ok("logs", "usage", "--since", "1d");
    assertTrue(
        usage.out().matches("\\d{4}-\\d\\d-\\d\\d\t2\t\\d+\t\\d+\t\\$0\\.\\d{6}\n"),
        usage.describe());
    Run chat = run(Map.of(), "and in chat?\n", "chat", "--continue");
    assertEquals(0, chat.exit(), chat.describe());
    assertEquals("1|3", sql("select count(distinct conversation_id), count(*) from responses"));
    assertEquals("chat", sql("select command from responses order by id desc limit 1"));
  }

  @Test
  void should_keep_both_exchanges_of_two_processes_continuing_at_once() throws Exception {
    ok("messages", "start here");
    Process a = launch(Map.of(), null, "messages", "-c", "from A");
    Process b = launch(Map.of(), null, "stream", "-c", "from B");
    Run ra = finish(a);
    Run rb = finish(b);
    assertEquals(0, ra.exit(), ra.describe());
    assertEquals(0, rb.exit(), rb.describe());
    assertEquals(
        "1|3|from A,from B,start here",
        sql(
            "select count(distinct conversation_id), count(*),"
                + " (select group_concat(prompt) from (select prompt from responses order by prompt))"
                + " from responses"));
  }

  @Test
  void should_import_an_exported_file_without_writing_where_its_content_points() throws Exception {
    Path victim = home.resolve("victim.json");
    Files.writeString(victim, "untouched");
    Path export = home.resolve("export.json");
    Files.writeString(
        export,
        "{\"id\":\"../../../victim\",\"created\":\"2026-12-01T00:00:00Z\",\"model\":\"claude-sonnet-4-6\","
            + "\"turns\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"imported q\"}]},"
            + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"imported a\"}]}]}");
    Run r = run(Map.of(), "next\n", "chat", "--resume", export.toString());
    assertEquals(0, r.exit(), r.describe());
    assertEquals("untouched", Files.readString(victim));
    assertFalse(Files.exists(home.resolve("data/victim.json")));
    assertEquals(
        "1|2|26",
        sql(
            "select count(distinct conversation_id), count(*), max(length(conversation_id)) from responses"));
    Run md = run(Map.of(), "", "chat", "--resume", "conv.md");
    assertEquals(1, md.exit(), md.describe());
    assertTrue(md.err().contains("Markdown export, which cannot be resumed"), md.describe());
  }

  @Test
  void should_import_old_conversation_files_once_and_leave_them_in_place() throws Exception {
    Path dir = home.resolve("data/anthropic-cli/conversations");
    Files.createDirectories(dir);
    String old =
        "{\"id\":\"20261202-221503-9f3a\",\"created\":\"2026-12-02T22:15:03Z\",\"model\":\"claude-sonnet-4-6\","
            + "\"turns\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"old question\"}]},"
            + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"old answer\"}]}]}";
    Files.writeString(dir.resolve("20261202-221503-9f3a.json"), old);
    assertEquals(
        0, new ProcessBuilder("mkfifo", dir.resolve("fifo.json").toString()).start().waitFor());
    Run list = ok("chat", "--list");
    assertTrue(list.out().startsWith("20261202-221503-9f3a\t"), list.describe());
    assertTrue(list.out().contains("\told question"), list.describe());
    ok("chat", "--list");
    assertEquals("1", sql("select count(*) from responses"));
    assertEquals(old, Files.readString(dir.resolve("20261202-221503-9f3a.json")));
    Run resumed = run(Map.of(), "new question\n", "chat", "--resume", "20261202");
    assertEquals(0, resumed.exit(), resumed.describe());
    assertEquals(
        "2", sql("select count(*) from responses where conversation_id = '20261202-221503-9f3a'"));
  }

  @Test
  void should_answer_and_warn_once_when_the_database_is_damaged() throws Exception {
    Files.createDirectories(db().getParent());
    Files.writeString(db(), "this is not a database, it is text long enough to be read as one");
    Run r = ok("messages", "still answered");
    assertEquals("mock answer to: still answered", r.out(), r.describe());
    assertTrue(
        r.err()
            .matches(
                "warning: the exchange was not logged \\(.*\\); anthropic logs path shows the database\n"),
        r.describe());
  }
}
