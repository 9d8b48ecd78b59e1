package com.anthropic.tool.client.tools;

import com.anthropic.tool.client.model.ContentBlock;
import java.util.List;
import java.util.Objects;

/**
 * What a tool gives back: the content of its {@code tool_result} block, and whether the call failed
 * ({@code is_error: true}, which the model sees and may react to).
 *
 * <pre>{@code
 * ToolOutput answer = ToolOutput.ok("21 °C in Paris");
 * ToolOutput refused = ToolOutput.error("no such city: Atlantis"); // the model sees is_error
 * ContentBlock.ToolResult block = answer.toResult("toolu_01"); // as the loop sends it back
 * }</pre>
 *
 * @param content text, image or document blocks; empty for a tool that printed nothing
 */
public record ToolOutput(List<ContentBlock> content, boolean isError) {
  public ToolOutput {
    content = List.copyOf(Objects.requireNonNull(content, "content"));
  }

  /** A successful result holding this text (no block at all when it is empty). */
  public static ToolOutput ok(String text) {
    return new ToolOutput(textBlocks(text), false);
  }

  /** A successful result made of these blocks. */
  public static ToolOutput ok(List<ContentBlock> content) {
    return new ToolOutput(content, false);
  }

  /** A failed call, explained to the model by this text. */
  public static ToolOutput error(String text) {
    return new ToolOutput(textBlocks(text), true);
  }

  /** A failed call, explained by these blocks. */
  public static ToolOutput error(List<ContentBlock> content) {
    return new ToolOutput(content, true);
  }

  /** The text of the text blocks, concatenated. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (ContentBlock b : content) {
      if (b instanceof ContentBlock.Text t) {
        sb.append(t.text());
      }
    }
    return sb.toString();
  }

  /** The {@code tool_result} block answering the call with this id. */
  public ContentBlock.ToolResult toResult(String toolUseId) {
    return new ContentBlock.ToolResult(
        toolUseId, content, isError ? Boolean.TRUE : null, null, null);
  }

  private static List<ContentBlock> textBlocks(String text) {
    Objects.requireNonNull(text, "text");
    // the API refuses empty text blocks; an empty result is an empty content list
    return text.isEmpty() ? List.of() : List.of(ContentBlock.Text.of(text));
  }
}
