package com.anthropic.tool.mcp;

import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.Source;
import com.anthropic.tool.client.tools.ToolOutput;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An MCP {@code tools/call} result as the content of a {@code tool_result} block: text as text,
 * images as base64 images, an embedded PDF as a document; what the Messages API cannot take in a
 * tool result (audio, other binary resources) as a line of text saying what was left out.
 */
final class McpContent {
  private McpContent() {}

  /**
   * @param limit most bytes of text (UTF-8, all text blocks together) sent; the text beyond is cut
   *     at a character boundary with a marker line saying how much was dropped
   */
  static ToolOutput toOutput(
      McpSchema.CallToolResult result, Function<Object, String> toJson, long limit) {
    List<ContentBlock> blocks = new ArrayList<>();
    for (McpSchema.Content c : result.content()) {
      ContentBlock b = toBlock(c);
      if (b != null) {
        blocks.add(b);
      }
    }
    if (blocks.isEmpty() && result.structuredContent() != null) {
      blocks.add(ContentBlock.Text.of(toJson.apply(result.structuredContent())));
    }
    return new ToolOutput(cut(blocks, limit), Boolean.TRUE.equals(result.isError()));
  }

  private static List<ContentBlock> cut(List<ContentBlock> blocks, long limit) {
    long left = limit;
    long dropped = 0;
    int cutAt = -1;
    List<ContentBlock> out = new ArrayList<>();
    for (ContentBlock b : blocks) {
      if (!(b instanceof ContentBlock.Text t)) {
        out.add(b);
        continue;
      }
      byte[] bytes = t.text().getBytes(StandardCharsets.UTF_8);
      if (cutAt >= 0) {
        dropped += bytes.length;
      } else if (bytes.length <= left) {
        left -= bytes.length;
        out.add(b);
      } else {
        int end = (int) left;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
          end--; // not in the middle of a character
        }
        dropped += bytes.length - end;
        cutAt = out.size();
        out.add(ContentBlock.Text.of(new String(bytes, 0, end, StandardCharsets.UTF_8)));
      }
    }
    if (cutAt >= 0) {
      String kept = ((ContentBlock.Text) out.get(cutAt)).text();
      out.set(
          cutAt,
          ContentBlock.Text.of(
              kept
                  + "\n[output cut at "
                  + limit
                  + " bytes (--tool-output-limit): "
                  + dropped
                  + " more bytes dropped]"));
    }
    return out;
  }

  private static ContentBlock toBlock(McpSchema.Content c) {
    if (c instanceof McpSchema.TextContent t) {
      return text(t.text());
    }
    if (c instanceof McpSchema.ImageContent i) {
      return ContentBlock.Image.of(new Source.Base64(i.mimeType(), i.data()));
    }
    if (c instanceof McpSchema.AudioContent a) {
      return text("[audio (" + a.mimeType() + ") left out: the model takes no audio]");
    }
    if (c instanceof McpSchema.ResourceLink l) {
      return text("[resource " + l.uri() + (l.name() == null ? "" : " (" + l.name() + ")") + "]");
    }
    if (c instanceof McpSchema.EmbeddedResource e) {
      McpSchema.ResourceContents r = e.resource();
      if (r instanceof McpSchema.TextResourceContents t) {
        return text(t.text());
      }
      if (r instanceof McpSchema.BlobResourceContents b) {
        String type = b.mimeType() == null ? "" : b.mimeType();
        if (type.startsWith("image/")) {
          return ContentBlock.Image.of(new Source.Base64(type, b.blob()));
        }
        if (type.equals("application/pdf")) {
          return ContentBlock.Document.of(new Source.Base64(type, b.blob()));
        }
        return text("[resource " + b.uri() + " (" + type + ") left out: binary]");
      }
    }
    return text("[" + c.type() + " content left out]");
  }

  /** A text block, or none for empty text (the API refuses empty text blocks). */
  private static ContentBlock text(String s) {
    return s == null || s.isEmpty() ? null : ContentBlock.Text.of(s);
  }
}
