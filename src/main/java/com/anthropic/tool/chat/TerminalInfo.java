package com.anthropic.tool.chat;

import com.anthropic.tool.config.PrivateDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jline.utils.InfoCmp;

/**
 * The terminal's capabilities kept between runs. Opening a terminal makes JLine run {@code infocmp
 * -x $TERM} (a process: 40-50 ms of a cold start, more on a loaded machine) for every terminal
 * type; the text it prints is kept in {@code $XDG_CACHE_HOME/anthropic-cli/terminfo/TERM} and
 * handed to JLine on the next start, so only the first chat in a terminal type waits for it. An
 * entry older than a week is captured again.
 */
final class TerminalInfo {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");
  private static final Duration FRESH = Duration.ofDays(7);

  private TerminalInfo() {}

  /** Hands a kept capability text for {@code term} to JLine, when there is a fresh one. */
  static void preload(Path dir, String term) {
    Path file = file(dir, term);
    if (file == null || !fresh(file)) {
      return;
    }
    try {
      String caps = Files.readString(file, StandardCharsets.UTF_8);
      if (!caps.isBlank()) {
        InfoCmp.setLoadedInfoCmp(term, caps);
      }
    } catch (IOException | RuntimeException e) {
      // JLine asks infocmp itself
    }
  }

  /** Keeps what JLine learnt about {@code term} for the next start (when it is not kept yet). */
  static void remember(Path dir, String term) {
    Path file = file(dir, term);
    if (file == null || fresh(file)) {
      return;
    }
    try {
      String caps = InfoCmp.getLoadedInfoCmp(term);
      if (caps != null && !caps.isBlank()) {
        PrivateDirs.ensure(dir);
        PrivateFiles.writeAtomically(file, caps);
      }
    } catch (IOException | RuntimeException e) {
      // a cache: the next start asks infocmp again
    }
  }

  private static Path file(Path dir, String term) {
    if (dir == null || term == null || !NAME.matcher(term).matches()) {
      return null;
    }
    return dir.resolve(term);
  }

  private static boolean fresh(Path file) {
    try {
      return Files.getLastModifiedTime(file).toInstant().isAfter(Instant.now().minus(FRESH));
    } catch (IOException e) {
      return false;
    }
  }
}
