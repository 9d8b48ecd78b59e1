package com.anthropic.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The client-only jar (com.anthropic.tool:anthropic-client) holds the library and nothing of the
 * command line, and its POM names the library's dependencies and no others.
 */
class ClientJarIT {
  private static final Pattern DEPENDENCY =
      Pattern.compile(
          "<dependency>\\s*(?:<!--.*?-->\\s*)?<groupId>([^<]+)</groupId>\\s*"
              + "<artifactId>([^<]+)</artifactId>\\s*<version>([^<]+)</version>",
          Pattern.DOTALL);

  private static Path root() {
    return Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
  }

  private static String projectVersion() throws IOException {
    String pom = Files.readString(root().resolve("pom.xml"));
    Matcher m =
        Pattern.compile("<artifactId>anthropic-cli</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(pom);
    assertTrue(m.find(), "no version in pom.xml");
    return m.group(1);
  }

  private static Path clientJar() throws IOException {
    Path jar = root().resolve("target/anthropic-client-" + projectVersion() + ".jar");
    assertTrue(Files.isRegularFile(jar), "not built: " + jar);
    return jar;
  }

  @Test
  void should_hold_only_the_client_package_and_its_pom() throws IOException {
    List<String> strangers = new ArrayList<>();
    List<String> classes = new ArrayList<>();
    try (JarFile jar = new JarFile(clientJar().toFile())) {
      for (ZipEntry e : jar.stream().toList()) {
        String name = e.getName();
        if (name.endsWith(".class")) {
          classes.add(name);
        }
        boolean ok =
            name.startsWith("com/anthropic/tool/client/")
                || name.equals("com/")
                || name.equals("com/anthropic/")
                || name.equals("com/anthropic/tool/")
                || name.startsWith("META-INF/");
        if (!ok || name.contains("picocli") || name.contains("jline")) {
          strangers.add(name);
        }
      }
      assertEquals(
          projectVersion(),
          jar.getManifest().getMainAttributes().getValue("Implementation-Version"),
          "the manifest version (Version.get() reads it)");
    }
    assertEquals(List.of(), strangers, "entries outside com/anthropic/tool/client/");
    assertTrue(classes.contains("com/anthropic/tool/client/AnthropicClient.class"), "" + classes);
    assertTrue(
        classes.contains("com/anthropic/tool/client/tools/ToolLoop.class"), "the tool loop too");
    long compiled;
    try (Stream<Path> s = Files.walk(root().resolve("target/classes/com/anthropic/tool/client"))) {
      compiled = s.filter(p -> p.toString().endsWith(".class")).count();
    }
    assertEquals(compiled, classes.size(), "every compiled client class is in the jar");
  }

  @Test
  void should_name_the_library_dependencies_in_its_pom_and_nothing_of_the_cli() throws IOException {
    String pom;
    try (JarFile jar = new JarFile(clientJar().toFile());
        InputStream in =
            jar.getInputStream(
                jar.getEntry("META-INF/maven/com.anthropic.tool/anthropic-client/pom.xml"))) {
      pom = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertEquals(
        Files.readString(root().resolve("target/client/pom.xml")), pom, "the installed POM");
    assertFalse(pom.contains("${"), "every property filled in:\n" + pom);
    assertTrue(pom.contains("<artifactId>anthropic-client</artifactId>"), pom);
    assertTrue(pom.contains("<version>" + projectVersion() + "</version>"), pom);
    List<String> deps = new ArrayList<>();
    Matcher m = DEPENDENCY.matcher(pom);
    while (m.find()) {
      deps.add(m.group(1) + ":" + m.group(2));
    }
    assertEquals(
        List.of(
            "org.apache.httpcomponents.client5:httpclient5",
            "org.slf4j:slf4j-api",
            "com.google.code.gson:gson",
            "io.opentelemetry:opentelemetry-api"),
        deps);
  }

  @Test
  void should_keep_the_example_project_on_this_version_of_the_client() throws IOException {
    String example = Files.readString(root().resolve("examples/client-example/pom.xml"));
    assertTrue(
        example.contains(
            "<anthropic-client.version>" + projectVersion() + "</anthropic-client.version>"),
        "examples/client-example/pom.xml depends on anthropic-client " + projectVersion());
  }
}
