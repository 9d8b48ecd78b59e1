package com.anthropic.tool.config;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The config file ({@code $XDG_CONFIG_HOME/anthropic-cli/config.properties}) as lines: reads keep
 * the line numbers (for warnings), writes change only the lines of the key concerned (comments and
 * order stay) and replace the file atomically, mode 0600 in a directory of mode 0700.
 */
public final class ConfigFile {
  /** The keys the tool reads, named like the long flags; everything else is a mistake. */
  public static final List<String> KNOWN_KEYS =
      List.of(
          "api-key",
          "auth-token",
          "base-url",
          "api-version",
          "beta",
          "timeout",
          "max-retries",
          "model",
          "max-tokens",
          "log");

  /** The largest config file read (1 MB): a larger one is skipped with a warning. */
  public static final long MAX_BYTES = 1024 * 1024;

  /** Keys whose values are secrets: never printed in full by {@code config list}. */
  public static final Set<String> SECRET_KEYS = Set.of("api-key", "auth-token");

  private static final Set<PosixFilePermission> FILE_MODE =
      PosixFilePermissions.fromString("rw-------");

  private final Path path;
  private final List<String> lines;

  private ConfigFile(Path path, List<String> lines) {
    this.path = path;
    this.lines = lines;
  }

  /** One {@code key=value} entry and the 1-based line it is on. */
  public record Entry(String key, String value, int line) {}

  /**
   * Reads the file; a missing file is an empty one.
   *
   * @throws UncheckedIOException when it cannot be read, or is not a regular file (a FIFO or a
   *     device would block or never end: it is never opened)
   */
  public static ConfigFile read(Path path) {
    String odd = notRegular(path);
    if (odd != null) {
      throw new UncheckedIOException(
          "cannot read config file " + path + ": " + odd, new IOException(odd));
    }
    try {
      return new ConfigFile(
          path, new ArrayList<>(Files.readAllLines(path, StandardCharsets.UTF_8)));
    } catch (NoSuchFileException e) {
      return new ConfigFile(path, new ArrayList<>());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read config file " + path + ": " + e.getMessage(), e);
    }
  }

  public Path path() {
    return path;
  }

  /**
   * Why {@code path} (links followed) is not a file to read, or null when it is a regular file or
   * missing: a directory, or a FIFO, socket or device.
   */
  public static String notRegular(Path path) {
    java.nio.file.attribute.BasicFileAttributes a;
    try {
      a = Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class);
    } catch (IOException missingOrUnreadable) {
      return null; // reading it says what is wrong
    }
    if (a.isRegularFile()) {
      return null;
    }
    return a.isDirectory() ? "it is a directory" : "it is not a regular file (a FIFO or a device)";
  }

  /** The entries in file order (a later one for the same key wins, as when the file is loaded). */
  public List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    boolean[] continued = continued();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (continued[i]) {
        continue;
      }
      Optional<String> key = keyOf(l);
      if (key.isPresent()) {
        Properties p = new Properties();
        try {
          p.load(new StringReader(l));
        } catch (IOException | IllegalArgumentException e) {
          continue; // Properties would skip it too
        }
        out.add(new Entry(key.get(), p.getProperty(key.get(), ""), i + 1));
      }
    }
    return out;
  }

  /** The values by key, the last entry winning. */
  public Map<String, String> values() {
    Map<String, String> m = new LinkedHashMap<>();
    entries().forEach(e -> m.put(e.key(), e.value()));
    return m;
  }

  /** Sets key to value: its first line is replaced, any others removed; else a line is added. */
  public ConfigFile set(String key, String value) {
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("a config value cannot hold a line break");
    }
    String line = key + "=" + escape(value);
    boolean[] continued = continued();
    List<String> kept = new ArrayList<>(lines.size() + 1);
    boolean done = false;
    boolean dropping = false; // the continuation lines of a replaced entry go with it
    for (int i = 0; i < lines.size(); i++) {
      if (continued[i] && dropping) {
        continue;
      }
      dropping = !continued[i] && keyOf(lines.get(i)).filter(key::equals).isPresent();
      if (dropping) {
        if (!done) {
          kept.add(line);
          done = true;
        }
      } else {
        kept.add(lines.get(i));
      }
    }
    if (!done) {
      kept.add(line);
    }
    lines.clear();
    lines.addAll(kept);
    return this;
  }

  /** Removes every line of key; true when there was one. */
  public boolean unset(String key) {
    boolean[] continued = continued();
    List<String> kept = new ArrayList<>(lines.size());
    boolean dropping = false; // the continuation lines of a removed entry go with it
    for (int i = 0; i < lines.size(); i++) {
      if (continued[i] && dropping) {
        continue;
      }
      dropping = !continued[i] && keyOf(lines.get(i)).filter(key::equals).isPresent();
      if (!dropping) {
        kept.add(lines.get(i));
      }
    }
    boolean removed = kept.size() < lines.size();
    lines.clear();
    lines.addAll(kept);
    return removed;
  }

  /**
   * Writes the file atomically (a temporary file in the same directory, renamed into place), mode
   * 0600, in a directory of mode 0700 created when missing. Through a symbolic link, the link's
   * target is replaced the same way (the temporary file beside it) and the link is kept.
   */
  public void write() {
    try {
      Path target = linkTarget(path.toAbsolutePath());
      Path dir = target.getParent();
      if (target.equals(path.toAbsolutePath())) {
        PrivateDirs.ensure(dir); // a link's target lives where its owner put it: left as it is
      }
      Path tmp =
          Files.createTempFile(
              dir, ".config.properties.", ".tmp", PosixFilePermissions.asFileAttribute(FILE_MODE));
      try {
        Files.write(tmp, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        try {
          Files.move(
              tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write config file " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * For each line, whether it continues the one before (that one is an entry or a continuation and
   * ends in an odd number of backslashes). One pass, no recursion: any number of lines.
   */
  private boolean[] continued() {
    boolean[] out = new boolean[lines.size()];
    for (int i = 1; i < lines.size(); i++) {
      String prev = lines.get(i - 1);
      if (!out[i - 1] && keyOf(prev).isEmpty()) {
        continue;
      }
      int n = 0;
      for (int j = prev.length() - 1; j >= 0 && prev.charAt(j) == '\\'; j--) {
        n++;
      }
      out[i] = n % 2 == 1;
    }
    return out;
  }

  /**
   * The file a (chain of) symbolic link(s) names, so that a write replaces the target and keeps the
   * link (a dotfiles set-up); {@code p} itself when it is not a link.
   */
  static Path linkTarget(Path p) throws IOException {
    Path at = p;
    for (int hops = 0; Files.isSymbolicLink(at); hops++) {
      if (hops >= 40) {
        throw new IOException("too many levels of symbolic links");
      }
      Path next = Files.readSymbolicLink(at);
      Path dir = at.getParent();
      at = (dir == null ? next : dir.resolve(next)).normalize();
    }
    return at;
  }

  /** The key of a {@code key=value} line; empty for blank lines and comments. */
  static Optional<String> keyOf(String line) {
    String l = line.stripLeading();
    if (l.isEmpty() || l.startsWith("#") || l.startsWith("!")) {
      return Optional.empty();
    }
    int end = 0;
    while (end < l.length()) {
      char c = l.charAt(end);
      if (c == '=' || c == ':' || Character.isWhitespace(c)) {
        break;
      }
      if (c == '\\') {
        end++;
      }
      end++;
    }
    return Optional.of(l.substring(0, Math.min(end, l.length())));
  }

  private static String escape(String value) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        sb.append("\\\\");
      } else if (i == 0 && (c == ' ' || c == '\t')) {
        sb.append('\\').append(c);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
