package com.anthropic.tool.cli;

import static com.anthropic.tool.client.tools.ScriptedApi.message;
import static com.anthropic.tool.client.tools.ScriptedApi.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.tools.ScriptedApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --schema} never crashes after the answer is paid for, never names a library class, and
 * never lets a schema make the check fetch a URL or read a file.
 */
class SchemaSafetyTest {
  @TempDir Path dir;
  private ScriptedApi api;

  @BeforeEach
  void start() throws IOException {
    api = new ScriptedApi();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private CommandHarness.Result run(String... args) {
    return new CommandHarness()
        .env("ANTHROPIC_BASE_URL", api.baseUrl())
        .env("ANTHROPIC_API_KEY", "sk-secret-test")
        .env("XDG_CONFIG_HOME", dir.resolve("config").toString())
        .env("XDG_CACHE_HOME", dir.resolve("cache").toString())
        .run(args);
  }

  private static void assertNoLibraryWords(CommandHarness.Result r) {
    for (String word :
        List.of("Exception", "java.", "com.networknt", "jackson", "StackOverflow", "\tat ")) {
      assertFalse(r.err().contains(word), "no " + word + " in\n" + r.describe());
    }
  }

  private static void assertOneWarning(CommandHarness.Result r, String... names) {
    String d = r.describe();
    assertEquals(0, r.exitCode(), "a mismatch is a warning, exit 0\n" + d);
    List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size(), d);
    assertTrue(lines.get(0).startsWith("warning: "), d);
    for (String n : names) {
      assertTrue(lines.get(0).contains(n), "names " + n + "\n" + d);
    }
    assertNoLibraryWords(r);
  }

  private void assertRefused(CommandHarness.Result r, String... names) {
    String d = r.describe();
    assertEquals(2, r.exitCode(), d);
    assertEquals(0, api.bodies().size(), "nothing sent\n" + d);
    List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size(), d);
    assertTrue(lines.get(0).startsWith("error: "), d);
    for (String n : names) {
      assertTrue(lines.get(0).contains(n), "names " + n + "\n" + d);
    }
    assertNoLibraryWords(r);
  }

  @Test
  void should_warn_not_crash_when_the_schema_refers_to_itself_without_end() {
    api.answer(message("end_turn", text("{\\\"a\\\":1}")));

    CommandHarness.Result r = run("messages", "--schema", "{\"$ref\":\"#\"}", "hi");

    assertEquals("{\"a\":1}", r.out().strip(), r.describe());
    assertOneWarning(r, "--schema", "refers to itself");
  }

  @Test
  void should_refuse_an_empty_schema_with_a_clear_line() {
    assertRefused(run("messages", "--schema", "", "hi"), "--schema", "empty");
  }

  @Test
  void should_warn_in_one_line_about_a_single_quoted_answer() {
    api.answer(message("end_turn", text("{'a':1}")));

    CommandHarness.Result r = run("messages", "--schema", "{\"type\":\"object\"}", "hi");

    assertOneWarning(r, "not JSON", "--schema");
  }

  @Test
  void should_refuse_a_remote_reference_before_sending() {
    assertRefused(
        run("messages", "--schema", "{\"$ref\":\"http://127.0.0.1:9/s.json\"}", "hi"),
        "--schema",
        "http://127.0.0.1:9/s.json");
  }

  @Test
  void should_refuse_a_reference_to_another_file_in_a_schema_file() throws IOException {
    Path f = dir.resolve("s.json");
    Files.writeString(
        f, "{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"other.json#/x\"}}}");

    assertRefused(run("messages", "--schema", f.toString(), "hi"), "other.json");
  }

  @Test
  void should_follow_a_reference_inside_the_schema() {
    api.answer(message("end_turn", text("{\\\"a\\\":\\\"x\\\"}")));

    CommandHarness.Result r =
        run(
            "messages",
            "--schema",
            "{\"type\":\"object\",\"$defs\":{\"n\":{\"type\":\"integer\"}},"
                + "\"properties\":{\"a\":{\"$ref\":\"#/$defs/n\"}}}",
            "hi");

    assertOneWarning(r, "does not match --schema", "a");
  }
}
