package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.anthropic.tool.mock.MockApiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/structured-output.md's recipe against the real mock-server: a schema'd batch from a file of
 * prompts, waited for, its answers written as JSONL, in two commands.
 */
class SchemaBatchRecipeTest {
  private static MockApiServer mock;
  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    mock = MockApiServer.start(0);
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  private CommandHarness harness() {
    return new CommandHarness()
        .env("ANTHROPIC_BASE_URL", mock.baseUrl())
        .env("ANTHROPIC_API_KEY", "mock")
        .env("XDG_CONFIG_HOME", tmp.resolve("config").toString())
        .env("XDG_CACHE_HOME", tmp.resolve("cache").toString());
  }

  @Test
  void should_turn_a_file_of_prompts_into_jsonl_answers_in_two_commands() throws IOException {
    Path prompts = tmp.resolve("papers.txt");
    Files.writeString(prompts, "Title and year of: Attention Is All You Need\nAnd of: BERT\n");

    CommandHarness.Result created =
        harness()
            .run(
                "batches",
                "create",
                "--prompts",
                prompts.toString(),
                "--schema",
                "title, year int",
                "--wait",
                "--poll-interval",
                "0");
    assertEquals(0, created.exitCode(), created.describe());
    String id = created.out().split("\t", 2)[0];

    CommandHarness.Result answers = harness().run("batches", "results", id, "--answers");
    assertEquals(0, answers.exitCode(), answers.describe());
    assertEquals(
        "{\"title\":\"\",\"year\":0}\n{\"title\":\"\",\"year\":0}\n",
        answers.out(),
        answers.describe());

    CommandHarness.Result text = harness().run("batches", "results", id, "--text");
    assertEquals(
        "line-1\t{\"title\":\"\",\"year\":0}\nline-2\t{\"title\":\"\",\"year\":0}\n",
        text.out(),
        text.describe());
  }

  @Test
  void should_print_plain_answers_escaped_one_per_line_without_a_schema() throws IOException {
    Path prompts = tmp.resolve("q.txt");
    Files.writeString(prompts, "one\ntwo\n");
    CommandHarness.Result created =
        harness()
            .run(
                "batches",
                "create",
                "--prompts",
                prompts.toString(),
                "--wait",
                "--poll-interval",
                "0");
    String id = created.out().split("\t", 2)[0];

    CommandHarness.Result answers = harness().run("batches", "results", id, "--answers");

    assertEquals("mock answer to: one\nmock answer to: two\n", answers.out(), answers.describe());
    CommandHarness.Result both = harness().run("batches", "results", id, "--answers", "--text");
    assertEquals(2, both.exitCode(), both.describe());
  }

  @Test
  void should_answer_messages_with_a_value_matching_the_schema_and_no_warning() {
    CommandHarness.Result r =
        harness().run("messages", "--schema", "name, born int, alive bool", "Who?");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("{\"name\":\"\",\"born\":0,\"alive\":false}", r.out(), r.describe());
    assertEquals("", r.err(), r.describe());
  }
}
