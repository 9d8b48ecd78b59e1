package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Documented example lines compared with what the program really prints (through --mock). */
class DocExampleLinesTest {
  private static final Pattern USAGE = Pattern.compile("usage: input_tokens=[^`]*");
  private static final List<String> PAGES =
      List.of("docs/CLI.md", "docs/README.md", "docs/chat.md", "README.md");

  /** A line with its numbers as N: the shape scripts parse. */
  private static String shape(String line) {
    return line.strip().replaceAll("\\$[0-9.]+", "\\$N").replaceAll("=[0-9]+", "=N");
  }

  @Test
  void every_documented_usage_line_has_the_shape_of_the_real_one() throws IOException {
    CommandHarness.Result r = new CommandHarness().run("--mock", "messages", "-u", "Hello");
    assertEquals(0, r.exitCode(), r.describe());
    String real = r.err().lines().filter(l -> l.startsWith("usage: ")).findFirst().orElseThrow();
    List<String> documented = new ArrayList<>();
    for (String page : PAGES) {
      Matcher m = USAGE.matcher(Files.readString(Path.of(page), StandardCharsets.UTF_8));
      while (m.find()) {
        if (!m.group().contains("…")) {
          documented.add(page + ": " + m.group());
          assertEquals(shape(real), shape(m.group()), page + " documents " + m.group());
        }
      }
    }
    assertFalse(documented.isEmpty(), "no usage: example found in " + PAGES);
  }

  @Test
  void the_mock_examples_of_the_docs_print_what_they_say() throws IOException {
    String doc = Files.readString(Path.of("docs/mock-server.md"), StandardCharsets.UTF_8);
    assertTrue(
        doc.contains("./anthropic --mock messages \"Hello\"     # mock answer to: Hello"), doc);
    CommandHarness.Result r = new CommandHarness().run("--mock", "messages", "Hello");
    assertEquals("mock answer to: Hello", r.out().strip(), r.describe());
    assertTrue(r.err().contains(MockMode.NOTE), r.describe());
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    assertTrue(readme.contains("./anthropic --mock messages \"Hello\""), "README offers --mock");
  }
}
