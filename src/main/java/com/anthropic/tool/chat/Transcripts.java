package com.anthropic.tool.chat;

import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.Json;
import java.io.IOException;
import java.nio.file.Path;

/** {@code /save FILE}: the conversation as Markdown, or as JSON when FILE ends in {@code .json}. */
final class Transcripts {
  private Transcripts() {}

  static void write(Conversation c, Path file) throws IOException {
    boolean json =
        file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
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
      sb.append(t.isUser() ? "## You\n\n" : "## Assistant\n\n");
      for (ContentBlock b : t.content()) {
        if (b instanceof ContentBlock.Text text) {
          sb.append(text.text());
          if (!text.text().endsWith("\n")) {
            sb.append('\n');
          }
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
