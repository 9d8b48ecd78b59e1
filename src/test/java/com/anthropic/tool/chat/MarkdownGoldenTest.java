package com.anthropic.tool.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden screens: each Markdown sample of src/test/resources/markdown rendered at 40, 80 and 120
 * columns, compared with the expected screen next to it ({@code NAME.WIDTH.txt}, escape sequences
 * written as ⎋). {@code -Dgolden.update=true} writes them afresh (then read the diff).
 */
class MarkdownGoldenTest {
  private static final Path DIR = Path.of("src/test/resources/markdown");

  @ParameterizedTest(name = "{0} at {1} columns")
  @CsvSource({
    "mixed,40", "mixed,80", "mixed,120",
    "code,40", "code,80", "code,120",
    "wide,40", "wide,80", "wide,120"
  })
  void renders_as_the_golden_screen(String sample, int width) throws IOException {
    String md = Files.readString(DIR.resolve(sample + ".md"), StandardCharsets.UTF_8);
    List<String> lines = new MarkdownRender(false).render(md, width);
    String actual = String.join("\n", lines).replace('\u001b', '⎋') + "\n";
    Path golden = DIR.resolve(sample + "." + width + ".txt");
    if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, sample + " at " + width);
    // prose fits the width; only code lines may reach it, and then end in the cut marker
    for (String l : new VtScreen(10_000).write(String.join("\n", lines)).lines()) {
      assertTrue(TextWrap.width(l) <= width, "wider than " + width + ": " + l);
    }
  }
}
