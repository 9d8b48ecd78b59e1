package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The help's layout: own options, then the shared ones; nothing a command ignores. */
class HelpLayoutTest {
  private static String help(String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    args.add("--help");
    CommandHarness.Result r = new CommandHarness().run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.describe());
    return r.out();
  }

  @Test
  void should_list_the_commands_own_options_before_the_shared_ones() {
    String h = help("messages");
    assertTrue(h.startsWith("Usage: anthropic messages [OPTIONS] [PROMPT...]\n"), h);
    int own = h.indexOf("\nOptions:\n");
    int shared = h.indexOf("\nShared options:\n");
    assertTrue(own > 0 && shared > own, h);
    assertTrue(h.indexOf("--model") > own && h.indexOf("--model") < shared, h);
    assertTrue(h.indexOf("--api-key") > shared, h);
  }

  @Test
  void should_not_list_what_count_tokens_ignores_but_still_accept_it() {
    String h = help("count-tokens");
    for (String ignored : List.of("--max-tokens", "--usage", "--stop", "--show-thinking")) {
      assertFalse(h.contains(ignored), ignored + " listed:\n" + h);
    }
    assertTrue(h.contains("--system"), h);
    CommandHarness.Result r =
        new CommandHarness().run("count-tokens", "--max-tokens", "5", "-u", "hi");
    assertFalse(r.err().contains("unknown option"), r.describe());
  }

  @Test
  void should_not_list_http_options_where_no_request_is_made() {
    for (String command : List.of("completion", "mock-server", "help")) {
      String h = help(command);
      assertFalse(h.contains("--api-key") || h.contains("--base-url"), command + ":\n" + h);
      assertTrue(h.contains("--help"), command + ":\n" + h);
    }
  }

  @Test
  void should_never_break_the_default_base_url() {
    String h = help();
    assertTrue(h.contains("https://api.anthropic.com"), h);
    assertFalse(h.contains("https: //"), h);
  }

  @Test
  void should_give_every_man_page_examples_exit_status_environment_and_files() {
    Map<String, String> files = GeneratedDocs.render();
    List<String> missing = new ArrayList<>();
    files.forEach(
        (path, text) -> {
          if (path.endsWith(".adoc")) {
            for (String section :
                List.of("== Examples", "== Exit status", "== Environment", "== Files")) {
              if (!text.contains("\n" + section + "\n")) {
                missing.add(path + " lacks " + section);
              }
            }
          }
        });
    assertEquals(List.of(), missing);
  }
}
