package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The committed completion scripts, command pages and man pages are what the current command model
 * generates. When this fails after a command or option changed: run scripts/generate-docs.sh and
 * commit the result.
 */
class GeneratedArtefactsTest {
  private static final Path ROOT =
      Path.of(System.getProperty("basedir", System.getProperty("user.dir")));

  @Test
  void should_match_committed_completion_scripts_and_command_pages() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : GeneratedDocs.render().entrySet()) {
      Path p = ROOT.resolve(e.getKey());
      if (!Files.exists(p)) {
        problems.add(e.getKey() + ": missing");
        continue;
      }
      String committed = Files.readString(p, StandardCharsets.UTF_8);
      if (!committed.equals(e.getValue())) {
        problems.add(e.getKey() + ": differs " + firstDifference(committed, e.getValue()));
      }
    }
    report(problems);
  }

  @Test
  void should_have_no_generated_file_without_a_command() throws IOException {
    var expected = new TreeSet<>(GeneratedDocs.render().keySet());
    List<String> problems = new ArrayList<>();
    List<String> present = new ArrayList<>();
    present.addAll(GeneratedDocs.listed(ROOT, GeneratedDocs.COMPLETIONS, ""));
    present.addAll(GeneratedDocs.listed(ROOT, GeneratedDocs.PAGES, ".adoc"));
    for (String p : present) {
      if (!expected.contains(p)) {
        problems.add(p + ": no longer generated (its command is gone or hidden)");
      }
    }
    for (String p : GeneratedDocs.listed(ROOT, GeneratedDocs.MAN, ".1")) {
      String base = p.substring(p.lastIndexOf('/') + 1, p.length() - 2);
      if (!expected.contains(GeneratedDocs.PAGES + "/" + base + ".adoc")) {
        problems.add(p + ": no longer generated (its command is gone or hidden)");
      }
    }
    report(problems);
  }

  @Test
  void should_have_a_man_page_made_from_each_current_command_page() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : GeneratedDocs.render().entrySet()) {
      if (!e.getKey().endsWith(".adoc")) {
        continue;
      }
      String man = GeneratedDocs.manPath(e.getKey());
      Path p = ROOT.resolve(man);
      if (!Files.exists(p)) {
        problems.add(man + ": missing");
        continue;
      }
      List<String> top = Files.readAllLines(p, StandardCharsets.UTF_8).stream().limit(3).toList();
      if (!top.contains(GeneratedDocs.manStamp(e.getKey(), e.getValue()))) {
        problems.add(man + ": made from an older " + e.getKey());
      }
    }
    report(problems);
  }

  @Test
  void should_print_the_committed_scripts_from_the_completion_command() throws IOException {
    for (String shell : List.of("bash", "zsh", "fish")) {
      CommandHarness.Result r = new CommandHarness().run("completion", shell);
      assertEquals(0, r.exitCode(), r.describe());
      assertEquals("", r.err(), r.describe());
      String committed =
          Files.readString(
              ROOT.resolve(GeneratedDocs.COMPLETIONS + "/anthropic." + shell),
              StandardCharsets.UTF_8);
      assertTrue(
          committed.equals(r.out()),
          "completion "
              + shell
              + " differs from the committed script; "
              + GeneratedDocs.REGENERATE);
    }
  }

  @Test
  void should_complete_model_ids_from_the_file_that_the_models_command_caches() {
    Path cacheHome = Path.of("/cache-home");
    assertEquals(
        new ModelCache(cacheHome.resolve("anthropic-cli")).file(),
        cacheHome.resolve(Completions.MODEL_CACHE),
        "the completion scripts read the model cache where ModelCache writes it");
    String line = "\"${XDG_CACHE_HOME:-$HOME/.cache}/" + Completions.MODEL_CACHE + "\"";
    assertTrue(Completions.bash(GeneratedDocs.commandLine()).contains(line), line);
    assertTrue(
        Completions.fish(GeneratedDocs.commandLine().getCommandSpec())
            .contains("-l 'model' -x -a '(__anthropic_models)'"));
  }

  @Test
  void should_reject_an_unknown_shell_as_a_usage_error() {
    CommandHarness.Result r = new CommandHarness().run("completion", "powershell");
    assertEquals(ExitCodes.USAGE, r.exitCode(), r.describe());
    assertEquals("", r.out(), r.describe());
    assertTrue(r.err().startsWith("error: usage_error: "), r.describe());
  }

  private static void report(List<String> problems) {
    if (!problems.isEmpty()) {
      fail(
          "Generated artefacts are stale; "
              + GeneratedDocs.REGENERATE
              + " and commit the result:\n  "
              + String.join("\n  ", problems));
    }
  }

  private static String firstDifference(String committed, String generated) {
    String[] a = committed.split("\n", -1);
    String[] b = generated.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String x = i < a.length ? a[i] : "<end of file>";
      String y = i < b.length ? b[i] : "<end of file>";
      if (!x.equals(y)) {
        return "at line " + (i + 1) + ": committed [" + x + "], generated [" + y + "]";
      }
    }
    return "";
  }
}
