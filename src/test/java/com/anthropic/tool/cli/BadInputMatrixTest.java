package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.Faults;
import com.anthropic.tool.client.RawServer;
import com.anthropic.tool.client.RecordingSleeper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input matrix of issue 12: every flag and file input given a wrong value, a missing file,
 * an empty file, a directory, binary where text is expected, or more than the API takes. Each case
 * runs in-process ({@code Cli.run}, the entry Main uses, with injected writers) against a loopback
 * server that counts requests, and asserts: exit 2, exactly one {@code error:} line on stderr (and
 * nothing else there), naming the input and where (the file, and line and column for JSON), never a
 * stack trace, {@code null}, a JSON library's advice or a control character, and zero requests
 * sent. The cases and outcomes are the "Bad input" table in docs/reliability.md ({@link
 * ReliabilityDoc}).
 */
class BadInputMatrixTest {
  static final String KEY = "sk-ant-api03-BADINPUT-secret-0000";
  static final String OK_REQUEST =
      "{\"model\":\"claude-x\",\"max_tokens\":16,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
  static final String OK_LINE = "{\"custom_id\":\"a\",\"params\":" + OK_REQUEST + "}\n";

  @TempDir static Path dir;
  static RawServer server;

  /** The files the cases name, relative to {@link #dir}. */
  static final Map<String, byte[]> FILES = new LinkedHashMap<>();

  static void file(String name, String text) {
    FILES.put(name, text.getBytes(StandardCharsets.UTF_8));
  }

  static {
    file("bad.json", "{\n  \"model\": \"claude-x\",\n  \"max_tokens\": 16,\n}\n");
    file("cut.json", "{\"model\": \"claude-x\", \"messages\": [");
    file("trailing.json", "{\"model\": \"claude-x\"} and more");
    file("empty.json", "");
    file("blank.json", "  \n\n");
    file("array.json", "[1, 2]\n");
    file("string-max-tokens.json", "{\"max_tokens\": \"many\"}\n");
    file("messages-string.json", "{\"messages\": \"hi\"}\n");
    file("bad-role.json", "{\"messages\": [{\"role\": \"robot\", \"content\": \"hi\"}]}\n");
    file("tool-no-name.json", "{\"input_schema\": {\"type\": \"object\"}}\n");
    file("tool-no-schema.json", "{\"name\": \"weather\", \"command\": [\"true\"]}\n");
    file(
        "tool-command-string.json",
        "{\"name\": \"weather\", \"input_schema\": {\"type\": \"object\"}, \"command\": \"ls\"}\n");
    file(
        "tool-no-command.json",
        "{\"name\": \"weather\", \"input_schema\": {\"type\": \"object\"}}\n");
    file("cut.jsonl", OK_LINE + "{\"custom_id\": \"b\", \"params\": {\"model\":\n");
    file("dup.jsonl", OK_LINE + OK_LINE);
    file("no-params.jsonl", "{\"custom_id\": \"a\"}\n");
    file("no-id.jsonl", "{\"params\": " + OK_REQUEST + "}\n");
    file("bad-id.jsonl", "{\"custom_id\": \"a b!\", \"params\": " + OK_REQUEST + "}\n");
    file("array.jsonl", "[1]\n");
    file(
        "empty-messages.jsonl",
        "{\"custom_id\": \"a\", \"params\": {\"model\": \"m\", \"messages\": []}}\n");
    file("empty.txt", "");
    FILES.put(
        "binary.bin",
        new byte[] {
          0x7f, 'E', 'L', 'F', 0, 0, (byte) 0xff, (byte) 0xfe, 0x1b, '[', '3', '1', 'm', '\n', 0, 1
        });
  }

  /** A name for the table, then the arguments; {@code @x} is the path of file x in the temp dir. */
  record Case(
      String input,
      String bad,
      List<String> args,
      Map<String, String> env,
      String config,
      List<String> names) {
    String name() {
      return input + " | " + bad;
    }
  }

  static final List<Case> CASES = new ArrayList<>();
  static final List<String> OUTCOMES = new ArrayList<>();

  /** A case: {@code names} must all be in the error line. */
  static void add(String input, String bad, List<String> args, String... names) {
    CASES.add(new Case(input, bad, args, Map.of(), null, List.of(names)));
  }

  static void env(
      String input, String bad, Map<String, String> env, List<String> args, String... names) {
    CASES.add(new Case(input, bad, args, env, null, List.of(names)));
  }

  static void config(String bad, String content, List<String> args, String... names) {
    CASES.add(new Case("config file", bad, args, Map.of(), content, List.of(names)));
  }

  static List<String> msg(String... flags) {
    List<String> a = new ArrayList<>(List.of("messages"));
    a.addAll(List.of(flags));
    a.add("hi");
    return a;
  }

  static {
    jsonFiles();
    requestFlags();
    numbersAndEnums();
    batchInput();
    otherCommands();
    configAndEnvironment();
  }

  static void jsonFiles() {
    for (String flag : List.of("--request", "--schema", "--tool")) {
      add(flag, "invalid JSON", msg(flag, "@bad.json"), flag, "bad.json", "line 4, column 1");
      add(flag, "JSON cut short", msg(flag, "@cut.json"), flag, "cut.json", "line 1, column");
      add(
          flag,
          "text after the JSON",
          msg(flag, "@trailing.json"),
          flag,
          "trailing.json",
          "line 1, column 23");
      add(flag, "empty file", msg(flag, "@empty.json"), flag, "empty.json", "empty");
      add(flag, "only whitespace", msg(flag, "@blank.json"), flag, "blank.json", "empty");
      add(flag, "a directory", msg(flag, "@dir"), flag, "dir", "directory");
      add(flag, "missing file", msg(flag, "@missing.json"), flag, "missing.json", "no such file");
      add(flag, "binary file", msg(flag, "@binary.bin"), flag, "binary.bin", "line 1, column 1");
      add(
          flag,
          "a JSON array, not an object",
          msg(flag, "@array.json"),
          flag,
          "array.json",
          "object");
    }
    add("--request", "over 32 MB", msg("--request", "@big.json"), "--request", "big.json", "32 MB");
    add(
        "--request",
        "max_tokens a string",
        msg("--request", "@string-max-tokens.json"),
        "--request",
        "string-max-tokens.json",
        "max_tokens");
    add(
        "--request",
        "messages not an array",
        msg("--request", "@messages-string.json"),
        "--request",
        "messages-string.json",
        "messages");
    add("--request", "an unknown role", msg("--request", "@bad-role.json"), "role", "robot");
    add(
        "--schema",
        "inline JSON cut short",
        msg("--schema", "{\"type\": \"object\""),
        "--schema",
        "line 1, column");
    add(
        "--schema",
        "a SPEC with an unknown type",
        msg("--schema", "name, age years"),
        "--schema",
        "years");
    add(
        "--tool",
        "no name",
        msg("--tool", "@tool-no-name.json"),
        "--tool",
        "tool-no-name.json",
        "name");
    add(
        "--tool",
        "no input_schema",
        msg("--tool", "@tool-no-schema.json"),
        "--tool",
        "tool-no-schema.json",
        "input_schema");
    add(
        "--tool",
        "command not an array (tool-loop)",
        List.of("tool-loop", "--tool", "@tool-command-string.json", "hi"),
        "--tool",
        "tool-command-string.json",
        "command");
    add(
        "--tool",
        "no command (tool-loop)",
        List.of("tool-loop", "--tool", "@tool-no-command.json", "hi"),
        "--tool",
        "tool-no-command.json",
        "command");
  }

  static void requestFlags() {
    add("-a", "missing file", msg("-a", "@missing.png"), "--attach", "missing.png", "no such file");
    add("-a", "a directory", msg("-a", "@dir"), "--attach", "dir", "directory");
    add("-a", "empty file", msg("-a", "@empty.txt"), "--attach", "empty.txt", "empty");
    add("-a", "over 32 MB", msg("-a", "@big.json"), "--attach", "big.json", "32 MB");
    add("-a", "a FIFO", msg("-a", "@fifo"), "--attach", "fifo", "not a regular file");
    add("-a", "/dev/zero", msg("-a", "/dev/zero"), "--attach", "/dev/zero", "not a regular file");
    add(
        "--system-file",
        "/dev/zero (endless)",
        msg("--system-file", "/dev/zero"),
        "--system-file",
        "32 MB");
    add(
        "-a",
        "a URL that is not http(s)",
        msg("-a", "ftp://example.com/cat.png"),
        "--attach",
        "ftp://example.com/cat.png");
    add(
        "--system-file",
        "missing file",
        msg("--system-file", "@missing.txt"),
        "--system-file",
        "missing.txt",
        "no such file");
    add(
        "--system-file",
        "a directory",
        msg("--system-file", "@dir"),
        "--system-file",
        "dir",
        "directory");
    add(
        "--system-file",
        "binary file",
        msg("--system-file", "@binary.bin"),
        "--system-file",
        "binary.bin",
        "not text");
    add(
        "--system-file",
        "over 32 MB",
        msg("--system-file", "@big.json"),
        "--system-file",
        "big.json",
        "32 MB");
    add(
        "-a -",
        "stdin used twice",
        msg("-a", "-", "--system-file", "-"),
        "standard input",
        "already used");
  }

  static void numbersAndEnums() {
    add("--max-tokens", "abc", msg("--max-tokens", "abc"), "--max-tokens", "abc");
    add("--max-tokens", "0", msg("--max-tokens", "0"), "max_tokens", "0");
    add("--max-tokens", "-5", msg("--max-tokens", "-5"), "max_tokens", "-5");
    add(
        "--max-tokens",
        "99999999999",
        msg("--max-tokens", "99999999999"),
        "--max-tokens",
        "99999999999");
    add("--temperature", "2", msg("-t", "2"), "temperature", "2");
    add("--temperature", "-1", msg("-t", "-1"), "temperature", "-1");
    add("--temperature", "NaN", msg("-t", "NaN"), "temperature", "NaN");
    add("--temperature", "abc", msg("-t", "abc"), "--temperature", "abc");
    add("--top-p", "1.5", msg("--top-p", "1.5"), "top_p", "1.5");
    add("--top-k", "-1", msg("--top-k", "-1"), "top_k", "-1");
    add("--thinking", "abc", msg("--thinking", "abc"), "--thinking", "abc");
    add("--thinking", "10 (under 1024)", msg("--thinking", "10"), "budget_tokens", "1024");
    add("--timeout", "-1", msg("--timeout", "-1"), "--timeout", "-1");
    add("--timeout", "0", msg("--timeout", "0"), "--timeout", "0");
    add("--timeout", "abc", msg("--timeout", "abc"), "--timeout", "abc");
    add("--timeout", "NaN", msg("--timeout", "NaN"), "--timeout", "NaN");
    add("--max-retries", "-1", msg("--max-retries", "-1"), "--max-retries", "-1");
    add("--max-retries", "abc", msg("--max-retries", "abc"), "--max-retries", "abc");
    add("--format", "xml", msg("--format", "xml"), "--format", "xml");
    add("--format", "jsonl (messages)", msg("--format", "jsonl"), "--format", "jsonl");
    add("--effort", "huge", msg("--effort", "huge"), "--effort", "huge");
    add("--service-tier", "fast", msg("--service-tier", "fast"), "service_tier", "fast");
    add("--cache-ttl", "2h", msg("--cache-ttl", "2h"), "--cache-ttl", "2h");
    add("--tool-choice", "empty", msg("--tool-choice", ""), "--tool-choice");
    add("--model", "empty", msg("-m", ""), "model");
    add(
        "--base-url",
        "ftp://",
        msg("--base-url", "ftp://127.0.0.1/"),
        "base URL",
        "ftp://127.0.0.1/");
    add("--base-url", "not a URL", msg("--base-url", "not a url"), "base URL", "not a url");
    add("--base-url", "no host", msg("--base-url", "http://"), "base URL", "http://");
    add(
        "--base-url",
        "user:password@",
        msg("--base-url", "http://user:pw-BADINPUT@127.0.0.1:9/"),
        "base URL",
        "credentials");
    add(
        "--max-iterations",
        "0",
        List.of("tool-loop", "--max-iterations", "0", "hi"),
        "--max-iterations",
        "0");
    add("--parallel", "0", List.of("tool-loop", "--parallel", "0", "hi"), "--parallel", "0");
    add(
        "--tool-timeout",
        "-1",
        List.of("tool-loop", "--tool-timeout", "-1", "hi"),
        "--tool-timeout",
        "-1");
    add(
        "--tool-output-limit",
        "-1",
        List.of("tool-loop", "--tool-output-limit", "-1", "hi"),
        "--tool-output-limit",
        "-1");
    add("--limit", "0", List.of("models", "--limit", "0"), "--limit", "0");
    add("--limit", "5000", List.of("models", "--limit", "5000"), "--limit", "5000");
    add("--limit", "abc", List.of("batches", "list", "--limit", "abc"), "--limit", "abc");
    add("--format", "xml (models)", List.of("models", "--format", "xml"), "--format", "xml");
    add(
        "--only",
        "bogus",
        List.of("batches", "results", "msgbatch_1", "--only", "bogus"),
        "--only",
        "bogus");
    add("--port", "70000", List.of("mock-server", "--port", "70000"), "--port", "70000");
    add("completion", "tcsh", List.of("completion", "tcsh"), "tcsh");
    add("PROMPT", "nothing to send", List.of("messages"), "nothing to send");
    add("option", "unknown --modle", msg("--modle", "x"), "--modle", "--model");
  }

  static void batchInput() {
    List<String> c = List.of("batches", "create", "--input");
    add("--input (JSONL)", "a line cut short", cat(c, "@cut.jsonl"), "cut.jsonl", "line 2, column");
    add(
        "--input (JSONL)",
        "a custom_id used twice",
        cat(c, "@dup.jsonl"),
        "dup.jsonl",
        "line 2",
        "custom_id");
    add(
        "--input (JSONL)",
        "no params",
        cat(c, "@no-params.jsonl"),
        "no-params.jsonl",
        "line 1",
        "params");
    add(
        "--input (JSONL)",
        "no custom_id",
        cat(c, "@no-id.jsonl"),
        "no-id.jsonl",
        "line 1",
        "custom_id");
    add(
        "--input (JSONL)",
        "a bad custom_id",
        cat(c, "@bad-id.jsonl"),
        "bad-id.jsonl",
        "line 1",
        "custom_id");
    add(
        "--input (JSONL)",
        "a JSON array line",
        cat(c, "@array.jsonl"),
        "array.jsonl",
        "line 1",
        "object");
    add(
        "--input (JSONL)",
        "empty messages",
        cat(c, "@empty-messages.jsonl"),
        "empty-messages.jsonl",
        "line 1",
        "messages");
    add("--input (JSONL)", "empty file", cat(c, "@empty.txt"), "empty.txt", "empty");
    add("--input (JSONL)", "a directory", cat(c, "@dir"), "--input", "dir", "directory");
    add(
        "--input (JSONL)",
        "missing file",
        cat(c, "@missing.jsonl"),
        "--input",
        "missing.jsonl",
        "no such file");
    add(
        "--input (JSONL)",
        "binary file",
        cat(c, "@binary.bin"),
        "binary.bin",
        "line 1",
        "not text");
    List<String> p = List.of("batches", "create", "--prompts");
    add("--prompts", "empty file", cat(p, "@empty.txt"), "empty.txt", "empty");
    add("--prompts", "a directory", cat(p, "@dir"), "--prompts", "dir", "directory");
    add(
        "--prompts",
        "missing file",
        cat(p, "@missing.txt"),
        "--prompts",
        "missing.txt",
        "no such file");
    add("--prompts", "binary file", cat(p, "@binary.bin"), "binary.bin", "line 1", "not text");
    add(
        "batches create",
        "neither --input nor --prompts",
        List.of("batches", "create"),
        "--input",
        "--prompts");
  }

  static void otherCommands() {
    add("files get ID", "empty", List.of("files", "get", ""), "id");
    add(
        "files upload",
        "missing file",
        List.of("files", "upload", "@missing.pdf"),
        "missing.pdf",
        "no such file");
    add("files upload", "a directory", List.of("files", "upload", "@dir"), "dir", "directory");
    add(
        "files upload",
        "a FIFO",
        List.of("files", "upload", "@fifo"),
        "fifo",
        "not a regular file");
    add(
        "files upload",
        "/dev/zero",
        List.of("files", "upload", "/dev/zero"),
        "/dev/zero",
        "not a regular file");
    add(
        "files upload",
        "over 500 MB",
        List.of("files", "upload", "@huge.bin"),
        "huge.bin",
        "524288001 bytes",
        "524288000 bytes");
    add(
        "files upload",
        "empty file",
        List.of("files", "upload", "@empty.txt"),
        "empty.txt",
        "empty");
    add(
        "--output",
        "a directory",
        List.of("batches", "results", "msgbatch_1", "--output", "@dir"),
        "--output",
        "dir",
        "directory");
    add(
        "--output",
        "in a missing directory",
        List.of("batches", "results", "msgbatch_1", "--output", "@missing/out.jsonl"),
        "--output",
        "missing");
    add(
        "--output",
        "a directory (files download)",
        List.of("files", "download", "file_1", "--output", "@dir"),
        "--output",
        "dir",
        "directory");
    add(
        "chat --resume",
        "no such conversation",
        List.of("chat", "--resume", "nope-no-such"),
        "nope-no-such");
    add("config set", "an unknown key", List.of("config", "set", "modle", "x"), "modle", "model");
    add(
        "config set",
        "max-tokens abc",
        List.of("config", "set", "max-tokens", "abc"),
        "max-tokens",
        "abc");
    add("config set", "timeout -1", List.of("config", "set", "timeout", "-1"), "timeout", "-1");
  }

  static void configAndEnvironment() {
    config("max-tokens=abc", "max-tokens=abc\n", msg(), "max-tokens", "abc", "config.properties");
    config("max-tokens=0", "max-tokens=0\n", msg(), "max_tokens", "0");
    config("timeout=-3", "timeout=-3\n", msg(), "timeout", "-3", "config.properties");
    config("max-retries=x", "max-retries=x\n", msg(), "max-retries", "x", "config.properties");
    config("a broken \\u escape", "model=\\u00zz\n", msg(), "config.properties", "\\u");
    config("binary", "\u0000\u00ff\u00fe=\u001b\n", msg(), "config.properties");
    config("a directory", null, msg(), "config.properties", "directory");
    env(
        "ANTHROPIC_TIMEOUT_SECS",
        "abc",
        Map.of("ANTHROPIC_TIMEOUT_SECS", "abc"),
        msg(),
        "ANTHROPIC_TIMEOUT_SECS",
        "abc");
    env(
        "ANTHROPIC_BASE_URL",
        "ftp://",
        Map.of("ANTHROPIC_BASE_URL", "ftp://127.0.0.1/"),
        msg(),
        "base URL",
        "ftp://127.0.0.1/");
    env(
        "ANTHROPIC_BASE_URL",
        "a query string",
        Map.of("ANTHROPIC_BASE_URL", "http://127.0.0.1:9/gw?key=pw-BADINPUT"),
        msg(),
        "query string");
    env(
        "ANTHROPIC_BASE_URL",
        "user:password@",
        Map.of("ANTHROPIC_BASE_URL", "http://u:pw-BADINPUT@127.0.0.1:9"),
        msg(),
        "credentials");
  }

  static List<String> cat(List<String> a, String... more) {
    List<String> all = new ArrayList<>(a);
    all.addAll(List.of(more));
    return all;
  }

  @BeforeAll
  static void setUp() throws IOException {
    writeFiles(dir);
    server =
        new RawServer(
            (r, n) ->
                Faults.json(
                    500,
                    "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"a request was sent\"}}"));
  }

  /** Writes the files the cases name into {@code d}. */
  static void writeFiles(Path d) throws IOException {
    for (Map.Entry<String, byte[]> f : FILES.entrySet()) {
      Files.write(d.resolve(f.getKey()), f.getValue());
    }
    Files.createDirectory(d.resolve("dir"));
    try (RandomAccessFile big = new RandomAccessFile(d.resolve("big.json").toFile(), "rw")) {
      big.setLength(33L << 20); // sparse: no 33 MB written
    }
    try (RandomAccessFile huge = new RandomAccessFile(d.resolve("huge.bin").toFile(), "rw")) {
      huge.setLength((500L << 20) + 1); // sparse, one byte over the Files API's limit
    }
    try {
      if (new ProcessBuilder("mkfifo", d.resolve("fifo").toString()).start().waitFor() != 0) {
        throw new IOException("mkfifo failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** The case's config file (or directory) under {@code config}, when it has one. */
  static void writeConfig(Case c, Path config) throws IOException {
    if (c.input().equals("config file")) {
      Path file = config.resolve("anthropic-cli").resolve("config.properties");
      Files.createDirectories(file.getParent());
      if (c.config() == null) {
        Files.createDirectory(file);
      } else {
        Files.writeString(file, c.config(), StandardCharsets.ISO_8859_1);
      }
    }
  }

  /** The case's arguments with {@code @x} resolved against {@code d}. */
  static String[] args(Case c, Path d) {
    return c.args().stream()
        .map(a -> a.startsWith("@") ? d.resolve(a.substring(1)).toString() : a)
        .toArray(String[]::new);
  }

  @AfterAll
  static void tearDown() throws IOException {
    server.close();
    ReliabilityDoc.section("bad-input", CASES.size(), OUTCOMES);
  }

  @TestFactory
  Stream<DynamicTest> bad_input() {
    return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
  }

  private static void run(Case c) throws IOException {
    Path home = Files.createTempDirectory(dir, "home");
    Path config = home.resolve("config");
    writeConfig(c, config);
    int before = server.requests();
    CommandHarness h =
        new CommandHarness()
            .env("ANTHROPIC_BASE_URL", server.baseUrl())
            .env("ANTHROPIC_API_KEY", KEY)
            .env("HOME", home.toString())
            .env("XDG_CONFIG_HOME", config.toString())
            .env("XDG_CACHE_HOME", home.resolve("cache").toString())
            .env("XDG_DATA_HOME", home.resolve("data").toString())
            .env("XDG_STATE_HOME", home.resolve("state").toString())
            .sleeper(new RecordingSleeper());
    c.env().forEach(h::env);
    CommandHarness.Result r = h.run(args(c, dir));
    int sent = server.requests() - before;
    String d = c.name() + "\nrequests=" + sent + "\n" + r.describe();
    assertEquals(2, r.exitCode(), d);
    assertEquals(0, sent, "nothing may be sent\n" + d);
    List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
    List<String> errors = lines.stream().filter(l -> l.startsWith("error: ")).toList();
    assertEquals(1, errors.size(), "one error line\n" + d);
    for (String l : lines) {
      assertTrue(
          l.startsWith("error: ") || l.startsWith("invalid: "),
          "only the error line (and batches' invalid: lines) on stderr: " + l + "\n" + d);
    }
    String line = errors.get(0);
    for (String name : c.names()) {
      assertTrue(line.contains(name), "the line names " + name + "\n" + d);
    }
    assertTrue(line.length() < 400, "a short line\n" + d);
    assertFalse(line.matches("error: [a-z_]+: (?i)error:.*"), "one error: prefix\n" + d);
    assertFalse(r.err().contains("Exception"), "no exception class names\n" + d);
    assertFalse(r.err().contains("\tat "), "no stack trace\n" + d);
    assertFalse(line.contains("null"), "never null\n" + d);
    assertFalse(line.contains("For input string"), "no Java parser message\n" + d);
    assertFalse(line.contains("setLenient") || line.contains("github.com"), "no Gson advice\n" + d);
    assertTrue(
        line.chars().noneMatch(ch -> ch < 0x20 || ch == 0x7f), "no control characters\n" + d);
    assertEquals("", r.out(), "nothing on stdout\n" + d);
    assertFalse(r.err().contains(KEY) || r.err().contains("pw-BADINPUT"), "a secret leaked\n" + d);
    synchronized (OUTCOMES) {
      OUTCOMES.add(row(c, line));
    }
  }

  private static String row(Case c, String line) {
    String shown = line.replace(dir.toString() + "/", "").replace(server.baseUrl(), "URL");
    shown = shown.replaceAll("home[0-9]+/config/", "\\$XDG_CONFIG_HOME/");
    String args =
        String.join(
            " ",
            c.args().stream()
                .map(a -> a.startsWith("@") ? a.substring(1) : a.isEmpty() ? "''" : a)
                .toList());
    return "| "
        + c.input()
        + " | "
        + c.bad()
        + " | `"
        + (c.input().equals("config file")
            ? "config: "
                + (c.config() == null
                    ? "(a directory)"
                    : c.config().chars().anyMatch(ch -> ch < 0x20 && ch != '\n')
                        ? "(binary bytes)"
                        : c.config().strip())
                + "; "
            : "")
        + c.env().entrySet().stream()
            .map(e -> e.getKey() + "='" + e.getValue().replace("\n", "\\n") + "' ")
            .reduce("", String::concat)
        + args.replace("|", "\\|")
        + "` | 2 | 0 | "
        + shown.replace("|", "\\|")
        + " |";
  }
}
