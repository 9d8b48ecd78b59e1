package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.RawServer;
import com.anthropic.tool.client.RecordingSleeper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLI.md "Files the tool writes": every file that may hold a prompt, an answer or a key is mode
 * 0600, and every directory the tool makes for one (below the XDG base directory) is 0700, whatever
 * the umask and even when the file was there before with a wider mode. Each row runs the command
 * that writes the file, in-process, and checks the modes; the rows are the "File modes" table in
 * docs/reliability.md. The chat input history is checked by {@code chat.HistoryFileModeTest}.
 */
class FileModesTest {
  @TempDir static Path tmp;
  static RawServer server;
  static final List<String> OUTCOMES = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    String[] base = new String[1];
    server = new RawServer((r, n) -> SecretsTest.answer(r, base[0]));
    base[0] = server.baseUrl();
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    ReliabilityDoc.section("file-modes", ROWS.size(), OUTCOMES);
  }

  /**
   * A file and how it is written: {@code file} and {@code base} are relative to the run's HOME
   * ({@code base} is where the tool's own directories start: those below it must be 0700); {@code
   * before} is a mode the file already has, or null; {@code dirsBefore} a mode that the base and
   * each of our directories below it already have (0755, as an older version or a plain {@code
   * mkdir} left them), or null: ours must be tightened to 0700, the base left as it is.
   */
  record Row(
      String what,
      String file,
      String base,
      String before,
      String stdin,
      List<String> args,
      String dirsBefore) {
    Row(String what, String file, String base, String before, String stdin, List<String> args) {
      this(what, file, base, before, stdin, args, null);
    }
  }

  static final List<Row> ROWS =
      List.of(
          new Row(
              "config file (`config set`)",
              "config/anthropic-cli/config.properties",
              "config",
              null,
              null,
              List.of("config", "set", "api-key", "sk-ant-api03-modes-0000-abcd")),
          new Row(
              "config file (`config set`, was 0644)",
              "config/anthropic-cli/config.properties",
              "config",
              "rw-r--r--",
              null,
              List.of("config", "set", "model", "claude-x")),
          new Row(
              "config file (`config set`, its directory was 0755)",
              "config/anthropic-cli/config.properties",
              "config",
              null,
              null,
              List.of("config", "set", "model", "claude-x"),
              "rwxr-xr-x"),
          new Row(
              "config file (`keys set`)",
              "config/anthropic-cli/config.properties",
              "config",
              null,
              "sk-ant-api03-modes-0000-abcd\n",
              List.of("keys", "set")),
          new Row(
              "model cache (`models`)",
              "cache/anthropic-cli/models.txt",
              "cache",
              null,
              null,
              List.of("models")),
          new Row(
              "model cache (`models`, its directory was 0755)",
              "cache/anthropic-cli/models.txt",
              "cache",
              null,
              null,
              List.of("models"),
              "rwxr-xr-x"),
          new Row(
              "log database (`chat`)",
              "data/anthropic-cli/logs.db",
              "data",
              null,
              "hello\n",
              List.of("chat")),
          new Row(
              "log database (`chat`, its directories were 0755)",
              "data/anthropic-cli/logs.db",
              "data",
              null,
              "hello\n",
              List.of("chat"),
              "rwxr-xr-x"),
          new Row(
              "`chat` /save FILE",
              "work/saved.md",
              "work",
              null,
              "hello\n/save @saved.md\n",
              List.of("chat")),
          new Row(
              "`batches results --output`",
              "work/results.jsonl",
              "work",
              null,
              null,
              List.of("batches", "results", SecretsTest.BATCH, "--output", "@results.jsonl")),
          new Row(
              "`batches results --output` (was 0644)",
              "work/results.jsonl",
              "work",
              "rw-r--r--",
              null,
              List.of("batches", "results", SecretsTest.BATCH, "--output", "@results.jsonl")),
          new Row(
              "`files download --output`",
              "work/download.txt",
              "work",
              null,
              null,
              List.of("files", "download", "file_1", "--output", "@download.txt")));

  @TestFactory
  Stream<DynamicTest> file_modes() {
    return ROWS.stream().map(r -> DynamicTest.dynamicTest(r.what(), () -> run(r)));
  }

  private static void run(Row row) throws Exception {
    Path home = Files.createTempDirectory(tmp, "home");
    Path work = Files.createDirectory(home.resolve("work"));
    if (row.dirsBefore() != null) {
      Path dir = home.resolve(row.file()).getParent();
      Files.createDirectories(dir);
      for (Path p = dir; p.startsWith(home.resolve(row.base())); p = p.getParent()) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(row.dirsBefore()));
      }
    }
    if (row.before() != null) {
      Path f = home.resolve(row.file());
      Files.createDirectories(f.getParent());
      Files.writeString(f, row.file().endsWith("properties") ? "model=old\n" : "old\n");
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(row.before()));
    }
    CommandHarness h =
        new CommandHarness()
            .sleeper(new RecordingSleeper())
            .env("HOME", home.toString())
            .env("XDG_CONFIG_HOME", home.resolve("config").toString())
            .env("XDG_CACHE_HOME", home.resolve("cache").toString())
            .env("XDG_DATA_HOME", home.resolve("data").toString())
            .env("XDG_STATE_HOME", home.resolve("state").toString())
            .env("ANTHROPIC_BASE_URL", server.baseUrl())
            .env("ANTHROPIC_API_KEY", "sk-ant-api03-modes-0000-abcd");
    if (row.stdin() != null) {
      h.stdin(row.stdin().replace("@", work + "/"));
    }
    CommandHarness.Result r =
        h.run(
            row.args().stream()
                .map(a -> a.startsWith("@") ? work.resolve(a.substring(1)).toString() : a)
                .toArray(String[]::new));
    String d = row.what() + "\n" + r.describe();
    assertEquals(0, r.exitCode(), d);
    Path file = find(home, row.file(), d);
    assertEquals("rw-------", mode(file), "the mode of " + file + "\n" + d);
    Path base = home.resolve(row.base());
    if (row.dirsBefore() != null) {
      assertEquals(row.dirsBefore(), mode(base), "the XDG base directory is the user's\n" + d);
    }
    List<String> dirs = new ArrayList<>();
    for (Path p = file.getParent(); !p.equals(base) && p.startsWith(base); p = p.getParent()) {
      assertEquals("rwx------", mode(p), "the mode of the directory " + p + "\n" + d);
      dirs.add(home.relativize(p).toString());
    }
    try (Stream<Path> left = Files.list(file.getParent())) {
      assertTrue(
          left.noneMatch(p -> p.getFileName().toString().matches(".*\\.(tmp|part)$")),
          "no temporary file left\n" + d);
    }
    synchronized (OUTCOMES) {
      OUTCOMES.add(
          "| "
              + row.what()
              + " | `"
              + row.file()
                  .replace("config/", "$XDG_CONFIG_HOME/")
                  .replace("cache/", "$XDG_CACHE_HOME/")
                  .replace("data/", "$XDG_DATA_HOME/")
                  .replace("work/", "")
              + "` | 0600 | "
              + (dirs.isEmpty()
                  ? "(the user's directory)"
                  : "0700: `"
                      + String.join("`, `", dirs)
                          .replace("config/", "$XDG_CONFIG_HOME/")
                          .replace("cache/", "$XDG_CACHE_HOME/")
                          .replace("data/", "$XDG_DATA_HOME/")
                      + "`")
              + (row.dirsBefore() == null
                  ? ""
                  : " (were 0755: tightened; the XDG base directory left 0755)")
              + " | pass |");
    }
  }

  /** The file, a {@code *} in its last part matching exactly one file. */
  private static Path find(Path home, String file, String d) throws IOException {
    Path p = home.resolve(file);
    if (!file.contains("*")) {
      assertTrue(Files.isRegularFile(p), "no " + p + "\n" + d);
      return p;
    }
    String glob = p.getFileName().toString();
    try (var s = Files.newDirectoryStream(p.getParent(), glob)) {
      List<Path> all = new ArrayList<>();
      s.forEach(all::add);
      assertEquals(1, all.size(), "one " + file + "\n" + d);
      return all.get(0);
    }
  }

  static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
