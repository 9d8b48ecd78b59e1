package com.anthropic.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged jar through the {@code ./anthropic} launcher, as a user would, against a
 * loopback server. Runs under failsafe after {@code package}, so the launcher must not rebuild.
 */
class LauncherIT {
  private static final String ANSWER =
      "{\"id\":\"msg_it\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\","
          + "\"content\":[{\"type\":\"text\",\"text\":\"Hi from loopback\"}],"
          + "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
          + "\"usage\":{\"input_tokens\":1,\"output_tokens\":3}}";
  private static HttpServer server;
  private static final List<String> bodies = new CopyOnWriteArrayList<>();
  private static final List<String> keys = new CopyOnWriteArrayList<>();
  @TempDir Path tmp;

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/v1/messages",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          keys.add(String.valueOf(exchange.getRequestHeaders().getFirst("x-api-key")));
          byte[] out = ANSWER.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("content-type", "application/json");
          exchange.sendResponseHeaders(200, out.length);
          exchange.getResponseBody().write(out);
          exchange.close();
        });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static Path root() {
    return Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
  }

  private static String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  record Run(int exitCode, String out, String err, List<String> command) {
    String describe() {
      return command
          + "\nexit="
          + exitCode
          + "\n--- stdout ---\n"
          + out
          + "\n--- stderr ---\n"
          + err;
    }
  }

  private Run run(Path launcher, Path cwd, Map<String, String> env, String... args)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(launcher.toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.startsWith("ANTHROPIC_") || k.toLowerCase().endsWith("_proxy"));
    e.put("HOME", tmp.toString());
    e.put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
    e.putAll(env);
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Path out = tmp.resolve("out-" + System.nanoTime());
    Path err = tmp.resolve("err-" + System.nanoTime());
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + cmd + "\n" + Files.readString(err));
    }
    Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err), cmd);
    assertFalse(r.err().contains("building"), "the launcher rebuilt the jar\n" + r.describe());
    return r;
  }

  private Run run(Map<String, String> env, String... args) throws Exception {
    return run(root().resolve("anthropic"), root(), env, args);
  }

  @Test
  void should_answer_hello_from_a_loopback_server() throws Exception {
    Run r =
        run(
            Map.of("ANTHROPIC_BASE_URL", baseUrl(), "ANTHROPIC_API_KEY", "sk-it"),
            "messages",
            "Hello");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("Hi from loopback", r.out(), r.describe());
    assertEquals("", r.err(), r.describe());
    assertTrue(bodies.get(bodies.size() - 1).contains("\"Hello\""), bodies.toString());
    assertEquals("sk-it", keys.get(keys.size() - 1));
  }

  @Test
  void should_give_the_same_clean_output_on_later_runs() throws Exception {
    Map<String, String> env = Map.of("ANTHROPIC_BASE_URL", baseUrl(), "ANTHROPIC_API_KEY", "k");
    Run first = run(env, "messages", "one");
    Run second = run(env, "messages", "two");

    assertEquals(0, first.exitCode(), first.describe());
    assertEquals("Hi from loopback", first.out(), first.describe());
    assertEquals(0, second.exitCode(), second.describe());
    assertEquals("Hi from loopback", second.out(), second.describe());
    assertEquals("", second.err(), second.describe());
  }

  @Test
  void should_ignore_a_start_up_archive_made_from_an_older_jar() throws Exception {
    Map<String, String> env = Map.of("ANTHROPIC_BASE_URL", baseUrl(), "ANTHROPIC_API_KEY", "k");
    Path jar = root().resolve("target/anthropic-cli.jar");
    Path cds = root().resolve("target/anthropic-cli.jsa");
    run(env, "messages", "record the archive");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(cds), "no start-up archive made");
    // as after a rebuild: the jar is newer than the archive recorded from it
    Files.setLastModifiedTime(
        jar,
        java.nio.file.attribute.FileTime.fromMillis(
            Files.getLastModifiedTime(cds).toMillis() + 2000));

    Run r = run(env, "messages", "Hello");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("Hi from loopback", r.out(), r.describe());
    assertEquals("", r.err(), r.describe());
  }

  @Test
  void should_print_the_version_and_exit_0() throws Exception {
    Run r = run(Map.of(), "--version");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("anthropic 0.1.0\n", r.out(), r.describe());
  }

  /**
   * Issue 19, defect 7: a crash log holds the environment (the key), so the JVM is told to write it
   * to a private directory of ours, never the working directory. The JVM itself reports the flags
   * it runs with (-XX:+PrintFlagsFinal), and the directory is 0700.
   */
  @Test
  void should_send_jvm_crash_logs_to_a_private_directory_not_the_working_directory()
      throws Exception {
    Path state = tmp.resolve("state");
    Run r =
        run(
            Map.of(
                "XDG_STATE_HOME", state.toString(), "ANTHROPIC_JAVA_OPTS", "-XX:+PrintFlagsFinal"),
            "--version");

    assertEquals(0, r.exitCode(), r.describe());
    Path crash = state.resolve("anthropic-cli/crash");
    String errorFile =
        r.out().lines().filter(l -> l.matches("\\s*ccstr ErrorFile\\s+=.*")).findFirst().orElse("");
    assertTrue(
        errorFile.contains("= " + crash.resolve("hs_err_pid%p.log")),
        "ErrorFile: " + errorFile + "\n" + r.describe());
    assertTrue(
        r.out().lines().anyMatch(l -> l.matches("\\s*bool CreateCoredumpOnCrash\\s+= false.*")),
        r.describe());
    assertEquals(
        "rwx------",
        java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(crash)),
        "the crash directory is private");
  }

  @Test
  void should_print_help_and_exit_0() throws Exception {
    Run r = run(Map.of(), "--help");

    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.out().startsWith("Usage: anthropic"), r.describe());
  }

  @Test
  void should_exit_3_without_a_key() throws Exception {
    Run r = run(Map.of("ANTHROPIC_BASE_URL", baseUrl()), "messages", "Hello");

    assertEquals(3, r.exitCode(), r.describe());
    assertEquals("", r.out(), r.describe());
    assertTrue(r.err().startsWith("error: authentication_error: "), r.describe());
    assertTrue(r.err().contains("ANTHROPIC_API_KEY"), r.describe());
  }

  @Test
  void should_exit_2_without_hanging_when_stdin_is_empty_and_there_is_no_prompt() throws Exception {
    Run r = run(Map.of("ANTHROPIC_BASE_URL", baseUrl(), "ANTHROPIC_API_KEY", "k"), "messages");

    assertEquals(2, r.exitCode(), r.describe());
    assertEquals("", r.out(), r.describe());
    assertTrue(r.err().startsWith("error: "), r.describe());
  }

  @Test
  void should_work_through_a_symlink_from_another_directory() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path link = bin.resolve("anthropic");
    Files.createSymbolicLink(link, root().resolve("anthropic"));
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));

    Run r =
        run(
            link,
            elsewhere,
            Map.of("ANTHROPIC_BASE_URL", baseUrl(), "ANTHROPIC_API_KEY", "k"),
            "messages",
            "Hello");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("Hi from loopback", r.out(), r.describe());
  }

  @Test
  void should_work_through_a_relative_symlink_chain() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin2"));
    Path first = bin.resolve("first");
    Files.createSymbolicLink(first, root().resolve("anthropic"));
    Path second = bin.resolve("ant");
    Files.createSymbolicLink(second, Path.of("first"));

    Run r = run(second, tmp, Map.of(), "--version");

    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("anthropic 0.1.0\n", r.out(), r.describe());
  }
}
