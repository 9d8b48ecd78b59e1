package com.anthropic.tool.client.model;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * A fast decoder for the dominant stream event, a {@code content_block_delta} with a {@code
 * text_delta}, in the exact form the API sends it:
 *
 * <pre>{@code {"type":"content_block_delta","index":N,"delta":{"type":"text_delta","text":"…"}}}
 * </pre>
 *
 * <p>(trailing whitespace allowed before and after the final brace). Anything else — other field
 * orders, whitespace between tokens, extra fields, unusual escapes — returns null, and the caller
 * parses the data with Gson. The event it builds is equal to the one Gson would give, {@code raw}
 * objects included.
 */
final class FastTextDelta {
  private static final String PREFIX = "{\"type\":\"content_block_delta\",\"index\":";
  private static final String MIDDLE = ",\"delta\":{\"type\":\"text_delta\",\"text\":\"";

  private FastTextDelta() {}

  /** The event, or null when the data is not in the exact expected form. */
  static StreamEvent.ContentBlockDelta tryParse(String data) {
    if (!data.startsWith(PREFIX)) {
      return null;
    }
    int n = data.length();
    int i = PREFIX.length();
    int start = i;
    long index = 0;
    while (i < n && i - start < 9) {
      char c = data.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      index = index * 10 + (c - '0');
      i++;
    }
    if (i == start || (data.charAt(start) == '0' && i - start > 1)) {
      return null; // no digits, or a leading zero
    }
    if (!data.startsWith(MIDDLE, i)) {
      return null;
    }
    i += MIDDLE.length();
    String text;
    int end = i;
    while (end < n) {
      char c = data.charAt(end);
      if (c == '"' || c == '\\' || c < 0x20) {
        break;
      }
      end++;
    }
    if (end >= n) {
      return null;
    }
    if (data.charAt(end) == '"') {
      text = data.substring(i, end);
      i = end + 1;
    } else {
      StringBuilder sb = new StringBuilder(end - i + 16);
      sb.append(data, i, end);
      i = unescape(data, end, sb);
      if (i < 0) {
        return null;
      }
      text = sb.toString();
    }
    // the closing braces: "}" then optional whitespace, "}" then optional whitespace
    if (i >= n || data.charAt(i) != '}') {
      return null;
    }
    i = skipSpace(data, i + 1);
    if (i >= n || data.charAt(i) != '}') {
      return null;
    }
    if (skipSpace(data, i + 1) != n) {
      return null;
    }
    JsonObject delta = new JsonObject();
    delta.add("type", new JsonPrimitive("text_delta"));
    delta.add("text", new JsonPrimitive(text));
    JsonObject raw = new JsonObject();
    raw.add("type", new JsonPrimitive("content_block_delta"));
    raw.add("index", new JsonPrimitive((int) index));
    raw.add("delta", delta);
    return new StreamEvent.ContentBlockDelta((int) index, new Delta.Text(text, delta), raw, data);
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        break;
      }
      i++;
    }
    return i;
  }

  /**
   * Decodes the rest of a JSON string starting at {@code i} (inside the quotes) into {@code sb};
   * returns the index after the closing quote, or -1 on anything unexpected.
   */
  static int unescape(String s, int i, StringBuilder sb) {
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i++);
      if (c == '"') {
        return i;
      }
      if (c < 0x20) {
        return -1; // a raw control character: not valid JSON
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (i >= n) {
        return -1;
      }
      char e = s.charAt(i++);
      switch (e) {
        case '"':
        case '\\':
        case '/':
          sb.append(e);
          break;
        case 'b':
          sb.append('\b');
          break;
        case 'f':
          sb.append('\f');
          break;
        case 'n':
          sb.append('\n');
          break;
        case 'r':
          sb.append('\r');
          break;
        case 't':
          sb.append('\t');
          break;
        case 'u':
          if (i + 4 > n) {
            return -1;
          }
          int v = 0;
          for (int k = 0; k < 4; k++) {
            int h = Character.digit(s.charAt(i + k), 16);
            if (h < 0) {
              return -1;
            }
            v = (v << 4) | h;
          }
          i += 4;
          sb.append((char) v); // surrogate halves pair up by themselves, as in Gson
          break;
        default:
          return -1;
      }
    }
    return -1;
  }
}
