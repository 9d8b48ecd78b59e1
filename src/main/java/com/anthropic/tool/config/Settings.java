package com.anthropic.tool.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Settings with the precedence of CLI.md: command-line flag, then environment, then the config
 * file, then the default. Config keys are named like the long flags ({@code model}, {@code
 * max-tokens}, {@code base-url}, ...).
 */
public final class Settings {
  private final Map<String, String> env;
  private final Properties file;
  private final XdgPaths paths;
  private final List<String> warnings;

  private Settings(
      Map<String, String> env, Properties file, XdgPaths paths, List<String> warnings) {
    this.env = Map.copyOf(env);
    this.file = file;
    this.paths = paths;
    this.warnings = List.copyOf(warnings);
  }

  /**
   * Reads the config file named by the environment's XDG paths; a missing file is fine.
   *
   * @throws IllegalArgumentException when the file exists but cannot be read
   */
  public static Settings load(Map<String, String> env) {
    XdgPaths paths = XdgPaths.from(env);
    Properties p = new Properties();
    Path file = paths.configFile();
    List<String> warnings = new ArrayList<>();
    String odd = ConfigFile.notRegular(file);
    if (odd != null && !Files.isDirectory(file)) {
      // a FIFO would block every command, a device never end: never opened
      warnings.add("config file " + file + " skipped: " + odd);
      return new Settings(env, p, paths, warnings);
    }
    long size = sizeOf(file);
    if (size > ConfigFile.MAX_BYTES) {
      warnings.add(
          "config file "
              + file
              + " skipped: it is "
              + size
              + " bytes, over the "
              + ConfigFile.MAX_BYTES
              + " a config file may have");
      return new Settings(env, p, paths, warnings);
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (NoSuchFileException missing) {
      return new Settings(env, p, paths, warnings); // no config file: defaults apply
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalArgumentException(
          "cannot read config file " + file + ": it is not UTF-8 text", e);
    } catch (IOException | IllegalArgumentException e) {
      String why =
          Files.isDirectory(file)
              ? "it is a directory"
              : e.getMessage().startsWith("Malformed \\u")
                  ? "a malformed \\uXXXX escape"
                  : e.getMessage();
      throw new IllegalArgumentException("cannot read config file " + file + ": " + why, e);
    }
    check(file, warnings);
    return new Settings(env, p, paths, warnings);
  }

  private static long sizeOf(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0; // reading it says what is wrong
    }
  }

  /** Unknown keys (by line, with the closest known one) and a key file others can read. */
  private static void check(Path file, List<String> warnings) {
    ConfigFile config;
    try {
      config = ConfigFile.read(file);
    } catch (java.io.UncheckedIOException e) {
      return;
    }
    boolean secret = false;
    for (ConfigFile.Entry e : config.entries()) {
      if (ConfigFile.SECRET_KEYS.contains(e.key()) && !e.value().isBlank()) {
        secret = true;
      }
      if (!ConfigFile.KNOWN_KEYS.contains(e.key())) {
        warnings.add(
            file
                + " line "
                + e.line()
                + ": unknown key '"
                + e.key()
                + "'"
                + Suggestions.closest(e.key(), ConfigFile.KNOWN_KEYS)
                    .map(k -> " (did you mean '" + k + "'?)")
                    .orElse("")
                + "; it is ignored");
      }
    }
    if (secret) {
      try {
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
        Set<PosixFilePermission> wider = EnumSet.copyOf(mode);
        wider.removeAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        if (!wider.isEmpty()) {
          warnings.add(
              file
                  + " holds a key and is mode "
                  + PosixFilePermissions.toString(mode)
                  + ", readable by others: chmod 600 "
                  + file);
        }
      } catch (IOException | UnsupportedOperationException e) {
        // no POSIX modes here
      }
    }
  }

  /** Problems found in the config file, one sentence each, for {@code warning:} lines. */
  public List<String> warnings() {
    return warnings;
  }

  /** For tests: explicit environment and file contents. */
  public static Settings of(Map<String, String> env, Map<String, String> fileValues) {
    Properties p = new Properties();
    p.putAll(fileValues);
    return new Settings(env, p, XdgPaths.from(env), List.of());
  }

  public Map<String, String> env() {
    return env;
  }

  public XdgPaths paths() {
    return paths;
  }

  /** A value from the config file only. */
  public Optional<String> fromFile(String key) {
    String v = file.getProperty(key);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  /** A value from the environment only. */
  public Optional<String> fromEnv(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  /** flag, then each env variable in order, then the config key; empty when none is set. */
  public Optional<String> resolve(String flagValue, String configKey, String... envNames) {
    if (flagValue != null) {
      return Optional.of(flagValue);
    }
    for (String name : envNames) {
      Optional<String> v = fromEnv(name);
      if (v.isPresent()) {
        return v;
      }
    }
    return fromFile(configKey);
  }
}
