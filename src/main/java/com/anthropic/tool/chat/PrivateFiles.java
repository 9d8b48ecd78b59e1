package com.anthropic.tool.chat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files that can hold prompts or answers: mode 0600, atomically, in directories of mode 0700 (made
 * so by {@link com.anthropic.tool.config.PrivateDirs}).
 */
final class PrivateFiles {
  private PrivateFiles() {}

  /**
   * Writes {@code text} to {@code file} through a temporary file in the same directory (mode 0600)
   * renamed into place, so the file is never seen half written.
   */
  static void writeAtomically(Path file, String text) throws IOException {
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
}
