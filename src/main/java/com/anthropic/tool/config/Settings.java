package com.anthropic.tool.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Settings with the precedence of CLI.md: command-line flag, then environment, then the config
 * file, then the default. Config keys are named like the long flags ({@code model}, {@code
 * max-tokens}, {@code base-url}, ...).
 */
public final class Settings {
  private final Map<String, String> env;
  private final Properties file;
  private final XdgPaths paths;

  private Settings(Map<String, String> env, Properties file, XdgPaths paths) {
    this.env = Map.copyOf(env);
    this.file = file;
    this.paths = paths;
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
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (NoSuchFileException missing) {
      // no config file: defaults apply
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot read config file " + file + ": " + e.getMessage(), e);
    }
    return new Settings(env, p, paths);
  }

  /** For tests: explicit environment and file contents. */
  public static Settings of(Map<String, String> env, Map<String, String> fileValues) {
    Properties p = new Properties();
    p.putAll(fileValues);
    return new Settings(env, p, XdgPaths.from(env));
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
