package com.anthropic.tool.chat;

import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.Json;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code /save FILE}: the conversation as JSON ({@code chat --resume FILE} imports it), or as
 * Markdown when FILE ends in {@code .md} (for people; it cannot be resumed).
 */
final class Transcripts {
  private Transcripts() {}

  static void write(Conversation c, Path file) throws IOException {
    boolean json =
        !file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".md");
    PrivateFiles.writeAtomically(file, json ? Json.write(c.toJson()) + "\n" : markdown(c));
  }

  static String markdown(Conversation c) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Chat ").append(c.id()).append("\n\n");
    sb.append("Model: ").append(c.model()).append(" · started ").append(c.created()).append("\n\n");
    if (c.system() != null) {
      sb.append("System: ").append(c.system()).append("\n\n");
    }
    for (Conversation.Turn t : c.turns()) {
      sb.append(
          t.isToolResults()
              ? "## Tool results\n\n"
              : t.isUser() ? "## You\n\n" : "## Assistant\n\n");
      for (ContentBlock b : t.content()) {
        if (b instanceof ContentBlock.Text text) {
          sb.append(text.text());
          if (!text.text().endsWith("\n")) {
            sb.append('\n');
          }
        } else if (b instanceof ContentBlock.ToolUse u) {
          sb.append("*[tool ")
              .append(u.name())
              .append(' ')
              .append(
                  AnswerRecorder.shorten(
                      Json.write(u.input() == null ? new com.google.gson.JsonObject() : u.input()),
                      200))
              .append("]*\n");
        } else if (b instanceof ContentBlock.ToolResult r) {
          StringBuilder text = new StringBuilder();
          r.content()
              .forEach(
                  x ->
                      text.append(
                          x instanceof ContentBlock.Text tx ? tx.text() : "[" + x.type() + "]"));
          sb.append(Boolean.TRUE.equals(r.isError()) ? "*[error: " : "*[result: ")
              .append(AnswerRecorder.shorten(text.toString(), 200))
              .append("]*\n");
        } else if (!(b instanceof ContentBlock.Thinking)
            && !(b instanceof ContentBlock.RedactedThinking)) {
          sb.append("*[").append(b.type()).append("]*\n");
        }
      }
      if (t.interrupted()) {
        sb.append("\n*[interrupted]*\n");
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
