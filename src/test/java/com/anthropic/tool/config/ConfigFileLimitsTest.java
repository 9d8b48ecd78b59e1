package com.anthropic.tool.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, item 7: a config file of many lines is read (line continuation is found in one pass,
 * not by recursion), a config path that is a FIFO is skipped with one warning instead of blocking
 * every command, and {@code config set} through a symbolic link replaces the link's target
 * atomically and keeps the link.
 */
class ConfigFileLimitsTest {
  @TempDir Path tmp;

  private Path configFile() throws IOException {
    Path f = tmp.resolve("xdg").resolve("anthropic-cli").resolve("config.properties");
    Files.createDirectories(f.getParent());
    return f;
  }

  private Map<String, String> env() {
    return Map.of("XDG_CONFIG_HOME", tmp.resolve("xdg").toString(), "HOME", tmp.toString());
  }

  @Test
  void should_read_a_config_file_of_thirty_thousand_lines() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      sb.append("# comment ").append(i).append('\n');
      sb.append("model=claude-").append(i).append(" \\\n  continued\n");
    }
    sb.append("max-tokens=77\n");
    Files.writeString(configFile(), sb.toString());
    Settings s = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Settings.load(env()));
    assertEquals(List.of(), s.warnings());
    ConfigFile f = ConfigFile.read(configFile());
    assertEquals(10_001, f.entries().size());
    assertEquals("77", f.values().get("max-tokens"));
    f.set("model", "claude-x");
    assertEquals("claude-x", f.values().get("model"));
    assertTrue(f.unset("model"));
    assertEquals(1, f.entries().size());
  }

  @Test
  void should_skip_a_config_path_that_is_a_fifo_with_one_warning() throws Exception {
    Path f = configFile();
    Process p = new ProcessBuilder("mkfifo", f.toString()).start();
    assumeTrue(p.waitFor() == 0, "mkfifo is needed");
    Settings s = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Settings.load(env()));
    assertEquals(1, s.warnings().size(), s.warnings().toString());
    assertTrue(s.warnings().get(0).contains("not a regular file"), s.warnings().toString());
    assertTrue(s.warnings().get(0).contains(f.toString()), s.warnings().toString());
  }

  @Test
  void should_skip_a_config_file_over_one_megabyte_with_one_warning() throws IOException {
    try (RandomAccessFile r = new RandomAccessFile(configFile().toFile(), "rw")) {
      r.setLength(ConfigFile.MAX_BYTES + 1);
    }
    Settings s = Settings.load(env());
    assertEquals(1, s.warnings().size(), s.warnings().toString());
    assertTrue(s.warnings().get(0).contains("skipped"), s.warnings().toString());
  }

  @Test
  void should_write_through_a_symlink_to_its_target_and_keep_the_link() throws IOException {
    Path dotfiles = Files.createDirectories(tmp.resolve("dotfiles"));
    Path target = dotfiles.resolve("anthropic.properties");
    Files.writeString(target, "# mine\nmodel=claude-a\n");
    Path link = configFile();
    Files.createSymbolicLink(link, Path.of("../../dotfiles/anthropic.properties"));

    ConfigFile.read(link).set("model", "claude-b").write();

    assertTrue(Files.isSymbolicLink(link), "the link is kept");
    assertEquals("# mine\nmodel=claude-b\n", Files.readString(target));
    try (Stream<Path> left = Files.list(dotfiles)) {
      assertEquals(List.of(target), left.toList(), "no temporary file left beside the target");
    }
    try (Stream<Path> left = Files.list(link.getParent())) {
      assertEquals(List.of(link), left.toList(), "nothing written beside the link");
    }
  }
}
