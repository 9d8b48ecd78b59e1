package com.anthropic.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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

  private static final Path MAIN = Path.of("src/main/java/com/anthropic/tool");

  @Test
  void should_keep_the_client_internals_to_the_client() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path p : sources(MAIN)) {
      if (p.startsWith(CLIENT)) {
        continue;
      }
      for (String imported : imports(Files.readString(p))) {
        if (imported.startsWith("com.anthropic.tool.client.internal.")) {
          violations.add(p + " imports " + imported);
        }
      }
      if (Files.readString(p).contains("com.anthropic.tool.client.internal.")) {
        violations.add(p + " names com.anthropic.tool.client.internal");
      }
    }
    assertEquals(List.of(), new ArrayList<>(new TreeSet<>(violations)));
  }

  private static final Path MCP = MAIN.resolve("mcp");
  private static final List<String> MCP_SDK = List.of("io.modelcontextprotocol.", "reactor.");

  @Test
  void should_keep_the_mcp_sdk_inside_the_mcp_package_and_mcp_to_cli_through_one_class()
      throws IOException {
    // the MCP SDK (with Reactor and Jackson) loads only when --mcp is given: only mcp/ uses it,
    // and only cli/McpTools names mcp/ (the start-up of every other command never touches it)
    List<String> violations = new ArrayList<>();
    for (Path p : sources(MAIN)) {
      if (p.startsWith(MCP)) {
        continue;
      }
      String text = Files.readString(p);
      for (String imported : imports(text)) {
        for (String sdk : MCP_SDK) {
          if (imported.startsWith(sdk)) {
            violations.add(p + " imports " + imported);
          }
        }
      }
      if (text.contains("com.anthropic.tool.mcp.") && !p.endsWith("cli/McpTools.java")) {
        violations.add(p + " names com.anthropic.tool.mcp (only cli/McpTools may)");
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void should_keep_the_mcp_package_free_of_cli_chat_and_config() throws IOException {
    List<String> violations = new ArrayList<>();
    List<Path> sources = sources(MCP);
    assertTrue(sources.size() > 2, "too few sources found: " + sources);
    for (Path p : sources) {
      for (String imported : imports(Files.readString(p))) {
        if (imported.startsWith("com.anthropic.tool.")
            && !imported.startsWith("com.anthropic.tool.client.")
            && !imported.startsWith("com.anthropic.tool.process.") // a leaf: process groups
            && !imported.startsWith("com.anthropic.tool.mcp.")) {
          violations.add(p + " imports " + imported);
        }
        if (imported.startsWith("picocli.") || imported.startsWith("org.jline.")) {
          violations.add(p + " imports " + imported);
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void should_have_no_cycle_between_the_client_packages() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    for (Path p : sources(CLIENT)) {
      String text = Files.readString(p);
      Matcher pkg = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE).matcher(text);
      assertTrue(pkg.find(), "no package line in " + p);
      String from = pkg.group(1);
      Set<String> to = uses.computeIfAbsent(from, k -> new TreeSet<>());
      for (String imported : imports(text)) {
        if (imported.startsWith("com.anthropic.tool.client.")) {
          String target = imported.substring(0, imported.lastIndexOf('.'));
          // a nested type's import names its outer type: strip segments that start upper-case
          while (Character.isUpperCase(target.charAt(target.lastIndexOf('.') + 1))) {
            target = target.substring(0, target.lastIndexOf('.'));
          }
          if (!target.equals(from)) {
            to.add(target);
          }
        }
      }
    }
    List<String> cycles = new ArrayList<>();
    for (String a : uses.keySet()) {
      for (String b : uses.get(a)) {
        if (a.compareTo(b) < 0 && reaches(uses, b, a, new TreeSet<>())) {
          cycles.add(a + " <-> " + b);
        }
      }
    }
    assertEquals(List.of(), cycles, "package dependencies: " + uses);
  }

  private static boolean reaches(
      Map<String, Set<String>> uses, String from, String to, Set<String> seen) {
    if (from.equals(to)) {
      return true;
    }
    if (!seen.add(from)) {
      return false;
    }
    for (String next : uses.getOrDefault(from, Set.of())) {
      if (reaches(uses, next, to, seen)) {
        return true;
      }
    }
    return false;
  }

  private static List<Path> sources(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static List<String> imports(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = IMPORT.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
