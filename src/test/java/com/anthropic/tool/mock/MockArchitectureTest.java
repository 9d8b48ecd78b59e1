package com.anthropic.tool.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The mock server stands alone: the JDK and Gson only, so tests and the CLI can both use it. */
class MockArchitectureTest {
  private static final Path MOCK = Path.of("src/main/java/com/anthropic/tool/mock");

  @Test
  void should_import_nothing_from_the_cli_the_client_or_picocli() throws IOException {
    assertTrue(Files.isDirectory(MOCK), "run from the project root: " + MOCK.toAbsolutePath());
    List<String> violations = new ArrayList<>();
    try (Stream<Path> s = Files.walk(MOCK)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
        for (String line : Files.readAllLines(p)) {
          String l = line.strip();
          for (String bad :
              List.of(
                  "picocli.",
                  "org.jline.",
                  "com.anthropic.tool.cli.",
                  "com.anthropic.tool.client.",
                  "com.anthropic.tool.chat.",
                  "com.anthropic.tool.config.")) {
            if (l.startsWith("import") && l.contains(bad)
                || !l.startsWith("*") && l.contains(" " + bad)) {
              violations.add(p + ": " + l);
            }
          }
        }
      }
    }
    assertEquals(List.of(), violations);
  }
}
