package com.anthropic.tool.chat;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.WCWidth;

/**
 * A small terminal for tests: wraps at its width as xterm does, moves the cursor on CR, LF and
 * {@code ESC [ n A}, clears with {@code ESC [ J}; colours and OSC 8 links are read and dropped.
 * {@link #lines()} is what the screen shows, trailing spaces removed.
 */
final class VtScreen {
  private final int width;
  private final List<StringBuilder> rows = new ArrayList<>();
  private int row;
  private int col;

  VtScreen(int width) {
    this.width = width;
    rows.add(new StringBuilder());
  }

  VtScreen write(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (cp == 0x1b) {
        i = escape(s, i);
        continue;
      }
      i += Character.charCount(cp);
      if (cp == '\n') {
        row++;
        col = 0;
        ensure();
      } else if (cp == '\r') {
        col = 0;
      } else if (cp == '\t') {
        col = Math.min((col / 8 + 1) * 8, width);
      } else {
        int w = Math.max(0, WCWidth.wcwidth(cp));
        if (col + w > width) {
          row++;
          col = 0;
          ensure();
        }
        put(new String(Character.toChars(cp)), w);
      }
    }
    return this;
  }

  private void put(String ch, int w) {
    StringBuilder r = rows.get(row);
    // one cell per column: a wide character takes its cell and an empty one after it
    List<String> cells = cells(r);
    while (cells.size() < col + Math.max(1, w)) {
      cells.add(" ");
    }
    cells.set(col, ch);
    if (w == 2) {
      cells.set(col + 1, "");
    }
    r.setLength(0);
    for (String c : cells) {
      r.append(c.isEmpty() ? "\u0000" : c);
    }
    col += w;
  }

  private static List<String> cells(StringBuilder r) {
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < r.length(); ) {
      int cp = r.codePointAt(i);
      i += Character.charCount(cp);
      cells.add(cp == 0 ? "" : new String(Character.toChars(cp)));
    }
    return cells;
  }

  private int escape(String s, int i) {
    if (i + 1 >= s.length()) {
      return s.length();
    }
    char k = s.charAt(i + 1);
    if (k == '[') {
      int j = i + 2;
      while (j < s.length() && !Character.isLetter(s.charAt(j))) {
        j++;
      }
      String arg = s.substring(i + 2, j);
      char cmd = s.charAt(j);
      if (cmd == 'A') {
        row = Math.max(0, row - (arg.isEmpty() ? 1 : Integer.parseInt(arg)));
      } else if (cmd == 'J') {
        List<String> cells = cells(rows.get(row));
        StringBuilder r = rows.get(row);
        r.setLength(0);
        for (int c = 0; c < Math.min(col, cells.size()); c++) {
          r.append(cells.get(c).isEmpty() ? "\u0000" : cells.get(c));
        }
        while (rows.size() > row + 1) {
          rows.remove(rows.size() - 1);
        }
      } else if (cmd != 'm') {
        throw new AssertionError("unexpected escape sequence ESC[" + arg + cmd);
      }
      return j + 1;
    }
    if (k == ']') {
      int end = s.indexOf("\u001b\\", i);
      return end < 0 ? s.length() : end + 2;
    }
    throw new AssertionError("unexpected escape ESC " + k);
  }

  private void ensure() {
    while (rows.size() <= row) {
      rows.add(new StringBuilder());
    }
  }

  /** The screen's lines, without trailing spaces; trailing empty lines dropped. */
  List<String> lines() {
    List<String> out = new ArrayList<>();
    for (StringBuilder r : rows) {
      out.add(r.toString().replace("\u0000", "").stripTrailing());
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }
}
