package com.anthropic.tool.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.jline.utils.InfoCmp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The terminal capabilities kept between runs, so that JLine need not run infocmp each start. */
class TerminalInfoTest {
  @TempDir Path tmp;

  @Test
  void should_keep_what_jline_learnt_and_hand_it_back_on_the_next_start() throws Exception {
    String term = "anthropic-test-term-" + System.nanoTime();
    InfoCmp.setLoadedInfoCmp(term, "test-term|a test,\n\tam, cols#80,\n");
    Path dir = tmp.resolve("cache/terminfo");

    TerminalInfo.remember(dir, term);

    Path kept = dir.resolve(term);
    assertEquals("test-term|a test,\n\tam, cols#80,\n", Files.readString(kept));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
    String next = "other-" + term;
    Files.copy(kept, dir.resolve(next));
    assertNull(InfoCmp.getLoadedInfoCmp(next));
    TerminalInfo.preload(dir, next);
    assertEquals("test-term|a test,\n\tam, cols#80,\n", InfoCmp.getLoadedInfoCmp(next));
  }

  @Test
  void should_ignore_a_stale_entry_and_a_term_that_is_no_file_name() throws Exception {
    String term = "anthropic-stale-" + System.nanoTime();
    Path dir = tmp.resolve("terminfo");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(term), "stale|old,\n");
    Files.setLastModifiedTime(
        dir.resolve(term), FileTime.from(Instant.now().minus(Duration.ofDays(8))));
    TerminalInfo.preload(dir, term);
    assertNull(InfoCmp.getLoadedInfoCmp(term));

    InfoCmp.setLoadedInfoCmp("../escape", "x|y,\n");
    TerminalInfo.remember(dir, "../escape");
    assertFalse(Files.exists(tmp.resolve("escape")));
  }
}
