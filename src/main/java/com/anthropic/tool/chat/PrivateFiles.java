package com.anthropic.tool.chat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Files that can hold prompts or answers: mode 0600, in directories of mode 0700, atomically. */
final class PrivateFiles {
  private PrivateFiles() {}

  /** Creates {@code dir} (and missing parents) with mode 0700 when it does not exist. */
  static void createDir(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path parent = dir.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      createDir(parent);
    }
    try {
      Files.createDirectory(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (FileAlreadyExistsException e) {
      // made meanwhile
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(dir);
    }
  }

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
