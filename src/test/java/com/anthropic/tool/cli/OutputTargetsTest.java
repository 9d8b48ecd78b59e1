package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.Faults;
import com.anthropic.tool.client.RawServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, item 13: {@code --output /dev/stdout} writes straight to the command's stdout (no
 * temporary file in /dev, which a normal user cannot write), and {@code --output LINK} writes to
 * the link's target, keeping the link, as curl does.
 */
class OutputTargetsTest {
  static final String CONTENT = "col1,col2\n1,2\n";
  @TempDir Path tmp;

  private CommandHarness.Result download(String output) throws Exception {
    try (RawServer server =
        new RawServer(
            Faults.respond(
                200, Faults.headers("text/csv"), CONTENT.getBytes(StandardCharsets.UTF_8)))) {
      return new CommandHarness()
          .env("ANTHROPIC_BASE_URL", server.baseUrl())
          .env("ANTHROPIC_API_KEY", "sk-test")
          .env("XDG_CONFIG_HOME", tmp.resolve("config").toString())
          .env("XDG_CACHE_HOME", tmp.resolve("cache").toString())
          .run("files", "download", "file_1", "--output", output);
    }
  }

  @Test
  void should_write_output_dev_stdout_straight_to_stdout() throws Exception {
    CommandHarness.Result r = download("/dev/stdout");
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(CONTENT, r.out(), r.describe());
  }

  @Test
  void should_write_through_a_symlink_to_its_target_and_keep_the_link() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("data"));
    Path target = dir.resolve("real.csv");
    Files.writeString(target, "old\n");
    Path link = tmp.resolve("link.csv");
    Files.createSymbolicLink(link, Path.of("data/real.csv"));

    CommandHarness.Result r = download(link.toString());

    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(Files.isSymbolicLink(link), "the link is kept: " + r.describe());
    assertEquals(CONTENT, Files.readString(target), r.describe());
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(target), left.toList(), "no temporary file left");
    }
  }
}
