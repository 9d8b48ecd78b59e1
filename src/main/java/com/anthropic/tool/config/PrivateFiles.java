package com.anthropic.tool.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files that can hold prompts, answers or settings: mode 0600, written atomically, in directories
 * of mode 0700 (made so by {@link PrivateDirs}).
 */
public final class PrivateFiles {
  private PrivateFiles() {}

  /**
   * Writes {@code text} to {@code file} through a temporary file in the same directory (mode 0600)
   * renamed into place, so the file is never seen half written. The directory must exist.
   */
  public static void writeAtomically(Path file, String text) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp"); // 0600 on POSIX
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** {@link PrivateDirs#ensure} on the file's directory, then {@link #writeAtomically}. */
  public static void write(Path file, String text) throws IOException {
    PrivateDirs.ensure(file.toAbsolutePath().getParent());
    writeAtomically(file, text);
  }
}
