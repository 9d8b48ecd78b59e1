package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.anthropic.tool.client.error.InvalidRequestException;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.config.Settings;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request builder fed any {@code --request} body (the bytes on stdin, as {@code --request -}
 * reads them), with and without prompt words, and the same body as a batch line's {@code params}.
 * It builds a request or refuses the body with a usage error (exit 2) or the client's validation
 * error; never another exception. A request it builds serialises, and reads back into the same
 * request.
 *
 * <p>Seeds: {@code src/test/resources/com/anthropic/tool/cli/RequestFuzzTestInputs/}; {@code
 * scripts/fuzz.sh} adds the request bodies of ../shared.
 */
class RequestFuzzTest {
  @FuzzTest(maxDuration = "20s")
  void request_body_builds_or_is_refused(byte[] body) {
    build(body, List.of());
    build(body, List.of("and", "a", "prompt"));
    batchLine(body);
  }

  private static void build(byte[] body, List<String> words) {
    RequestOptions o = new RequestOptions();
    o.request = "-";
    CliContext ctx = new CliContext(Map.of(), new ByteArrayInputStream(body), false, false, false);
    MessagesRequest request;
    try {
      request = new RequestFactory(ctx, Settings.of(Map.of(), Map.of())).build(o, words, "usage");
    } catch (CliException e) {
      assertEquals(ExitCodes.USAGE, e.exitCode(), e::getMessage);
      return;
    } catch (InvalidRequestException validation) {
      return;
    } catch (RuntimeException e) {
      throw new AssertionError(
          "building from --request " + new String(body, StandardCharsets.UTF_8) + " threw " + e, e);
    }
    JsonObject sent = request.toJson();
    JsonObject again = MessagesRequest.fromJson(sent.deepCopy()).build().toJson();
    assertEquals(sent, again, "the request reads back as itself");
  }

  @Test
  void should_refuse_a_tool_file_whose_command_is_not_all_strings(@TempDir Path dir)
      throws IOException {
    Path tool = dir.resolve("t.json");
    Files.writeString(
        tool, "{\"name\":\"t\",\"input_schema\":{\"type\":\"object\"},\"command\":[\"ls\",{}]}");
    CliContext ctx = new CliContext(Map.of(), InputStream.nullInputStream(), false, false, false);
    CliException e =
        assertThrows(
            CliException.class,
            () ->
                new RequestFactory(ctx, Settings.of(Map.of(), Map.of())).loadTool(tool.toString()));
    assertEquals(ExitCodes.USAGE, e.exitCode());
    assertEquals("--tool " + tool + ": command must be an array of strings", e.getMessage());
  }

  private static void batchLine(byte[] body) {
    JsonObject params;
    try {
      params = Json.parseObject(new String(body, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException notAnObject) {
      return;
    }
    JsonObject line = new JsonObject();
    line.addProperty("custom_id", "fuzz-1");
    line.add("params", params);
    byte[] jsonl = (Json.write(line) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      BatchInput.jsonl(
          new ByteArrayInputStream(jsonl), "--input f", new PrintWriter(new StringWriter()));
    } catch (CliException e) {
      assertEquals(ExitCodes.USAGE, e.exitCode(), e::getMessage);
    } catch (RuntimeException e) {
      throw new AssertionError("a batch line with params " + Json.write(params) + " threw " + e, e);
    }
  }
}
