package com.anthropic.tool.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat input history holds every prompt typed: it is 0600 in a 0700 directory (CLI.md "Files
 * the tool writes"), also when it or its directory was there before with a wider mode.
 */
class HistoryFileModeTest {
  @TempDir Path tmp;

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private void typeOneLine(Path history) throws Exception {
    Terminal terminal =
        new DumbTerminal(
            "test",
            Terminal.TYPE_DUMB,
            new ByteArrayInputStream("a secret plan\n".getBytes(StandardCharsets.UTF_8)),
            new ByteArrayOutputStream(),
            StandardCharsets.UTF_8);
    JLineConsole console =
        new JLineConsole(
            terminal, new PrintWriter(new StringWriter()), false, Map.of(), history, List::of);
    assertEquals("a secret plan", console.readMessage());
    console.close();
  }

  @Test
  void should_keep_the_history_0600_in_a_0700_directory() throws Exception {
    Path history = tmp.resolve("state/anthropic-cli/history");

    typeOneLine(history);

    assertTrue(Files.readString(history).contains("a secret plan"));
    assertEquals("rw-------", mode(history));
    assertEquals("rwx------", mode(history.getParent()));
  }

  @Test
  void should_make_an_existing_wider_history_0600() throws Exception {
    Path history = tmp.resolve("state/anthropic-cli/history");
    Files.createDirectories(history.getParent());
    Files.writeString(history, "");
    Files.setPosixFilePermissions(history, PosixFilePermissions.fromString("rw-r--r--"));

    typeOneLine(history);

    assertEquals("rw-------", mode(history));
  }

  @Test
  void should_tighten_our_existing_0755_state_directory_but_not_the_xdg_base() throws Exception {
    Path state = tmp.resolve("state");
    Path history = state.resolve("anthropic-cli/history");
    Files.createDirectories(history.getParent());
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(
        history.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));

    typeOneLine(history);

    assertEquals("rw-------", mode(history));
    assertEquals("rwx------", mode(history.getParent()));
    assertEquals("rwxr-xr-x", mode(state));
  }
}
