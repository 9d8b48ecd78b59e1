package com.anthropic.tool.chat;

import com.anthropic.tool.text.ControlChars;
import java.util.ArrayList;
import java.util.List;

/** The last exchanges of a resumed conversation, shown (dimmed) before the first prompt. */
public final class Recap {
  private static final int QUESTION = 200;
  private static final int ANSWER = 400;

  private Recap() {}

  /** The last {@code n} questions with their answers' text, clipped, control characters shown. */
  public static String of(Conversation c, int n) {
    List<List<Conversation.Turn>> exchanges = ConversationStore.exchanges(c.turns());
    List<String> parts = new ArrayList<>();
    for (List<Conversation.Turn> ex :
        exchanges.subList(Math.max(0, exchanges.size() - n), exchanges.size())) {
      StringBuilder answer = new StringBuilder();
      String question = "";
      for (Conversation.Turn t : ex) {
        if (t.isQuestion()) {
          question = t.text();
        } else if (!t.isUser()) {
          answer.append(t.text());
        }
      }
      parts.add(
          "> "
              + ControlChars.visible(clip(question.strip(), QUESTION)).replace("\n", "\n> ")
              + "\n"
              + ControlChars.visible(clip(answer.toString().strip(), ANSWER)));
    }
    return String.join("\n\n", parts);
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
