package com.anthropic.tool.chat;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Markdown (CommonMark with GFM tables and strikethrough) rendered to terminal lines of a given
 * width: headings, emphasis, strikethrough, inline code, block quotes, nested and ordered lists,
 * thematic breaks, links (the URL shown after the text; an OSC 8 hyperlink where the terminal
 * supports one), tables fitted to the width (cells wrapped, never cut), fenced code highlighted by
 * its language under a label, its lines never re-wrapped (a line too long is cut, with a marker).
 * Prose is wrapped at word boundaries. The text given must already have its control characters made
 * visible: the escape sequences of the result are only ours.
 */
final class MarkdownRender {
  /** Where a link's text starts and ends in a line (replaced by OSC 8 or removed on output). */
  static final char LINK_START = '\uE000';

  static final char LINK_END = '\uE001';

  private static final AttributedStyle DIM = AttributedStyle.DEFAULT.faint();
  private static final AttributedStyle CODE =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
  private static final String CUT = "→";
  private static final String[] BULLETS = {"•", "◦", "▪"};

  private static final Parser PARSER =
      Parser.builder()
          .extensions(List.of(TablesExtension.create(), StrikethroughExtension.create()))
          .includeSourceSpans(IncludeSourceSpans.BLOCKS)
          .build();

  private final boolean hyperlinks;

  /**
   * @param hyperlinks whether links are written as OSC 8 hyperlinks too
   */
  MarkdownRender(boolean hyperlinks) {
    this.hyperlinks = hyperlinks;
  }

  /** The parsed document (its children are the top-level blocks, with source spans). */
  static Node parse(String markdown) {
    return PARSER.parse(markdown);
  }

  /** {@code markdown}, whole, as terminal lines: blocks separated by a blank line. */
  List<String> render(String markdown, int width) {
    List<String> out = new ArrayList<>();
    boolean first = true;
    for (Node n = parse(markdown).getFirstChild(); n != null; n = n.getNext()) {
      if (!first) {
        out.add("");
      }
      first = false;
      out.addAll(block(n, width));
    }
    return out;
  }

  /** One top-level block as terminal lines (escape sequences included). */
  List<String> block(Node block, int width) {
    List<String> out = new ArrayList<>();
    for (AttributedString line : lines(block, Math.max(1, width))) {
      out.add(ansi(line));
    }
    return out;
  }

  private String ansi(AttributedString line) {
    String s = line.toAnsi();
    if (s.indexOf(LINK_START) < 0 && s.indexOf(LINK_END) < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 32);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == LINK_START) {
        int end = s.indexOf(LINK_START, i + 1);
        // the URL travels inside the markers: START url START text END
        String url = end < 0 ? "" : s.substring(i + 1, end);
        if (hyperlinks && !url.isEmpty()) {
          b.append("\u001b]8;;").append(url).append("\u001b\\");
        }
        i = end < 0 ? s.length() : end;
      } else if (c == LINK_END) {
        if (hyperlinks) {
          b.append("\u001b]8;;\u001b\\");
        }
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private List<AttributedString> lines(Node n, int width) {
    if (n instanceof Heading h) {
      AttributedStyle style = AttributedStyle.BOLD;
      if (h.getLevel() == 1) {
        style = style.underline();
      } else if (h.getLevel() >= 3) {
        style = style.foreground(AttributedStyle.BLUE);
      }
      return TextWrap.wrap(inline(h, style), width);
    }
    if (n instanceof Paragraph p) {
      return TextWrap.wrap(inline(p, AttributedStyle.DEFAULT), width);
    }
    if (n instanceof ThematicBreak) {
      return List.of(new AttributedString("─".repeat(Math.min(width, 80)), DIM));
    }
    if (n instanceof FencedCodeBlock f) {
      String info = f.getInfo() == null ? "" : f.getInfo().strip();
      String language = info.isEmpty() ? "" : info.split("\\s+", 2)[0];
      return code(f.getLiteral(), language, width);
    }
    if (n instanceof IndentedCodeBlock c) {
      return code(c.getLiteral(), "", width);
    }
    if (n instanceof HtmlBlock h) {
      return code(h.getLiteral(), "html", width);
    }
    if (n instanceof BlockQuote) {
      List<AttributedString> out = new ArrayList<>();
      for (AttributedString l : children(n, width - 2, true)) {
        out.add(prefixed(new AttributedString("│ ", DIM), l, DIM.italic()));
      }
      return out;
    }
    if (n instanceof ListBlock list) {
      return list(list, width);
    }
    if (n instanceof TableBlock t) {
      return TableRender.lines(t, width, this);
    }
    // anything else: its children, or its text
    if (n.getFirstChild() != null) {
      return children(n, width, true);
    }
    return List.of();
  }

  private List<AttributedString> children(Node parent, int width, boolean blankBetween) {
    List<AttributedString> out = new ArrayList<>();
    for (Node c = parent.getFirstChild(); c != null; c = c.getNext()) {
      if (c != parent.getFirstChild() && blankBetween) {
        out.add(AttributedString.EMPTY);
      }
      out.addAll(lines(c, Math.max(1, width)));
    }
    return out;
  }

  private static AttributedString prefixed(
      AttributedString prefix, AttributedString line, AttributedStyle base) {
    AttributedStringBuilder b = new AttributedStringBuilder();
    b.append(prefix);
    if (base != null) {
      // a quote's text in the quote's style, its own styles on top
      for (int i = 0; i < line.length(); i++) {
        AttributedStyle s = line.styleAt(i);
        b.style(s.equals(AttributedStyle.DEFAULT) ? base : s);
        b.append(line.charAt(i));
      }
      b.style(AttributedStyle.DEFAULT);
      return b.toAttributedString();
    }
    b.append(line);
    return b.toAttributedString();
  }

  private List<AttributedString> list(ListBlock list, int width) {
    int depth = 0;
    for (Node p = list.getParent(); p != null; p = p.getParent()) {
      if (p instanceof ListBlock) {
        depth++;
      }
    }
    int number = 1;
    int markerWidth = 2;
    if (list instanceof OrderedList o) {
      Integer start = o.getMarkerStartNumber();
      number = start == null ? 1 : start;
      int count = 0;
      for (Node c = list.getFirstChild(); c != null; c = c.getNext()) {
        count++;
      }
      markerWidth = String.valueOf(number + Math.max(0, count - 1)).length() + 2;
    }
    boolean tight = list.isTight();
    List<AttributedString> out = new ArrayList<>();
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      if (item != list.getFirstChild() && !tight) {
        out.add(AttributedString.EMPTY);
      }
      String marker;
      if (list instanceof OrderedList o) {
        String delim = o.getMarkerDelimiter() == null ? "." : o.getMarkerDelimiter();
        marker = number++ + delim;
      } else {
        marker = BULLETS[depth % BULLETS.length];
      }
      marker = marker + TextWrap.spaces(markerWidth - TextWrap.width(marker));
      List<AttributedString> body =
          item instanceof ListItem ? children(item, width - markerWidth, !tight) : List.of();
      if (body.isEmpty()) {
        body = List.of(AttributedString.EMPTY);
      }
      boolean firstLine = true;
      for (AttributedString l : body) {
        AttributedString prefix =
            firstLine
                ? new AttributedString(
                    marker, AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW))
                : new AttributedString(TextWrap.spaces(markerWidth));
        out.add(prefixed(prefix, l, null));
        firstLine = false;
      }
    }
    return out;
  }

  private List<AttributedString> code(String literal, String language, int width) {
    List<AttributedString> out = new ArrayList<>();
    String label = language.isEmpty() ? "code" : language;
    int rule = Math.max(0, Math.min(width, 60) - TextWrap.width(label) - 4);
    out.add(new AttributedString("── " + label + " " + "─".repeat(rule), DIM));
    String body = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
    List<String> raw = new ArrayList<>();
    for (String l : body.split("\n", -1)) {
      raw.add(expandTabs(l));
    }
    if (literal.isEmpty()) {
      raw.clear();
    }
    for (AttributedString l : CodeHighlight.forLanguage(language).lines(raw)) {
      if (TextWrap.width(l) > width) {
        // never re-wrapped: cut, with a marker where it was cut
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.append(TextWrap.cut(l, Math.max(0, width - 1)));
        b.append(CUT, DIM);
        l = b.toAttributedString();
      }
      out.add(l);
    }
    return out;
  }

  private static String expandTabs(String s) {
    if (s.indexOf('\t') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\t') {
        b.append(TextWrap.spaces(4 - TextWrap.width(b) % 4));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** The inline content of {@code parent} as one styled string (hard breaks as newlines). */
  AttributedString inline(Node parent, AttributedStyle base) {
    AttributedStringBuilder b = new AttributedStringBuilder();
    inlines(parent, base, b);
    return b.toAttributedString();
  }

  private void inlines(Node parent, AttributedStyle style, AttributedStringBuilder b) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Text t) {
        b.append(expandTabs(t.getLiteral()), style);
      } else if (n instanceof Code c) {
        b.append(c.getLiteral(), style.foreground(AttributedStyle.CYAN));
      } else if (n instanceof Emphasis) {
        inlines(n, style.italic(), b);
      } else if (n instanceof StrongEmphasis) {
        inlines(n, style.bold(), b);
      } else if (n instanceof Strikethrough) {
        inlines(n, style.crossedOut(), b);
      } else if (n instanceof SoftLineBreak) {
        b.append(" ", style);
      } else if (n instanceof HardLineBreak) {
        b.append("\n", style);
      } else if (n instanceof Link l) {
        link(l.getDestination(), n, style, b, "");
      } else if (n instanceof Image i) {
        link(i.getDestination(), n, style, b, "image: ");
      } else if (n instanceof HtmlInline h) {
        b.append(h.getLiteral(), DIM);
      } else {
        inlines(n, style, b);
      }
    }
  }

  private void link(
      String url, Node n, AttributedStyle style, AttributedStringBuilder b, String kind) {
    String safe = url == null ? "" : url.replace(LINK_START, '\uFFFD').replace(LINK_END, '\uFFFD');
    boolean marked =
        hyperlinks && !safe.isEmpty() && safe.matches("(?i)(https?|mailto|ftp):[^\\s]*");
    if (marked) {
      b.append(String.valueOf(LINK_START) + safe + LINK_START, style);
    }
    int before = b.length();
    if (!kind.isEmpty()) {
      b.append(kind, style.underline());
    }
    inlines(n, style.underline().foreground(AttributedStyle.BLUE), b);
    String text = b.toAttributedString().subSequence(before, b.length()).toString();
    if (marked) {
      b.append(String.valueOf(LINK_END), style);
    }
    if (!safe.isEmpty() && !text.contains(safe)) {
      b.append(" (" + safe + ")", style.faint());
    }
  }

  static AttributedStyle dim() {
    return DIM;
  }

  static AttributedStyle codeStyle() {
    return CODE;
  }
}
