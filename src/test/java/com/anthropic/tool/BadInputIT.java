package com.anthropic.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.Faults;
import com.anthropic.tool.client.RawServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few rows of the bad-input matrix ({@code cli.BadInputMatrixTest}) through the real {@code
 * ./anthropic} launcher: the same exit 2, one {@code error:} line naming the input and where, no
 * stack trace, and no request at the counting loopback server.
 */
class BadInputIT {
  static final String KEY = "sk-ant-api03-BADINPUTIT-secret";
  @TempDir static Path dir;
  static RawServer server;

  @BeforeAll
  static void setUp() throws Exception {
    server =
        new RawServer(
            (r, n) ->
                Faults.json(
                    500,
                    "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"sent\"}}"));
    Files.writeString(
        dir.resolve("bad.json"), "{\n  \"model\": \"claude-x\",\n  \"max_tokens\": 16,\n}\n");
    Files.write(dir.resolve("binary.bin"), new byte[] {0x7f, 'E', 'L', 'F', 0, (byte) 0xff, 0x1b});
    Files.writeString(
        dir.resolve("cut.jsonl"),
        "{\"custom_id\":\"a\",\"params\":{\"model\":\"m\",\"max_tokens\":5,\"messages\":"
            + "[{\"role\":\"user\",\"content\":\"hi\"}]}}\n{\"custom_id\":\"b\",\"params\":{\n");
    new ProcessBuilder("mkfifo", dir.resolve("fifo").toString()).start().waitFor();
  }

  @AfterAll
  static void tearDown() throws Exception {
    server.close();
  }

  record Row(List<String> args, Map<String, String> env, List<String> names) {}

  static Row row(List<String> args, String... names) {
    return new Row(args, Map.of(), List.of(names));
  }

  @TestFactory
  Stream<DynamicTest> bad_input_through_the_launcher() {
    String f = dir.toString() + "/";
    return Stream.of(
            row(
                List.of("messages", "--request", f + "bad.json", "hi"),
                "--request",
                "bad.json",
                "line 4, column 1"),
            row(List.of("messages", "-a", f + "missing.png", "hi"), "--attach", "missing.png"),
            row(
                List.of("messages", "--system-file", f + "binary.bin", "hi"),
                "--system-file",
                "not text"),
            row(
                List.of("batches", "create", "--input", f + "cut.jsonl"),
                "cut.jsonl",
                "line 2, column"),
            row(List.of("messages", "--max-tokens", "abc", "hi"), "--max-tokens", "abc"),
            row(List.of("messages", "-a", "/dev/zero", "hi"), "--attach", "not a regular file"),
            row(List.of("files", "upload", f + "fifo"), "fifo", "not a regular file"),
            new Row(
                List.of("--debug", "messages", "hi"),
                Map.of("ANTHROPIC_BASE_URL", "http://127.0.0.1:9/gw?key=pw-BADIT"),
                List.of("query string")),
            new Row(
                List.of("--debug", "messages", "hi"),
                Map.of("ANTHROPIC_BASE_URL", "http://user:pw-BADIT@127.0.0.1:9"),
                List.of("credentials")))
        .map(r -> DynamicTest.dynamicTest(String.join(" ", r.args()), () -> check(r)));
  }

  private static void check(Row row) throws Exception {
    int before = server.requests();
    Path home = Files.createTempDirectory(dir, "home");
    Map<String, String> env = new java.util.HashMap<>();
    env.put("ANTHROPIC_BASE_URL", server.baseUrl());
    env.put("ANTHROPIC_API_KEY", KEY);
    env.putAll(row.env());
    Launcher.Run r = Launcher.run(home, env, row.args().toArray(String[]::new));
    String d = r.describe();
    assertEquals(2, r.exit(), d);
    assertEquals(0, server.requests() - before, "nothing sent\n" + d);
    List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
    if (!row.args().contains("--debug")) {
      assertEquals(1, lines.size(), "one line\n" + d);
    }
    String line = lines.stream().filter(l -> l.startsWith("error: ")).findFirst().orElse("");
    for (String name : row.names()) {
      assertTrue(line.contains(name), "names " + name + "\n" + d);
    }
    assertFalse(r.err().contains(KEY) || r.err().contains("pw-BADIT"), "a secret leaked\n" + d);
    assertEquals("", r.out(), d);
  }
}
