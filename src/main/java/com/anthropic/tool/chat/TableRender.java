package com.anthropic.tool.chat;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Node;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * A GFM table fitted to the terminal's width: columns as wide as their widest cell while that fits,
 * else narrowed (the widest first) with each cell wrapped at word boundaries, never cut; cells
 * aligned as the delimiter row says; the header row bold, ruled off.
 */
final class TableRender {
  private static final String GAP = " │ ";

  private TableRender() {}

  static List<AttributedString> lines(TableBlock table, int width, MarkdownRender render) {
    List<List<AttributedString>> rows = new ArrayList<>();
    List<TableCell.Alignment> align = new ArrayList<>();
    List<Boolean> header = new ArrayList<>();
    collect(table, rows, align, header, render);
    int cols = 0;
    for (List<AttributedString> r : rows) {
      cols = Math.max(cols, r.size());
    }
    if (cols == 0) {
      return List.of();
    }
    int[] natural = new int[cols];
    for (List<AttributedString> r : rows) {
      for (int c = 0; c < r.size(); c++) {
        for (AttributedString l : TextWrap.wrap(r.get(c), Integer.MAX_VALUE)) {
          natural[c] = Math.max(natural[c], TextWrap.width(l));
        }
      }
    }
    int[] widths = fit(natural, width - (cols - 1) * TextWrap.width(GAP));
    List<AttributedString> out = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      List<AttributedString> row = rows.get(r);
      List<List<AttributedString>> cells = new ArrayList<>();
      int height = 1;
      for (int c = 0; c < cols; c++) {
        AttributedString cell = c < row.size() ? row.get(c) : AttributedString.EMPTY;
        List<AttributedString> wrapped = TextWrap.wrap(cell, widths[c]);
        cells.add(wrapped);
        height = Math.max(height, wrapped.size());
      }
      for (int h = 0; h < height; h++) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        for (int c = 0; c < cols; c++) {
          if (c > 0) {
            b.append(GAP, MarkdownRender.dim());
          }
          List<AttributedString> cell = cells.get(c);
          AttributedString text = h < cell.size() ? cell.get(h) : AttributedString.EMPTY;
          pad(b, text, widths[c], c < align.size() ? align.get(c) : null, c == cols - 1);
        }
        out.add(trimEnd(b.toAttributedString()));
      }
      if (header.get(r) && (r + 1 < rows.size() && !header.get(r + 1))) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        for (int c = 0; c < cols; c++) {
          if (c > 0) {
            b.append("─┼─", MarkdownRender.dim());
          }
          b.append("─".repeat(widths[c]), MarkdownRender.dim());
        }
        out.add(b.toAttributedString());
      }
    }
    return out;
  }

  private static void collect(
      Node n,
      List<List<AttributedString>> rows,
      List<TableCell.Alignment> align,
      List<Boolean> header,
      MarkdownRender render) {
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof TableRow) {
        List<AttributedString> row = new ArrayList<>();
        boolean isHeader = false;
        int i = 0;
        for (Node cell = c.getFirstChild(); cell != null; cell = cell.getNext()) {
          if (cell instanceof TableCell tc) {
            isHeader |= tc.isHeader();
            row.add(
                render.inline(tc, tc.isHeader() ? AttributedStyle.BOLD : AttributedStyle.DEFAULT));
            if (align.size() <= i) {
              align.add(tc.getAlignment());
            }
            i++;
          }
        }
        rows.add(row);
        header.add(isHeader);
      } else {
        collect(c, rows, align, header, render);
      }
    }
  }

  /** Column widths: the natural ones when they fit, else the widest narrowed first. */
  static int[] fit(int[] natural, int available) {
    int cols = natural.length;
    int[] w = new int[cols];
    int total = 0;
    for (int c = 0; c < cols; c++) {
      w[c] = Math.max(1, natural[c]);
      total += w[c];
    }
    if (total <= available) {
      return w;
    }
    // water-filling: the narrow columns keep their width, the rest share what is left
    Integer[] order = new Integer[cols];
    for (int c = 0; c < cols; c++) {
      order[c] = c;
    }
    java.util.Arrays.sort(order, (a, b) -> Integer.compare(w[a], w[b]));
    int left = Math.max(cols, available);
    for (int k = 0; k < cols; k++) {
      int c = order[k];
      int share = Math.max(1, left / (cols - k));
      w[c] = Math.min(w[c], share);
      left -= w[c];
    }
    return w;
  }

  private static void pad(
      AttributedStringBuilder b,
      AttributedString text,
      int width,
      TableCell.Alignment align,
      boolean last) {
    int room = Math.max(0, width - TextWrap.width(text));
    int left = 0;
    if (align == TableCell.Alignment.RIGHT) {
      left = room;
    } else if (align == TableCell.Alignment.CENTER) {
      left = room / 2;
    }
    b.append(TextWrap.spaces(left));
    b.append(text);
    b.append(TextWrap.spaces(last ? 0 : room - left));
  }

  private static AttributedString trimEnd(AttributedString a) {
    int end = a.length();
    while (end > 0 && a.charAt(end - 1) == ' ') {
      end--;
    }
    return a.subSequence(0, end);
  }
}
