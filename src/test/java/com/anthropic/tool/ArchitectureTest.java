package com.anthropic.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The client library stays a library: no CLI, terminal or config code leaks into it. */
class ArchitectureTest {
  private static final Path CLIENT = Path.of("src/main/java/com/anthropic/tool/client");
  private static final Pattern IMPORT =
      Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
  private static final List<String> FORBIDDEN =
      List.of(
          "picocli.",
          "org.jline.",
          "com.anthropic.tool.cli.",
          "com.anthropic.tool.chat.",
          "com.anthropic.tool.config.",
          "com.anthropic.tool.Main");

  @Test
  void should_keep_the_client_package_free_of_cli_terminal_and_config_imports() throws IOException {
    assertTrue(Files.isDirectory(CLIENT), "run from the project root: " + CLIENT.toAbsolutePath());
    List<String> violations = new ArrayList<>();
    List<Path> sources;
    try (Stream<Path> s = Files.walk(CLIENT)) {
      sources = s.filter(p -> p.toString().endsWith(".java")).toList();
    }
    assertTrue(sources.size() > 10, "too few sources found: " + sources.size());
    for (Path p : sources) {
      String text = Files.readString(p);
      Matcher m = IMPORT.matcher(text);
      while (m.find()) {
        for (String bad : FORBIDDEN) {
          if (m.group(1).startsWith(bad)) {
            violations.add(p + " imports " + m.group(1));
          }
        }
      }
      // fully qualified uses without an import
      for (String bad : FORBIDDEN) {
        if (text.contains(" " + bad) || text.contains("(" + bad) || text.contains("@" + bad)) {
          violations.add(p + " uses " + bad + " by its full name");
        }
      }
    }
    assertEquals(List.of(), violations);
  }
}
