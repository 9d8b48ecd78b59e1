package com.anthropic.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.mock.MockApiServer;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One meaning of {@code --format} on every list command, as processes against the mock server:
 * {@code json} parses as one document (an array), {@code jsonl} is one object per line, and a page
 * with more behind it says how to get the rest on stderr.
 */
class ListFormatsIT {
  private static MockApiServer server;
  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    server = MockApiServer.start(0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  record Run(int exitCode, String out, String err) {}

  private Run run(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(FirstUseIT.root().resolve("anthropic").toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.startsWith("ANTHROPIC_") || k.toLowerCase().endsWith("_proxy"));
    e.put("HOME", tmp.toString());
    e.put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
    e.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    e.put("ANTHROPIC_BASE_URL", server.baseUrl());
    e.put("ANTHROPIC_API_KEY", "mock");
    Path out = tmp.resolve("out-" + System.nanoTime());
    Path err = tmp.resolve("err-" + System.nanoTime());
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + cmd);
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** The whole text is exactly one JSON document. */
  private static JsonElement oneDocument(String text) throws Exception {
    JsonReader reader = new JsonReader(new StringReader(text));
    JsonElement e = JsonParser.parseReader(reader);
    assertEquals(com.google.gson.stream.JsonToken.END_DOCUMENT, reader.peek(), text);
    return e;
  }

  private void makeABatch() throws Exception {
    Files.writeString(tmp.resolve("q.txt"), "one\ntwo\n");
    Run created = run("batches", "create", "--prompts", "q.txt");
    assertEquals(0, created.exitCode(), created.err());
    Run uploaded = run("files", "upload", "q.txt");
    assertEquals(0, uploaded.exitCode(), uploaded.err());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"models", "models list", "batches list", "files list"})
  void should_print_one_json_array_with_format_json(String command) throws Exception {
    makeABatch();
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.addAll(List.of("--format", "json", "--all"));
    Run r = run(args.toArray(String[]::new));

    assertEquals(0, r.exitCode(), r.err());
    JsonElement doc = oneDocument(r.out());
    assertTrue(doc.isJsonArray(), r.out());
    assertTrue(doc.getAsJsonArray().size() >= 1, r.out());
    doc.getAsJsonArray().forEach(o -> assertTrue(o.getAsJsonObject().has("id"), r.out()));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"models", "models list", "batches list", "files list"})
  void should_print_one_object_per_line_with_format_jsonl(String command) throws Exception {
    makeABatch();
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.addAll(List.of("--format", "jsonl", "--all"));
    Run r = run(args.toArray(String[]::new));

    assertEquals(0, r.exitCode(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(!lines.isEmpty(), r.out());
    for (String line : lines) {
      assertTrue(oneDocument(line).getAsJsonObject().has("id"), line);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"models", "batches list", "files list"})
  void should_say_how_to_get_the_next_page(String command) throws Exception {
    makeABatch();
    makeABatch();
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.addAll(List.of("--limit", "1"));
    Run r = run(args.toArray(String[]::new));

    assertEquals(0, r.exitCode(), r.err());
    assertEquals(1, r.out().lines().count(), r.out());
    String id = r.out().substring(0, r.out().indexOf('\t'));
    assertEquals("note: more results: --after-id " + id + " or --all\n", r.err());
  }
}
