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
  private final OutputStream direct;

  private OutputFile(String option, Path target, OutputStream direct) {
    this.option = option;
    this.target = target;
    this.direct = direct;
  }

  /** The names of this process's stdout: written straight to, never through a temporary file. */
  private static final java.util.Set<String> STDOUT =
      java.util.Set.of("/dev/stdout", "/dev/fd/1", "/proc/self/fd/1");

  /**
   * Like {@link #check(String, Path)}; {@code /dev/stdout} (and {@code /dev/fd/1}) is the command's
   * own stdout, written straight to, and an existing FIFO or device is written straight to as well
   * (it cannot be replaced by a rename).
   */
  static OutputFile check(CommandSupport s, String option, Path file) {
    Path target = file.toAbsolutePath().normalize();
    if (STDOUT.contains(target.toString())) {
      s.out().flush();
      OutputStream raw = s.ctx().stdout();
      return new OutputFile(option, target, raw != null ? raw : new WriterStream(s.out()));
    }
    return check(option, file);
  }

  /**
   * Checks that FILE can be written: its directory exists and is writable, and FILE is not a
   * directory (nor an existing file that cannot be replaced). Exit 2 otherwise.
   *
   * @param option the option's name for the message, e.g. {@code --output}
   */
  static OutputFile check(String option, Path file) {
    Path target = linkTarget(option, file.toAbsolutePath().normalize());
    if (Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target)) {
      return new OutputFile(option, target, null); // a FIFO or a device: written straight to
    }
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
    return new OutputFile(option, target, null);
  }

  /**
   * Where a symbolic link points (as curl writes through one): the link is kept and its target
   * written, a temporary file beside the target. Not a link: {@code path} itself.
   */
  static Path linkTarget(String option, Path path) {
    Path p = path;
    for (int hops = 0; Files.isSymbolicLink(p); hops++) {
      if (hops >= 40) {
        throw CliException.input(option + ": " + path + ": too many levels of symbolic links");
      }
      try {
        Path dir = p.getParent();
        Path next = Files.readSymbolicLink(p);
        p = (dir == null ? next : dir.resolve(next)).toAbsolutePath().normalize();
      } catch (IOException e) {
        throw CliException.input(option + ": cannot read the link " + path + ": " + e.getMessage());
      }
    }
    return p;
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
    if (direct != null || (Files.exists(target) && !Files.isRegularFile(target))) {
      writeStraight(content);
      return;
    }
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

  /** Writes to stdout, a FIFO or a device as it is: there is no file to rename into place. */
  private void writeStraight(Content content) {
    try {
      if (direct != null) {
        OutputStream out = new BufferedOutputStream(direct, 1 << 16);
        try {
          content.writeTo(out);
          out.flush();
        } catch (IOException closedStdout) {
          // stdout closed (piped into head): end quietly; closing the download cancels it
        }
        return;
      }
      try (OutputStream out =
          new BufferedOutputStream(
              Files.newOutputStream(target, java.nio.file.StandardOpenOption.WRITE), 1 << 16)) {
        content.writeTo(out);
      }
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.FAILURE, "io_error", "cannot write " + target + ": " + e.getMessage(), e);
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
