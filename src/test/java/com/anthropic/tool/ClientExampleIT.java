package com.anthropic.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.mock.MockApiServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example project (examples/client-example), built by this build's invoker run against the
 * client-only jar, runs every example of docs/library.md against the mock server: with nothing on
 * its class path but the examples, the client jar and the dependencies the client's POM names (and
 * the example's own OpenTelemetry SDK and SLF4J binding).
 */
class ClientExampleIT {
  @TempDir Path tmp;

  private static Path root() {
    return Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
  }

  @Test
  void should_run_every_library_example_against_the_mock_server() throws Exception {
    Path jar = root().resolve("target/examples/client-example/target/anthropic-client-example.jar");
    assertTrue(Files.isRegularFile(jar), "the invoker run did not build " + jar);
    try (MockApiServer mock = MockApiServer.start(0)) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder pb =
          new ProcessBuilder(java, "-jar", jar.toString(), "all")
              .redirectErrorStream(true)
              .redirectOutput(tmp.resolve("out").toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      Map<String, String> env = pb.environment();
      env.keySet()
          .removeIf(
              k -> k.startsWith("ANTHROPIC_") || k.toLowerCase(Locale.ROOT).endsWith("_proxy"));
      env.put("ANTHROPIC_BASE_URL", mock.baseUrl());
      env.put("ANTHROPIC_API_KEY", "mock");
      Process p = pb.start();
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the examples did not end in 120 s");
      String out = Files.readString(tmp.resolve("out"), StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), out);

      Map<String, String> sections = sections(out);
      assertEquals(
          List.of(
              "smoke",
              "message",
              "stream",
              "accumulate",
              "count-tokens",
              "web-search",
              "models",
              "batch",
              "errors",
              "tool-loop",
              "tracing"),
          List.copyOf(sections.keySet()),
          out);
      expect(
          sections, "smoke", "mock answer to: Say hello in one word.\nsmoke: ok (claude-haiku-4-5");
      expect(
          sections,
          "message",
          "mock answer to: Name three prime numbers.\nend_turn, 7 output tokens");
      expect(sections, "stream", "mock answer to: Tell me a short story.\n");
      expect(sections, "accumulate", "mock answer to: Hello there\nmsg_mock_");
      expect(sections, "count-tokens", "12 input tokens");
      expect(
          sections,
          "web-search",
          "  web_search: \"Weather in Oslo today?\"\n  web_search: 1 result\n"
              + "A mock source says so[1]. mock answer to: Weather in Oslo today?\n"
              + "[1] Mock search result https://example.com/mock-result\n1 searches");
      expect(sections, "models", "next page starts with ");
      expect(sections, "models", "7 models\nclaude-sonnet-4-5-20250929 created ");
      expect(sections, "batch", "created msgbatch_mock_");
      expect(sections, "batch", "3 succeeded");
      expect(sections, "batch", "q-1: mock answer to: Name a colour.");
      expect(sections, "errors", "busy: 529 overloaded_error, request req_mock_");
      expect(
          sections,
          "tool-loop",
          "mock calls get_weather\n[get_weather {\"city\":\"Paris\"}]\n"
              + "mock answer to: 21 °C in Paris\nCOMPLETED after 2 calls");
      expect(sections, "tracing", "anthropic.http {");
      expect(sections, "tracing", "url.path=/v1/messages");
      expect(sections, "tracing", "  attempt {");
      // the client built with its own OpenTelemetry recorded its count_tokens call there
      expect(sections, "tracing", "url.path=/v1/messages/count_tokens");
    }
  }

  private static void expect(Map<String, String> sections, String name, String text) {
    String s = sections.get(name);
    assertTrue(s != null && s.contains(text), "example '" + name + "' printed:\n" + s);
  }

  /** The output of each example, by the name in its {@code == name} header line. */
  private static Map<String, String> sections(String out) {
    Map<String, String> m = new LinkedHashMap<>();
    String name = null;
    StringBuilder body = new StringBuilder();
    for (String line : out.split("\n", -1)) {
      if (line.startsWith("== ")) {
        if (name != null) {
          m.put(name, body.toString());
        }
        name = line.substring(3);
        body.setLength(0);
      } else if (name != null) {
        body.append(line).append('\n');
      }
    }
    if (name != null) {
      m.put(name, body.toString());
    }
    return m;
  }
}
