package com.anthropic.tool.chat;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jline.builtins.SyntaxHighlighter;
import org.jline.utils.AttributedString;

/**
 * Syntax highlighting of a fenced code block by its language, with JLine's own nanorc highlighter
 * and short nanorc files of ours (src/main/resources/com/anthropic/tool/chat/syntax/). A language
 * without a file is shown unhighlighted.
 */
final class CodeHighlight {
  private static final String DIR = "classpath:/com/anthropic/tool/chat/syntax/";

  /** Fence languages (lower case) to our syntax files. */
  private static final Map<String, String> FILES =
      Map.ofEntries(
          Map.entry("java", "java"),
          Map.entry("kotlin", "java"),
          Map.entry("python", "python"),
          Map.entry("py", "python"),
          Map.entry("javascript", "javascript"),
          Map.entry("js", "javascript"),
          Map.entry("jsx", "javascript"),
          Map.entry("typescript", "javascript"),
          Map.entry("ts", "javascript"),
          Map.entry("tsx", "javascript"),
          Map.entry("go", "go"),
          Map.entry("golang", "go"),
          Map.entry("rust", "rust"),
          Map.entry("rs", "rust"),
          Map.entry("c", "c"),
          Map.entry("h", "c"),
          Map.entry("cpp", "c"),
          Map.entry("c++", "c"),
          Map.entry("cc", "c"),
          Map.entry("hpp", "c"),
          Map.entry("sh", "shell"),
          Map.entry("bash", "shell"),
          Map.entry("shell", "shell"),
          Map.entry("zsh", "shell"),
          Map.entry("console", "shell"),
          Map.entry("sql", "sql"),
          Map.entry("json", "json"),
          Map.entry("jsonl", "json"),
          Map.entry("yaml", "yaml"),
          Map.entry("yml", "yaml"),
          Map.entry("html", "html"),
          Map.entry("xml", "html"),
          Map.entry("markdown", "markdown"),
          Map.entry("md", "markdown"),
          Map.entry("diff", "diff"),
          Map.entry("patch", "diff"));

  private static final Map<String, SyntaxHighlighter> LOADED = new ConcurrentHashMap<>();

  private final SyntaxHighlighter highlighter;

  private CodeHighlight(SyntaxHighlighter highlighter) {
    this.highlighter = highlighter;
  }

  /** A highlighter for one block in {@code language} (the fence's first word; may be empty). */
  static CodeHighlight forLanguage(String language) {
    String file = FILES.get(language.toLowerCase(Locale.ROOT));
    if (file == null) {
      return new CodeHighlight(null);
    }
    SyntaxHighlighter h =
        LOADED.computeIfAbsent(file, f -> SyntaxHighlighter.build(DIR + f + ".nanorc"));
    return new CodeHighlight(h);
  }

  /** Whether the language has highlighting. */
  static boolean known(String language) {
    return FILES.containsKey(language.toLowerCase(Locale.ROOT));
  }

  /** The lines of a block, highlighted (a comment may run across lines). */
  java.util.List<AttributedString> lines(java.util.List<String> lines) {
    java.util.List<AttributedString> out = new java.util.ArrayList<>(lines.size());
    if (highlighter == null) {
      for (String l : lines) {
        out.add(new AttributedString(l));
      }
      return out;
    }
    synchronized (highlighter) {
      highlighter.reset();
      for (String l : lines) {
        out.add(highlighter.highlight(l));
      }
    }
    return out;
  }
}
