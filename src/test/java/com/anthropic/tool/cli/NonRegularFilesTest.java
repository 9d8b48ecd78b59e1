package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.anthropic.tool.client.Faults;
import com.anthropic.tool.client.RawServer;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, items 1 and 2: {@code files upload}, {@code -a} and chat's {@code /attach} refuse what
 * is not a regular file (a FIFO with no writer, {@code /dev/zero}) at once, with exit 2 and nothing
 * sent, and an upload over the Files API's 500 MB limit is refused naming both sizes. Before the
 * fix each of these hung for ever or read until the heap ran out.
 */
class NonRegularFilesTest {
  @TempDir static Path tmp;
  static RawServer server;
  static Path fifo;

  @BeforeAll
  static void setUp() throws Exception {
    server = new RawServer((r, n) -> Faults.json(500, "{\"type\":\"error\"}"));
    fifo = tmp.resolve("pipe");
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(p.waitFor() == 0, "mkfifo is needed for the FIFO cases");
  }

  @AfterAll
  static void tearDown() throws IOException {
    server.close();
  }

  private static CommandHarness.Result run(String stdin, String... args) {
    CommandHarness h =
        new CommandHarness()
            .env("ANTHROPIC_BASE_URL", server.baseUrl())
            .env("ANTHROPIC_API_KEY", "sk-test")
            .env("XDG_CONFIG_HOME", tmp.resolve("config").toString())
            .env("XDG_CACHE_HOME", tmp.resolve("cache").toString())
            .env("XDG_DATA_HOME", tmp.resolve("data").toString())
            .env("XDG_STATE_HOME", tmp.resolve("state").toString())
            .stdin(stdin);
    // a regression would block on the FIFO's open or fill the heap: bounded, not hung for ever
    return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> h.run(args));
  }

  private static void refused(CommandHarness.Result r, String... names) {
    String d = r.describe();
    assertEquals(2, r.exitCode(), d);
    assertEquals("", r.out(), d);
    assertEquals(1, r.err().lines().count(), "one line\n" + d);
    assertTrue(r.err().startsWith("error: "), d);
    for (String n : names) {
      assertTrue(r.err().contains(n), "names " + n + "\n" + d);
    }
  }

  @Test
  void should_refuse_to_upload_a_fifo_without_waiting_for_a_writer() {
    int before = server.requests();
    refused(run("", "files", "upload", fifo.toString()), "pipe", "not a regular file");
    assertEquals(before, server.requests(), "nothing sent");
  }

  @Test
  void should_refuse_to_upload_dev_zero() {
    int before = server.requests();
    refused(run("", "files", "upload", "/dev/zero"), "/dev/zero", "not a regular file");
    assertEquals(before, server.requests(), "nothing sent");
  }

  @Test
  void should_refuse_an_upload_over_500_mb_naming_both_sizes() throws IOException {
    Path big = tmp.resolve("big.bin");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(500L * 1024 * 1024 + 1); // sparse: nothing written
    }
    int before = server.requests();
    refused(run("", "files", "upload", big.toString()), "524288001 bytes", "524288000 bytes");
    assertEquals(before, server.requests(), "nothing sent");
  }

  @Test
  void should_refuse_to_attach_a_fifo_or_dev_zero() {
    int before = server.requests();
    refused(run("", "messages", "-a", fifo.toString(), "hi"), "--attach", "not a regular file");
    refused(run("", "messages", "-a", "/dev/zero", "hi"), "--attach", "/dev/zero");
    assertEquals(before, server.requests(), "nothing sent");
  }

  @Test
  void should_read_a_system_file_that_is_a_device_only_up_to_the_request_limit() {
    refused(run("", "messages", "--system-file", "/dev/zero", "hi"), "--system-file", "32 MB");
  }

  @Test
  void should_print_one_line_and_go_on_when_chat_attaches_a_fifo_or_dev_zero() {
    CommandHarness.Result r = run("/attach " + fifo + "\n/attach /dev/zero\n/exit\n", "chat");
    String d = r.describe();
    assertEquals(0, r.exitCode(), d);
    assertEquals(
        2, r.err().lines().filter(l -> l.startsWith("error: invalid_input: /attach ")).count(), d);
    assertFalse(r.err().contains("Exception") || r.err().contains("OutOfMemory"), d);
  }
}
