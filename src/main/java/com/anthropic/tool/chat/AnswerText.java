package com.anthropic.tool.chat;

/** How an answer's text reaches the terminal: as it is, or rendered (Markdown). */
interface AnswerText {
  /** What to write for the next piece of text (possibly with cursor movement). */
  String feed(String text);

  /** What to write at the end of the answer: everything held back, the cursor on a new line. */
  String finish();

  /** The text as it came. */
  AnswerText PLAIN =
      new AnswerText() {
        @Override
        public String feed(String text) {
          return text;
        }

        @Override
        public String finish() {
          return "";
        }
      };
}
