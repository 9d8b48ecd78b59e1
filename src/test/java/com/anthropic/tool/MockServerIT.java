package com.anthropic.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./anthropic mock-server &} as a CI script uses it: URL first, answers, stops on kill. */
class MockServerIT {
  @TempDir Path tmp;

  private static Path root() {
    return Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
  }

  private ProcessBuilder launcher(Map<String, String> env, String... args) {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(root().resolve("anthropic").toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(root().toFile());
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.startsWith("ANTHROPIC_") || k.toLowerCase().endsWith("_proxy"));
    e.put("HOME", tmp.toString());
    e.put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
    e.putAll(env);
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    return pb;
  }

  @Test
  void should_print_its_url_answer_the_cli_and_stop_when_the_launcher_is_killed() throws Exception {
    // the launcher must exec the JVM, never keep it as a child: killing the launcher's pid has to
    // stop the server, or it would be left holding its port
    Process server =
        launcher(Map.of(), "mock-server").redirectError(tmp.resolve("server.err").toFile()).start();
    List<ProcessHandle> started = List.of();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String url = out.readLine();
      assertTrue(
          url != null && url.matches("http://127\\.0\\.0\\.1:\\d+"),
          url + "\n" + Files.readString(tmp.resolve("server.err")));

      started = server.descendants().toList(); // so a failing run leaves no server behind
      Process client =
          launcher(Map.of("ANTHROPIC_BASE_URL", url, "ANTHROPIC_API_KEY", "mock"), "stream", "hi")
              .redirectError(tmp.resolve("client.err").toFile())
              .start();
      String answer = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(client.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, client.exitValue(), Files.readString(tmp.resolve("client.err")));
      assertEquals("mock answer to: hi", answer);

      server.destroy(); // SIGTERM to the launcher's pid, like `kill $!`
      assertTrue(server.waitFor(60, TimeUnit.SECONDS));
      int port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
      assertThrows(
          ConnectException.class,
          () -> new Socket(InetAddress.getLoopbackAddress(), port).close(),
          "the server outlived its launcher");
    } finally {
      started.forEach(ProcessHandle::destroyForcibly);
      server.destroyForcibly();
    }
  }
}
