package com.anthropic.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/library.md shows only code that is compiled and run: each {@code <!-- include: FILE#TAG -->}
 * line is followed by a java block equal to the region {@code // tag::TAG[]} … {@code //
 * end::TAG[]} of FILE (an example of examples/client-example, which the build compiles against the
 * client-only jar and {@code ClientExampleIT} runs against the mock server), and every region is
 * shown. With {@code -Dlibrary.docs.update=true} the page's blocks are rewritten from the sources
 * instead.
 */
class LibraryDocsTest {
  private static final Path PAGE = Path.of("docs/library.md");
  private static final Path EXAMPLES = Path.of("examples/client-example/src/main/java");
  private static final Pattern INCLUDE = Pattern.compile("^<!-- include: (\\S+)#(\\S+) -->$");
  private static final Pattern TAG = Pattern.compile("^\\s*// tag::([\\w-]+)\\[]$");

  @Test
  void should_show_each_marked_region_of_the_examples_exactly_as_compiled() throws IOException {
    List<String> lines = Files.readAllLines(PAGE, StandardCharsets.UTF_8);
    List<String> wrong = new ArrayList<>();
    List<String> fixed = new ArrayList<>();
    Set<String> shown = new LinkedHashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      fixed.add(lines.get(i));
      Matcher m = INCLUDE.matcher(lines.get(i));
      if (!m.matches()) {
        continue;
      }
      Path file = Path.of(m.group(1));
      shown.add(file.getFileName() + "#" + m.group(2));
      List<String> region = region(file, m.group(2));
      int end = i + 1;
      List<String> block = List.of();
      if (end < lines.size() && lines.get(end).equals("```java")) {
        int close = lines.subList(end + 1, lines.size()).indexOf("```");
        if (close >= 0) {
          block = lines.subList(end + 1, end + 1 + close);
          end = end + 1 + close;
        } else {
          end = i;
        }
      } else {
        end = i;
      }
      if (!block.equals(region)) {
        wrong.add(
            "docs/library.md line "
                + (i + 1)
                + ": the block after '"
                + lines.get(i)
                + "' should be\n```java\n"
                + String.join("\n", region)
                + "\n```");
      }
      fixed.add("```java");
      fixed.addAll(region);
      fixed.add("```");
      i = end;
    }
    if (Boolean.getBoolean("library.docs.update") && !wrong.isEmpty()) {
      Files.writeString(PAGE, String.join("\n", fixed) + "\n", StandardCharsets.UTF_8);
      return;
    }
    assertEquals(List.of(), wrong, "(-Dlibrary.docs.update=true rewrites them)");

    Set<String> regions = new LinkedHashSet<>();
    try (Stream<Path> s = Files.walk(EXAMPLES)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
          Matcher t = TAG.matcher(line);
          if (t.matches()) {
            regions.add(p.getFileName() + "#" + t.group(1));
          }
        }
      }
    }
    assertTrue(regions.size() >= 10, "regions found: " + regions);
    Set<String> unshown = new LinkedHashSet<>(regions);
    unshown.removeAll(shown);
    assertEquals(Set.of(), unshown, "regions of the examples that docs/library.md leaves out");
  }

  /** The lines between the region's markers, its common indentation removed. */
  private static List<String> region(Path file, String tag) throws IOException {
    assertTrue(Files.isRegularFile(file), "docs/library.md includes a missing file " + file);
    List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
    int start = -1;
    int end = -1;
    for (int i = 0; i < all.size(); i++) {
      String line = all.get(i).strip();
      if (line.equals("// tag::" + tag + "[]")) {
        start = i + 1;
      } else if (line.equals("// end::" + tag + "[]") && start >= 0) {
        end = i;
        break;
      }
    }
    assertTrue(start >= 0 && end >= start, "no region " + tag + " in " + file);
    List<String> region = all.subList(start, end);
    int indent =
        region.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    List<String> out = new ArrayList<>();
    for (String l : region) {
      out.add(l.isBlank() ? "" : l.substring(indent));
    }
    return out;
  }
}
