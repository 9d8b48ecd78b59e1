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

/**
 * The model ids on disk ({@code $XDG_CACHE_HOME/anthropic-cli/models.txt}, one id a line) for shell
 * completion of {@code --model}. Short-lived; written atomically, mode 0600 in a 0700 directory.
 * Failing to read or write it is never an error.
 */
final class ModelCache {
  static final Duration TTL = Duration.ofHours(1);
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
              .filter(s -> !s.isBlank())
              .toList());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Replaces the cache with these ids; returns false when it could not be written. */
  boolean write(List<String> ids) {
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
