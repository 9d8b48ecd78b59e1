package com.example.anthropic;

import com.anthropic.tool.client.AnthropicClient;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the examples of docs/library.md by name with a client from the environment ({@code
 * ANTHROPIC_API_KEY}, {@code ANTHROPIC_BASE_URL}, …): {@code java -jar anthropic-client-example.jar
 * [NAME...]}; no name runs {@code smoke}, {@code all} runs every one. Any failure ends the program
 * with a stack trace and exit code 1.
 */
public final class Examples {
  /** One example: what it does with a client, printing to {@code out}. */
  @FunctionalInterface
  public interface Example {
    void run(AnthropicClient client, PrintStream out) throws Exception;
  }

  /** Every example, by the name the command line takes. */
  public static final Map<String, Example> ALL = all();

  private static Map<String, Example> all() {
    Map<String, Example> m = new LinkedHashMap<>();
    m.put("smoke", Smoke::run);
    m.put("message", FirstMessage::run);
    m.put("stream", StreamText::run);
    m.put("accumulate", Accumulate::run);
    m.put("count-tokens", CountTokens::run);
    m.put("web-search", WebSearch::run);
    m.put("models", ListModels::run);
    m.put("batch", BatchEndToEnd::run);
    m.put("errors", ErrorsAndRetries::run);
    m.put("tool-loop", ToolLoopExample::run);
    m.put("tracing", Tracing::run);
    return m;
  }

  private Examples() {}

  public static void main(String[] args) throws Exception {
    List<String> names = args.length == 0 ? List.of("smoke") : List.of(args);
    if (names.equals(List.of("all"))) {
      names = List.copyOf(ALL.keySet());
    }
    for (String name : names) {
      if (!ALL.containsKey(name)) {
        System.err.println("unknown example '" + name + "'; known: " + ALL.keySet());
        System.exit(2);
      }
    }
    if (names.contains("tracing")) {
      Tracing.install(); // an OpenTelemetry SDK must be registered before any client is built
    }
    try (AnthropicClient client = ClientSetup.fromEnvironment()) {
      for (String name : names) {
        System.out.println("== " + name);
        ALL.get(name).run(client, System.out);
      }
    }
  }
}
