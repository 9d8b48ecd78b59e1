package com.anthropic.tool.client.model;

import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer's text with each cited span marked {@code [N]}, and its numbered sources (one per
 * distinct title and URL, in the order first cited).
 *
 * <pre>{@code
 * CitedAnswer a = CitedAnswer.of(message.content());
 * out.println(a.markedText());
 * a.sources().forEach((n, source) -> out.println("[" + n + "] " + source));
 * }</pre>
 *
 * @param text the text exactly as written (what {@link Message#text()} gives)
 * @param markedText the text with {@code [N]} after each cited span (before its trailing spaces)
 * @param sources number → {@code TITLE URL}, from 1
 */
public record CitedAnswer(String text, String markedText, Map<Integer, String> sources) {
  public CitedAnswer {
    sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
  }

  /** Reads the text blocks of an answer's content. */
  public static CitedAnswer of(List<ContentBlock> content) {
    StringBuilder plain = new StringBuilder();
    StringBuilder marked = new StringBuilder();
    Numbers numbers = new Numbers();
    for (ContentBlock b : content) {
      if (!(b instanceof ContentBlock.Text t)) {
        continue;
      }
      plain.append(t.text());
      String marks = numbers.marks(citations(t));
      String body = t.text().stripTrailing();
      marked.append(body).append(marks).append(t.text().substring(body.length()));
    }
    return new CitedAnswer(plain.toString(), marked.toString(), numbers.sources());
  }

  /**
   * Numbers sources as they are first cited, across the text blocks of an answer in order; a
   * stream's renderer uses it block by block and gets the numbers {@link #of} gives.
   */
  public static final class Numbers {
    private final Map<String, Integer> numbers = new LinkedHashMap<>();

    /** {@code [1][2]} for one block's citations (each source once), or "" for none. */
    public String marks(List<Citation> citations) {
      List<Integer> cited = new ArrayList<>();
      for (Citation c : citations) {
        int n = numbers.computeIfAbsent(c.label(), k -> numbers.size() + 1);
        if (!cited.contains(n)) {
          cited.add(n);
        }
      }
      StringBuilder sb = new StringBuilder();
      cited.forEach(n -> sb.append('[').append(n).append(']'));
      return sb.toString();
    }

    /** Number → {@code TITLE URL}, from 1. */
    public Map<Integer, String> sources() {
      Map<Integer, String> out = new LinkedHashMap<>();
      numbers.forEach((label, n) -> out.put(n, label));
      return out;
    }
  }

  /** The citations of one text block, in order; none when it has none. */
  public static List<Citation> citations(ContentBlock.Text t) {
    List<Citation> out = new ArrayList<>();
    if (t.citations() != null) {
      for (JsonElement e : t.citations()) {
        if (e.isJsonObject()) {
          out.add(Citation.fromJson(e.getAsJsonObject()));
        }
      }
    }
    return out;
  }

  /**
   * The sources as printed after an answer: {@code Sources:} then one {@code [N] TITLE URL} line
   * each; empty when nothing was cited.
   */
  public String sourcesBlock() {
    if (sources.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("Sources:\n");
    sources.forEach((n, s) -> sb.append('[').append(n).append("] ").append(s).append('\n'));
    return sb.toString();
  }
}
