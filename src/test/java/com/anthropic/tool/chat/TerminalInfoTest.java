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

/**
 * The terminal capabilities kept between runs, so that JLine need not run infocmp each start; kept
 * as every file of ours, 0600 in our 0700 directories (tightened when an older version left them
 * wider).
 */
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

  @Test
  void should_tighten_our_0755_cache_directories_and_leave_the_xdg_base_alone() throws Exception {
    Path cache = tmp.resolve("xdg-cache");
    Path app = cache.resolve("anthropic-cli");
    Files.createDirectories(app);
    Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(app, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path dir = app.resolve("terminfo");
    String term = "anthropic-modes-" + System.nanoTime();
    InfoCmp.setLoadedInfoCmp(term, "modes|a test,\n\tcols#80,\n");

    TerminalInfo.remember(dir, term);

    assertEquals("rw-------", mode(dir.resolve(term)));
    assertEquals("rwx------", mode(dir));
    assertEquals("rwx------", mode(app));
    assertEquals("rwxr-xr-x", mode(cache));
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
