package com.anthropic.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.Faults;
import com.anthropic.tool.client.RawServer;
import com.anthropic.tool.client.tools.ScriptedApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secrets rows that depend on the real process environment, through the real launcher: a tool
 * started by {@code tool-loop} does not inherit ANTHROPIC_API_KEY, ANTHROPIC_AUTH_TOKEN or
 * ANTHROPIC_CUSTOM_HEADERS, and {@code --debug}, {@code --trace} and {@code -u} output and the
 * error line after a 401 carry neither.
 */
class SecretsIT {
  static final String KEY = "sk-ant-api03-SECRETKEYIT-0123456789-wxyz";
  static final String TOKEN = "SECRETTOKENIT-tok-42";
  static final String HEADER_SECRET = "SECRETHEADERIT-hdr-7";
  static final List<String> FORBIDDEN = List.of("SECRETKEYIT", "SECRETTOKENIT", HEADER_SECRET);
  @TempDir Path tmp;

  private static void assertClean(String text, String where, String d) {
    for (String f : FORBIDDEN) {
      assertFalse(text.contains(f), "a secret in " + where + "\n" + d);
    }
  }

  @Test
  void should_keep_the_credentials_out_of_the_tool_environment_and_every_output() throws Exception {
    Path dump = tmp.resolve("env.txt");
    Path script = tmp.resolve("envdump.sh");
    Files.writeString(script, "#!/bin/sh\nenv > '" + dump + "'\necho sunny\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    Path tool = tmp.resolve("envdump.json");
    Files.writeString(
        tool,
        "{\"name\":\"weather\",\"description\":\"d\",\"input_schema\":{\"type\":\"object\"},"
            + "\"command\":[\""
            + script
            + "\"]}");
    try (ScriptedApi api = new ScriptedApi()) {
      api.answer(
          ScriptedApi.message(
              "tool_use", ScriptedApi.toolUse("toolu_1", "weather", "{\"city\":\"Oslo\"}")),
          ScriptedApi.message("end_turn", ScriptedApi.text("Sunny.")));
      Launcher.Run r =
          Launcher.run(
              tmp,
              Map.of(
                  "ANTHROPIC_BASE_URL",
                  api.baseUrl(),
                  "ANTHROPIC_API_KEY",
                  KEY,
                  "ANTHROPIC_AUTH_TOKEN",
                  TOKEN,
                  "ANTHROPIC_CUSTOM_HEADERS",
                  "x-gateway-auth: Bearer " + HEADER_SECRET),
              "--debug",
              "tool-loop",
              "--trace",
              "-u",
              "--tool",
              tool.toString(),
              "weather?");
      String d = r.describe();
      assertEquals(0, r.exit(), d);
      assertTrue(r.out().contains("Sunny."), d);
      assertTrue(r.err().contains("tool call: weather"), "the trace ran\n" + d);
      assertTrue(r.err().contains("x-api-key"), "the debug dump ran\n" + d);
      assertClean(r.out(), "stdout", d);
      assertClean(r.err(), "stderr", d);
      String env = Files.readString(dump);
      assertTrue(env.contains("HOME="), env);
      assertFalse(env.contains("ANTHROPIC_API_KEY"), env);
      assertFalse(env.contains("ANTHROPIC_AUTH_TOKEN"), env);
      assertFalse(env.contains("ANTHROPIC_CUSTOM_HEADERS"), env);
      assertClean(env, "the tool's environment", env);
      assertEquals(2, api.bodies().size(), d);
      assertEquals("Bearer " + HEADER_SECRET, api.header(0, "x-gateway-auth"), "it was sent\n" + d);
    }
  }

  @Test
  void should_name_where_the_key_came_from_after_a_401_but_never_the_key() throws Exception {
    try (RawServer server =
        new RawServer(
            Faults.json(
                401,
                "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                    + "\"message\":\"invalid x-api-key\"}}"))) {
      Launcher.Run r =
          Launcher.run(
              tmp,
              Map.of("ANTHROPIC_BASE_URL", server.baseUrl(), "ANTHROPIC_API_KEY", KEY),
              "--debug",
              "messages",
              "hi");
      String d = r.describe();
      assertEquals(3, r.exit(), d);
      assertTrue(r.err().contains("the key came from ANTHROPIC_API_KEY"), d);
      assertClean(r.out(), "stdout", d);
      assertClean(r.err(), "stderr", d);
      assertEquals(1, server.requests(), d);
      assertTrue(server.recorded().get(0).head().contains(KEY), "the key was sent\n" + d);
    }
  }
}
