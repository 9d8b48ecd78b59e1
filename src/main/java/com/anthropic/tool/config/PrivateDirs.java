package com.anthropic.tool.config;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The directories of ours that files holding prompts, answers or keys go into: the {@code
 * anthropic-cli} directory under an XDG base directory ({@link XdgPaths}) and every directory below
 * it. Before a file is written into one, each of them from the file's directory up to that {@code
 * anthropic-cli} directory is created with mode 0700 when missing, and made 0700 (the group and
 * other bits removed) when it is there with a wider mode: 0755 from an older version, or from a
 * {@code mkdir} with the default umask. The directories above it (the user's {@code ~/.config},
 * {@code ~/.local/share}, ...) are created as {@code mkdir -p} would when missing and never
 * changed.
 */
public final class PrivateDirs {
  private static final Set<PosixFilePermission> GROUP_AND_OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private PrivateDirs() {}

  /**
   * Makes {@code dir} ready for a private file, as the class says. A {@code dir} that is neither an
   * {@code anthropic-cli} directory nor below one is created (0700) when missing and otherwise left
   * as it is.
   *
   * @throws IOException when a directory cannot be created or its mode cannot be changed
   */
  public static void ensure(Path dir) throws IOException {
    Path abs = dir.toAbsolutePath().normalize();
    List<Path> chain = new ArrayList<>(); // dir, its parent, ... up to our anthropic-cli
    boolean ours = false;
    for (Path p = abs; p != null && p.getFileName() != null; p = p.getParent()) {
      chain.add(p);
      if (p.getFileName().toString().equals(XdgPaths.APP)) {
        ours = true;
        break;
      }
    }
    if (!ours) {
      chain = List.of(abs);
    }
    Path above = chain.get(chain.size() - 1).getParent();
    if (above != null && !Files.isDirectory(above)) {
      Files.createDirectories(above);
    }
    for (int i = chain.size() - 1; i >= 0; i--) {
      Path p = chain.get(i);
      if (!Files.isDirectory(p) && create(p)) {
        continue;
      }
      if (ours) {
        tighten(p);
      }
    }
  }

  /** Creates {@code p} with mode 0700; false when it was made meanwhile. */
  private static boolean create(Path p) throws IOException {
    try {
      Files.createDirectory(
          p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      return true;
    } catch (FileAlreadyExistsException raced) {
      return false;
    } catch (UnsupportedOperationException notPosix) {
      Files.createDirectories(p);
      return true;
    }
  }

  /** Removes the group and other bits, leaving the owner's as they are. */
  private static void tighten(Path p) throws IOException {
    Set<PosixFilePermission> mode;
    try {
      mode = Files.getPosixFilePermissions(p);
    } catch (UnsupportedOperationException notPosix) {
      return;
    }
    if (mode.removeAll(GROUP_AND_OTHERS)) {
      Files.setPosixFilePermissions(p, mode);
    }
  }
}
