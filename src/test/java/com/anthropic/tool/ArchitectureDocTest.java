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

/** ARCHITECTURE.md stays true: its map names every package, and every file it names exists. */
class ArchitectureDocTest {
  private static final Path DOC = Path.of("ARCHITECTURE.md");
  private static final Path MAIN = Path.of("src/main/java/com/anthropic/tool");

  @Test
  void should_list_every_package_in_the_map() throws IOException {
    String doc = Files.readString(DOC);
    List<String> missing = new ArrayList<>();
    try (Stream<Path> dirs = Files.walk(MAIN)) {
      for (Path dir : dirs.filter(Files::isDirectory).filter(d -> !d.equals(MAIN)).toList()) {
        String name = MAIN.relativize(dir).toString().replace('\\', '/') + "/";
        if (!doc.contains("| `" + name + "` |")) {
          missing.add(name);
        }
      }
    }
    assertEquals(List.of(), missing, "packages without a row in ARCHITECTURE.md's map");
  }

  @Test
  void should_name_only_files_that_exist() throws IOException {
    Matcher m = Pattern.compile("`([\\w/]+\\.java)`").matcher(Files.readString(DOC));
    List<String> missing = new ArrayList<>();
    int named = 0;
    while (m.find()) {
      named++;
      String file = m.group(1);
      boolean exists =
          Files.isRegularFile(MAIN.resolve(file))
              || Files.isRegularFile(Path.of("src/test/java/com/anthropic/tool").resolve(file));
      if (!exists) {
        missing.add(file);
      }
    }
    assertTrue(named > 20, "too few files named: " + named);
    assertEquals(List.of(), missing, "files ARCHITECTURE.md names that do not exist");
  }

  @Test
  void should_open_the_real_standard_streams_only_in_main() throws IOException {
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> s = Files.walk(MAIN)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
        String text = Files.readString(p);
        boolean opens =
            text.contains("System.out")
                || text.contains("System.err")
                || text.contains("FileDescriptor.out")
                || text.contains("FileDescriptor.err");
        if (opens && !p.getFileName().toString().equals("Main.java")) {
          offenders.add(p.toString());
        }
      }
    }
    assertEquals(List.of(), offenders, "only Main opens the real stdout and stderr");
  }
}
