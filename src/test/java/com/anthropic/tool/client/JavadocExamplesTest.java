package com.anthropic.tool.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code <pre>} examples in the library's Javadoc are code a user copies: each entry type has
 * one, and every example in the public API compiles against the library as it is (a renamed method
 * fails the build here, not in a user's editor). Examples are compiled as method bodies that may
 * use the names in {@link #CONTEXT} ({@code client}, {@code request}, {@code out}, …) as given;
 * run, they are not: docs/library.md's snippets are the ones run against the mock server.
 */
class JavadocExamplesTest {
  private static final Path SOURCES = Path.of("src/main/java/com/anthropic/tool/client");

  /** The types a user starts from: each needs an example in its own Javadoc. */
  private static final List<String> ENTRY_TYPES =
      List.of(
          "AnthropicClient",
          "AnthropicClient.Builder",
          "ClientOptions",
          "CallOptions",
          "Models",
          "Batches",
          "BatchResults",
          "Files",
          "FileContent",
          "Pricing",
          "error.AnthropicException",
          "error.ApiException",
          "http.RetryPolicy",
          "http.HttpObserver",
          "model.MessagesRequest",
          "model.MessagesRequest.Builder",
          "model.Message",
          "model.MessageParam",
          "model.ContentBlock",
          "model.StreamEvent",
          "stream.MessageStream",
          "stream.StreamAccumulator",
          "tools.ToolLoop",
          "tools.ToolExecutor",
          "tools.ToolOutput",
          "tools.ToolLoopListener");

  /** What an example may use without declaring it. */
  private static final String CONTEXT =
      """
      package examples;

      import com.anthropic.tool.client.*;
      import com.anthropic.tool.client.model.*;
      import com.anthropic.tool.client.tools.ToolExecutor;
      import java.io.InputStream;
      import java.io.PrintStream;
      import java.util.List;

      public abstract class Context {
        protected AnthropicClient client;
        protected MessagesRequest request;
        protected List<BatchRequest> requests;
        protected List<MessageParam> messages;
        protected Message message;
        protected String model;
        protected String batchId;
        protected String fileId;
        protected ToolExecutor executor;
        protected String apiKey;
        protected byte[] bytes;
        protected InputStream in;
        protected PrintStream out;
        protected PrintStream err;
      }
      """;

  private static final String IMPORTS =
      """
      package examples;

      import com.anthropic.tool.client.*;
      import com.anthropic.tool.client.error.*;
      import com.anthropic.tool.client.http.*;
      import com.anthropic.tool.client.model.*;
      import com.anthropic.tool.client.stream.*;
      import com.anthropic.tool.client.tools.*;
      import com.anthropic.tool.client.Files;
      import com.google.gson.*;
      import java.io.*;
      import java.time.*;
      import java.util.*;
      import java.util.stream.*;
      """;

  private static final Pattern EXAMPLE =
      Pattern.compile("<pre>\\{@code\\n(.*?)}</pre>", Pattern.DOTALL);

  /** One example: where it is and its code. */
  record Example(Path file, int line, String code) {
    String origin() {
      return file + ":" + line;
    }
  }

  @Test
  void should_give_every_entry_type_an_example_in_its_own_javadoc() throws IOException {
    List<String> missing = new ArrayList<>();
    for (String type : ENTRY_TYPES) {
      String doc = typeJavadoc(type);
      if (doc == null || !doc.contains("<pre>{@code")) {
        missing.add(type);
      }
    }
    assertTrue(missing.isEmpty(), "entry types without a <pre> example: " + missing);
  }

  @Test
  void should_compile_every_example_of_the_public_api(@TempDir Path out) throws IOException {
    List<Example> examples = examples();
    assertTrue(examples.size() >= ENTRY_TYPES.size(), "examples found: " + examples.size());
    List<JavaFileObject> units = new ArrayList<>();
    units.add(source("Context", CONTEXT));
    for (int i = 0; i < examples.size(); i++) {
      units.add(
          source(
              "Example" + i,
              IMPORTS
                  + "@SuppressWarnings(\"all\")\nabstract class Example"
                  + i
                  + " extends Context {\n  void run() throws Exception {\n"
                  + examples.get(i).code()
                  + "\n  }\n}\n"));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of(
              "-classpath",
              System.getProperty("java.class.path"),
              "-d",
              out.toString(),
              "-proc:none",
              "-Xlint:none");
      javac.getTask(new StringWriter(), files, diagnostics, options, null, units).call();
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      String name = d.getSource() == null ? "" : d.getSource().getName();
      Matcher m = Pattern.compile("Example(\\d+)").matcher(name);
      String where =
          m.find()
              ? examples.get(Integer.parseInt(m.group(1))).origin()
                  + " (example line "
                  + (d.getLineNumber() - IMPORTS.lines().count() - 3)
                  + ")"
              : name;
      errors.add(where + ": " + d.getMessage(Locale.ROOT));
    }
    assertTrue(
        errors.isEmpty(), "Javadoc examples that do not compile:\n" + String.join("\n", errors));
  }

  /** Every {@code <pre>{@code …}</pre>} of the public packages (not {@code internal}). */
  private static List<Example> examples() throws IOException {
    List<Example> all = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(SOURCES)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        if (file.startsWith(SOURCES.resolve("internal"))) {
          continue;
        }
        String text = Files.readString(file);
        if (!Pattern.compile("^public ", Pattern.MULTILINE).matcher(text).find()) {
          continue; // a package-private type: not what a user reads
        }
        Matcher m = EXAMPLE.matcher(text);
        while (m.find()) {
          int line = (int) text.substring(0, m.start()).lines().count() + 1;
          StringBuilder code = new StringBuilder();
          for (String l : m.group(1).split("\n", -1)) {
            code.append(l.replaceFirst("^\\s*\\* ?", "")).append('\n');
          }
          all.add(new Example(file, line, code.toString()));
        }
      }
    }
    return all;
  }

  /** The Javadoc comment right before the declaration of a type ("pkg.Outer.Inner"), or null. */
  private static String typeJavadoc(String type) throws IOException {
    String[] parts = type.split("\\.");
    int outer = Character.isUpperCase(parts[0].charAt(0)) ? 0 : 1;
    Path file = SOURCES;
    for (int i = 0; i < outer; i++) {
      file = file.resolve(parts[i]);
    }
    file = file.resolve(parts[outer] + ".java");
    String name = parts[parts.length - 1];
    Matcher m =
        Pattern.compile(
                "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*public"
                    + " (?:static |final |sealed |abstract )*(?:class|interface|record|enum) "
                    + name
                    + "\\b",
                Pattern.DOTALL)
            .matcher(Files.readString(file));
    return m.find() ? m.group(1) : null;
  }

  private static JavaFileObject source(String name, String code) {
    return new SimpleJavaFileObject(
        URI.create("string:///examples/" + name + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return code;
      }
    };
  }
}
