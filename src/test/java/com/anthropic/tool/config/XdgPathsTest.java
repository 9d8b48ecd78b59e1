package com.anthropic.tool.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the tool keeps its files, by the XDG Base Directory rules. */
class XdgPathsTest {
  @Test
  void should_use_an_absolute_xdg_directory_as_given() {
    XdgPaths p =
        XdgPaths.from(
            Map.of("HOME", "/home/u", "XDG_CONFIG_HOME", "/etc/xdg", "XDG_CACHE_HOME", "/c"));

    assertEquals(Path.of("/etc/xdg/anthropic-cli/config.properties"), p.configFile());
    assertEquals(Path.of("/c/anthropic-cli"), p.cache());
    assertEquals(Path.of("/home/u/.local/state/anthropic-cli"), p.state());
  }

  @Test
  void should_ignore_a_relative_or_empty_xdg_directory_as_the_specification_says() {
    XdgPaths p =
        XdgPaths.from(
            Map.of(
                "HOME", "/home/u",
                "XDG_CONFIG_HOME", "rel",
                "XDG_STATE_HOME", "",
                "XDG_DATA_HOME", "./data",
                "XDG_CACHE_HOME", "~/.cache"));

    assertEquals(Path.of("/home/u/.config/anthropic-cli/config.properties"), p.configFile());
    assertEquals(Path.of("/home/u/.local/state/anthropic-cli"), p.state());
    assertEquals(Path.of("/home/u/.local/share/anthropic-cli"), p.data());
    assertEquals(Path.of("/home/u/.cache/anthropic-cli"), p.cache());
  }
}
