package com.anthropic.tool.mcp;

import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.Source;
import com.anthropic.tool.client.tools.ToolOutput;
import io.modelcontextprotocol.spec.McpSchema;
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

  static ToolOutput toOutput(McpSchema.CallToolResult result, Function<Object, String> toJson) {
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
    return new ToolOutput(blocks, Boolean.TRUE.equals(result.isError()));
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
