package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * README.md's "Commands" table is where a newcomer learns what the tool does: every visible
 * top-level command has a row there (a row's first cell starts with the command's name in
 * backticks). A new command, or one left out, fails here by name.
 */
class ReadmeCommandsTest {
  @Test
  void should_list_every_top_level_command_in_the_readme_table() throws IOException {
    List<String> rows =
        Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8).stream()
            .filter(l -> l.startsWith("| `"))
            .toList();
    assertTrue(rows.size() > 5, "no Commands table found in README.md");
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, CommandLine> sub :
        GeneratedDocs.commandLine().getSubcommands().entrySet()) {
      CommandSpec s = sub.getValue().getCommandSpec();
      if (s.usageMessage().hidden() || !sub.getKey().equals(s.name())) {
        continue; // aliases and hidden commands
      }
      String cell = "`" + s.name();
      if (rows.stream().noneMatch(r -> r.contains("| " + cell) || r.contains(", " + cell))) {
        missing.add(s.name());
      }
    }
    assertEquals(List.of(), missing, "commands without a row in README.md's Commands table");
  }
}
