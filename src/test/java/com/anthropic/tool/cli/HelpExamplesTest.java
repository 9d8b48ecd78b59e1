package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's {@code --help} ends with an Examples section of real command lines: picocli's
 * {@code footerHeading = "%nExamples:%n"} and {@code footer} lines that run {@code anthropic}. A
 * new command without one fails here, by name.
 */
class HelpExamplesTest {
  @Test
  void should_show_examples_in_the_help_of_every_command() {
    List<CommandLine> all = GeneratedDocs.everyCommand();
    assertTrue(all.size() > 15, "too few commands found: " + all.size());
    List<String> missing = new ArrayList<>();
    for (CommandLine cl : all) {
      String name = cl.getCommandSpec().qualifiedName(" ");
      String help = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
      int at = help.indexOf("\nExamples:\n");
      if (at < 0) {
        missing.add(name + ": no 'Examples:' section in --help");
        continue;
      }
      long examples =
          help.substring(at)
              .lines()
              .filter(l -> l.startsWith("  ") && l.contains("anthropic "))
              .count();
      if (examples == 0) {
        missing.add(name + ": the Examples section has no 'anthropic ...' command line");
      }
    }
    assertEquals(List.of(), missing, "every command's --help needs real examples");
  }
}
