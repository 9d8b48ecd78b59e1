package com.anthropic.tool.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An {@code --output FILE} as CLI.md promises it: checked before anything is sent ({@link #check}),
 * and written to a temporary name beside it that is renamed into place only when complete ({@link
 * #write}). A failure, Ctrl-C or SIGTERM leaves neither a partial file nor a temporary one, and an
 * existing FILE untouched.
 */
final class OutputFile {
  /** Writes the whole content; an IOException is a failure to write the file. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private final String option;
  private final Path target;

  private OutputFile(String option, Path target) {
    this.option = option;
    this.target = target;
  }

  /**
   * Checks that FILE can be written: its directory exists and is writable, and FILE is not a
   * directory (nor an existing file that cannot be replaced). Exit 2 otherwise.
   *
   * @param option the option's name for the message, e.g. {@code --output}
   */
  static OutputFile check(String option, Path file) {
    Path target = file.toAbsolutePath().normalize();
    if (Files.isDirectory(target)) {
      throw CliException.input(option + ": " + file + " is a directory; give a file name");
    }
    Path dir = target.getParent();
    if (dir == null || !Files.exists(dir)) {
      throw CliException.input(option + ": the directory " + dir + " does not exist");
    }
    if (!Files.isDirectory(dir)) {
      throw CliException.input(option + ": " + dir + " is not a directory");
    }
    if (!Files.isWritable(dir)) {
      throw CliException.input(option + ": the directory " + dir + " is not writable");
    }
    return new OutputFile(option, target);
  }

  Path target() {
    return target;
  }

  /**
   * Writes {@code content} to a temporary file beside FILE and renames it into place. Whatever ends
   * the write early (an exception, or the JVM shutting down on SIGINT/SIGTERM) deletes the
   * temporary file.
   */
  void write(Content content) {
    Path dir = target.getParent();
    Path tmp;
    try {
      tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
    } catch (IOException e) {
      throw CliException.input(option + ": cannot create a file in " + dir + ": " + e.getMessage());
    }
    Thread cleanup = new Thread(() -> deleteQuietly(tmp), "anthropic-output-cleanup");
    boolean hooked = addHook(cleanup);
    boolean done = false;
    try {
      if (!hooked) {
        throw new CliException(ExitCodes.INTERRUPTED, "interrupted", "interrupted");
      }
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        content.writeTo(out);
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.FAILURE, "io_error", "cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      if (!done) {
        deleteQuietly(tmp);
      }
      if (hooked) {
        removeHook(cleanup);
      }
    }
  }

  private static boolean addHook(Thread hook) {
    try {
      Runtime.getRuntime().addShutdownHook(hook);
      return true;
    } catch (IllegalStateException shuttingDown) {
      return false;
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs (or ran) and deletes a temporary name that no longer exists: harmless
    }
  }

  private static void deleteQuietly(Path tmp) {
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException ignored) {
      // best effort: the partial file has a .part name and never looks complete
    }
  }
}
