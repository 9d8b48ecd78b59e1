package com.anthropic.tool.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where sqlite-jdbc finds its native library. Left alone, it unpacks the library from its jar to a
 * new file under {@code java.io.tmpdir} on every start (a megabyte written per run); here it is
 * unpacked once into a private cache directory and loaded from there ({@code org.sqlite.lib.path}
 * and {@code org.sqlite.lib.name}, which sqlite-jdbc reads before unpacking), and {@code
 * org.sqlite.tmpdir} points to the same directory should it unpack anyway.
 */
final class NativeLib {
  private static final String VERSION = "3.54.1.0";
  private static final String NAME = "libsqlitejdbc.so";

  private static final java.nio.file.attribute.FileAttribute<?> PRIVATE =
      java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
          java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));

  private NativeLib() {}

  /**
   * Prepares the native library in {@code cacheDir} (a private directory the caller made), once per
   * process; when anything fails, sqlite-jdbc's own unpacking is left to do its work.
   */
  static synchronized void prepare(Path cacheDir) {
    if (System.getProperty("org.sqlite.lib.path") != null || cacheDir == null) {
      return;
    }
    try {
      if (!Files.isDirectory(cacheDir)) {
        Files.createDirectories(cacheDir, PRIVATE);
      }
      System.setProperty("org.sqlite.tmpdir", cacheDir.toString());
      String folder = org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS();
      if (!folder.startsWith("Linux") && !folder.startsWith("FreeBSD")) {
        return; // other systems name the library differently: sqlite-jdbc unpacks it itself
      }
      Path dir = cacheDir.resolve("sqlite-" + VERSION + "-" + folder.replace('/', '-'));
      Path lib = dir.resolve(NAME);
      if (!Files.isRegularFile(lib)) {
        if (!Files.isDirectory(dir)) {
          Files.createDirectory(dir, PRIVATE);
        }
        try (InputStream in =
            NativeLib.class.getResourceAsStream("/org/sqlite/native/" + folder + "/" + NAME)) {
          if (in == null) {
            return;
          }
          Path tmp = Files.createTempFile(dir, "." + NAME, ".tmp");
          try {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            try {
              Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
              Files.move(tmp, lib, StandardCopyOption.REPLACE_EXISTING);
            }
          } finally {
            Files.deleteIfExists(tmp);
          }
        }
      }
      System.setProperty("org.sqlite.lib.path", dir.toString());
      System.setProperty("org.sqlite.lib.name", NAME);
    } catch (IOException | RuntimeException | LinkageError e) {
      // sqlite-jdbc unpacks it the usual way
    }
  }
}
