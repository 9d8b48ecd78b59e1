package com.anthropic.tool.chat;

import com.anthropic.tool.client.model.ContentBlock;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;

/** {@code /copy}: what is copied, and the OSC 52 sequence that puts it on the clipboard. */
final class Clipboard {
  /** The most characters sent at once (terminals cap OSC 52 at a few hundred kilobytes). */
  static final int MAX_CHARS = 100_000;

  private Clipboard() {}

  /** The text of the last assistant turn that has any, or null. */
  static String lastAnswer(Conversation c) {
    List<Conversation.Turn> turns = c.turns();
    for (int i = turns.size() - 1; i >= 0; i--) {
      Conversation.Turn t = turns.get(i);
      if (t.isUser()) {
        continue;
      }
      StringBuilder sb = new StringBuilder();
      for (ContentBlock b : t.content()) {
        if (b instanceof ContentBlock.Text text) {
          sb.append(sb.length() > 0 ? "\n\n" : "").append(text.text());
        }
      }
      if (!sb.toString().isBlank()) {
        return sb.toString();
      }
    }
    return null;
  }

  /** The content of the last fenced or indented code block of {@code markdown}, or null. */
  static String lastCodeBlock(String markdown) {
    String[] last = {null};
    MarkdownRender.parse(markdown)
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(FencedCodeBlock code) {
                last[0] = code.getLiteral();
              }

              @Override
              public void visit(IndentedCodeBlock code) {
                last[0] = code.getLiteral();
              }
            });
    return last[0];
  }

  /** The OSC 52 sequence that sets the clipboard to {@code text}. */
  static String osc52(String text) {
    return "\u001b]52;c;"
        + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
        + "\u0007";
  }
}
