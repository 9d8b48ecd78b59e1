package com.anthropic.tool.cli;

import com.anthropic.tool.config.PrivateDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The model ids on disk ({@code $XDG_CACHE_HOME/anthropic-cli/models.txt}, one id a line) for shell
 * completion of {@code --model}. Short-lived; written atomically, mode 0600 in a 0700 directory.
 * Failing to read or write it is never an error. Model ids come from a server (or a proxy), so they
 * are data: only ids that look like ids ({@link #ID}) are kept or read back; shell completion
 * offers these words and must never be handed a shell's special character.
 */
final class ModelCache {
  static final Duration TTL = Duration.ofHours(1);

  /** What a model id looks like: letters, digits and {@code . _ : @ -}, at most 128 of them. */
  static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

  private final Path file;

  ModelCache(Path cacheDir) {
    this.file = cacheDir.resolve("models.txt");
  }

  Path file() {
    return file;
  }

  /** The cached ids when the file is younger than the TTL. */
  Optional<List<String>> fresh(Instant now) {
    try {
      FileTime t = Files.getLastModifiedTime(file);
      if (Duration.between(t.toInstant(), now).compareTo(TTL) > 0) {
        return Optional.empty();
      }
      return Optional.of(
          Files.readAllLines(file, StandardCharsets.UTF_8).stream()
              .filter(ModelCache::isId)
              .toList());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static boolean isId(String s) {
    return s != null && ID.matcher(s).matches();
  }

  /**
   * The ids that look like ids; the others are left out and named in one {@code warning} sentence
   * (shown visibly: a control character in one never reaches the terminal).
   */
  static List<String> valid(List<String> ids, Consumer<String> warning) {
    List<String> kept = ids.stream().filter(ModelCache::isId).toList();
    int dropped = ids.size() - kept.size();
    if (dropped > 0) {
      String first = ids.stream().filter(s -> !isId(s)).findFirst().orElse("");
      String shown = first.length() > 60 ? first.substring(0, 60) + "…" : first;
      warning.accept(
          "left "
              + (dropped == 1 ? "1 model id" : dropped + " model ids")
              + " out of the completion cache: not [A-Za-z0-9._:@-], at most 128 characters"
              + " (first: \""
              + com.anthropic.tool.text.ControlChars.visible(shown)
              + "\")");
    }
    return kept;
  }

  /**
   * Replaces the cache with these ids (only those that look like ids); returns false when it could
   * not be written.
   */
  boolean write(List<String> ids) {
    ids = ids.stream().filter(ModelCache::isId).toList();
    Path dir = file.getParent();
    Path tmp = null;
    try {
      PrivateDirs.ensure(dir);
      tmp = Files.createTempFile(dir, ".models", ".tmp"); // 0600 on POSIX
      Files.write(tmp, (String.join("\n", ids) + "\n").getBytes(StandardCharsets.UTF_8));
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort
        }
      }
      return false;
    }
  }
}
