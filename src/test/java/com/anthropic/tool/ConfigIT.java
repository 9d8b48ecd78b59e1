package com.anthropic.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code config}, {@code keys set} and {@code install} as processes of the real launcher. */
class ConfigIT {
  private static HttpServer server;
  @TempDir Path tmp;

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/v1/messages",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] out =
              ("{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                      + "\"message\":\"invalid x-api-key\"}}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("content-type", "application/json");
          exchange.getResponseHeaders().add("request-id", "req_401");
          exchange.sendResponseHeaders(401, out.length);
          exchange.getResponseBody().write(out);
          exchange.close();
        });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
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

  private Path configDir() {
    return tmp.resolve("xdg").resolve("anthropic-cli");
  }

  private Run run(Map<String, String> env, String stdin, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(FirstUseIT.root().resolve("anthropic").toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.startsWith("ANTHROPIC_") || k.toLowerCase().endsWith("_proxy"));
    e.put("HOME", tmp.toString());
    e.put("XDG_CONFIG_HOME", tmp.resolve("xdg").toString());
    e.putAll(env);
    Path in = tmp.resolve("in-" + System.nanoTime());
    Files.writeString(in, stdin);
    Path out = tmp.resolve("out-" + System.nanoTime());
    Path err = tmp.resolve("err-" + System.nanoTime());
    pb.redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + cmd);
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err), cmd);
  }

  private Run run(String... args) throws Exception {
    return run(Map.of(), "", args);
  }

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void should_round_trip_set_get_list_unset_in_a_private_file() throws Exception {
    Run set = run("config", "set", "model", "claude-haiku-4-5");
    assertEquals(0, set.exitCode(), set.describe());
    Path file = configDir().resolve("config.properties");
    assertEquals("rwx------", mode(configDir()));
    assertEquals("rw-------", mode(file));

    assertEquals("claude-haiku-4-5\n", run("config", "get", "model").out());
    assertEquals(file + "\n", run("config", "path").out());
    assertEquals(0, run("config", "set", "max-tokens", "2048").exitCode());
    assertEquals("model=claude-haiku-4-5\nmax-tokens=2048\n", run("config", "list").out());

    assertEquals(0, run("config", "unset", "model").exitCode());
    Run gone = run("config", "get", "model");
    assertEquals(1, gone.exitCode(), gone.describe());
    assertEquals("", gone.out(), gone.describe());
    assertEquals("max-tokens=2048\n", Files.readString(file));
  }

  @Test
  void should_refuse_an_unknown_key_naming_the_closest() throws Exception {
    Run r = run("config", "set", "modle", "x");
    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(
        r.err()
            .startsWith("error: usage_error: unknown config key 'modle' (did you mean 'model'?)"),
        r.describe());
    assertFalse(Files.exists(configDir().resolve("config.properties")));
  }

  @Test
  void should_warn_about_unknown_keys_and_a_readable_key_when_the_file_is_read() throws Exception {
    Files.createDirectories(configDir());
    Path file = configDir().resolve("config.properties");
    Files.writeString(file, "# mine\napi-key=sk-ant-test-0000000000000\nmdoel=x\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    Run r =
        run(
            Map.of("ANTHROPIC_BASE_URL", "http://127.0.0.1:" + server.getAddress().getPort()),
            "",
            "messages",
            "hi");

    assertTrue(
        r.err()
            .contains("warning: " + file + " line 3: unknown key 'mdoel' (did you mean 'model'?)"),
        r.describe());
    assertTrue(r.err().contains("readable by others: chmod 600 " + file), r.describe());
    assertFalse(r.err().contains("sk-ant-test"), r.describe());
  }

  @Test
  void should_store_a_key_from_stdin_and_name_it_as_the_source_after_a_401() throws Exception {
    Run stored = run(Map.of(), "sk-ant-api03-stdin-key-0123456789\n", "keys", "set");
    assertEquals(0, stored.exitCode(), stored.describe());
    Path file = configDir().resolve("config.properties");
    assertEquals("api-key=sk-ant-api03-stdin-key-0123456789\n", Files.readString(file));
    assertEquals("rw-------", mode(file));
    assertFalse(stored.err().contains("stdin-key-0123456789"), stored.describe());
    assertTrue(run("config", "list").out().contains("api-key=sk-ant-api03-…6789"));

    Map<String, String> env = new HashMap<>();
    env.put("ANTHROPIC_BASE_URL", "http://127.0.0.1:" + server.getAddress().getPort());
    Run fromFile = run(env, "", "messages", "hi");
    assertEquals(3, fromFile.exitCode(), fromFile.describe());
    assertEquals(
        "error: authentication_error: invalid x-api-key; the key came from api-key in"
            + " ~/xdg/anthropic-cli/config.properties (HTTP 401, request-id req_401)\n",
        fromFile.err(),
        fromFile.describe());

    env.put("ANTHROPIC_API_KEY", "sk-env");
    Run fromEnv = run(env, "", "messages", "hi");
    assertTrue(fromEnv.err().contains("the key came from ANTHROPIC_API_KEY"), fromEnv.describe());
    Run fromFlag = run(env, "", "messages", "--api-key", "sk-flag", "hi");
    assertTrue(fromFlag.err().contains("the key came from --api-key"), fromFlag.describe());
  }

  @Test
  void should_refuse_an_empty_key() throws Exception {
    Run r = run(Map.of(), "\n", "keys", "set");
    assertEquals(2, r.exitCode(), r.describe());
    assertFalse(Files.exists(configDir().resolve("config.properties")));
  }

  @Test
  void should_install_a_link_to_the_launcher_and_say_how_to_enable_completion() throws Exception {
    Path bin = tmp.resolve("bin");
    Run r =
        run(Map.of("PATH", "/usr/bin:/bin", "SHELL", "/bin/bash"), "", "install", bin.toString());

    assertEquals(0, r.exitCode(), r.describe());
    Path link = bin.resolve("anthropic");
    assertTrue(Files.isSymbolicLink(link), r.describe());
    assertEquals(FirstUseIT.root().resolve("anthropic"), Files.readSymbolicLink(link));
    assertEquals(link + "\n", r.out(), r.describe());
    assertTrue(r.err().contains("is not on your PATH"), r.describe());
    assertTrue(r.err().contains("source <(anthropic completion bash)"), r.describe());

    Process version =
        new ProcessBuilder(link.toString(), "--version").redirectErrorStream(true).start();
    String printed = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(version.waitFor(60, TimeUnit.SECONDS));
    assertTrue(printed.startsWith("anthropic "), printed);
    assertEquals(0, run("install", bin.toString()).exitCode(), "a second install is fine");
  }
}
