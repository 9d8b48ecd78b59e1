package com.anthropic.tool.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.tools.ToolOutput;
import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each kind of MCP content becomes in a tool_result. */
class McpContentTest {
  private static JsonArray blocks(ToolOutput out) {
    JsonArray a = new JsonArray();
    for (ContentBlock b : out.content()) {
      a.add(b.toJson());
    }
    return a;
  }

  private static ToolOutput convert(Boolean isError, Object structured, McpSchema.Content... c) {
    return McpContent.toOutput(
        new McpSchema.CallToolResult(List.of(c), isError, structured, null),
        v -> "{\"n\":1}",
        100_000);
  }

  @Test
  void should_turn_embedded_text_and_images_and_pdfs_into_their_blocks() {
    ToolOutput out =
        convert(
            null,
            null,
            new McpSchema.EmbeddedResource(
                null, new McpSchema.TextResourceContents("file:///a.txt", "text/plain", "hello")),
            new McpSchema.EmbeddedResource(
                null, new McpSchema.BlobResourceContents("file:///a.png", "image/png", "iVBO")),
            new McpSchema.EmbeddedResource(
                null,
                new McpSchema.BlobResourceContents("file:///a.pdf", "application/pdf", "JVBE")));

    assertFalse(out.isError());
    assertEquals(
        JsonParser.parseString(
            "[{\"type\":\"text\",\"text\":\"hello\"},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\","
                + "\"data\":\"iVBO\"}},"
                + "{\"type\":\"document\",\"source\":{\"type\":\"base64\","
                + "\"media_type\":\"application/pdf\",\"data\":\"JVBE\"}}]"),
        blocks(out));
  }

  @Test
  void should_say_what_was_left_out_for_audio_and_other_binary_content() {
    ToolOutput out =
        convert(
            true,
            null,
            new McpSchema.AudioContent(null, "UklG", "audio/wav"),
            new McpSchema.EmbeddedResource(
                null,
                new McpSchema.BlobResourceContents("file:///a.zip", "application/zip", "UEsD")));

    assertTrue(out.isError());
    assertTrue(out.text().contains("audio (audio/wav) left out"), out.text());
    assertTrue(out.text().contains("file:///a.zip (application/zip) left out"), out.text());
  }

  @Test
  void should_send_structured_content_as_json_text_when_there_is_no_other_content() {
    ToolOutput out = convert(false, Map.of("n", 1));

    assertEquals(
        JsonParser.parseString("[{\"type\":\"text\",\"text\":\"{\\\"n\\\":1}\"}]"), blocks(out));
  }

  @Test
  void should_leave_out_empty_text_which_the_api_refuses() {
    ToolOutput out = convert(false, null, new McpSchema.TextContent(""));

    assertEquals(List.of(), out.content());
  }

  @Test
  void should_cut_text_beyond_the_output_limit_at_a_character_boundary_with_a_marker() {
    ToolOutput out =
        McpContent.toOutput(
            new McpSchema.CallToolResult(
                List.of(
                    new McpSchema.TextContent("abc"),
                    new McpSchema.ImageContent(null, "iVBO", "image/png"),
                    new McpSchema.TextContent("déf"),
                    new McpSchema.TextContent("ghij")),
                false,
                null,
                null),
            v -> "",
            5);

    assertEquals(3, out.content().size(), out.toString());
    assertEquals("image", out.content().get(1).type());
    // 3 bytes of "abc", then "d" (1 byte) fits, "é" (2 bytes) would not: é, f and ghij dropped
    assertEquals(
        "abcd\n[output cut at 5 bytes (--tool-output-limit): 7 more bytes dropped]", out.text());
  }
}
