package com.anthropic.tool.config;

import java.nio.file.Path;
import java.util.Map;

/** XDG base directories for this tool, from an environment map. */
public record XdgPaths(Path config, Path state, Path data, Path cache) {
  /** The name of our directory under each base directory. */
  static final String APP = "anthropic-cli";

  public static XdgPaths from(Map<String, String> env) {
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return new XdgPaths(
        dir(env, "XDG_CONFIG_HOME", home, ".config"),
        dir(env, "XDG_STATE_HOME", home, ".local/state"),
        dir(env, "XDG_DATA_HOME", home, ".local/share"),
        dir(env, "XDG_CACHE_HOME", home, ".cache"));
  }

  private static Path dir(Map<String, String> env, String var, String home, String fallback) {
    String v = env.get(var);
    // the XDG Base Directory specification: a relative path is invalid and ignored
    Path base =
        v != null && !v.isBlank() && Path.of(v).isAbsolute() ? Path.of(v) : Path.of(home, fallback);
    return base.resolve(APP);
  }

  /** The config file: {@code $XDG_CONFIG_HOME/anthropic-cli/config.properties}. */
  public Path configFile() {
    return config.resolve("config.properties");
  }
}
