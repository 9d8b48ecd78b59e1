package com.anthropic.tool.cli;

import com.anthropic.tool.text.ControlChars;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How {@code logs} prints rows of the log: on a terminal one block per exchange, piped one
 * tab-separated line, or the rows as JSON ({@code json}: one array; {@code jsonl}: a line each).
 */
final class LogsOutput {
  private LogsOutput() {}

  static void rows(
      PrintWriter out, List<Map<String, Object>> rows, String format, boolean terminal) {
    switch (format) {
      case "json" -> {
        JsonArray a = new JsonArray();
        rows.forEach(r -> a.add(json(r)));
        out.println(com.anthropic.tool.client.model.Json.write(a));
      }
      case "jsonl" ->
          rows.forEach(r -> out.println(com.anthropic.tool.client.model.Json.write(json(r))));
      default -> {
        for (Map<String, Object> r : rows) {
          if (terminal) {
            block(out, r);
          } else {
            out.println(
                String.join(
                    "\t",
                    str(r.get("id")),
                    str(r.get("datetime_utc")),
                    str(r.get("model")),
                    firstLine(str(r.get("prompt"))),
                    firstLine(
                        r.get("error") != null
                            ? "error: " + r.get("error")
                            : str(r.get("response")))));
          }
        }
      }
    }
    out.flush();
  }

  /** One exchange on a terminal: a header line, the prompt, the answer, a blank line. */
  private static void block(PrintWriter out, Map<String, Object> r) {
    out.println(
        str(r.get("id"))
            + "  "
            + str(r.get("datetime_utc")).replace('T', ' ').replaceFirst("\\.\\d+Z$", "Z")
            + "  "
            + str(r.get("model"))
            + "  "
            + str(r.get("command"))
            + "  conversation "
            + str(r.get("conversation_id")));
    out.println("> " + ControlChars.visible(clip(str(r.get("prompt")), 400)).replace("\n", "\n> "));
    if (r.get("error") != null) {
      out.println("error: " + ControlChars.visible(str(r.get("error"))));
    } else {
      out.println(ControlChars.visible(clip(str(r.get("response")), 800)));
    }
    out.println();
  }

  /** The whole exchange ({@code logs show}). */
  static void show(PrintWriter out, Map<String, Object> r, boolean json, boolean terminal) {
    if (json) {
      out.println(com.anthropic.tool.client.model.Json.write(json(r)));
      out.flush();
      return;
    }
    for (Map.Entry<String, Object> e : r.entrySet()) {
      String k = e.getKey();
      if (k.equals("prompt")
          || k.equals("response")
          || k.equals("system")
          || e.getValue() == null) {
        continue;
      }
      if (e.getValue() instanceof List<?> list) {
        if (!list.isEmpty()) {
          out.println(k + ":");
          for (Object item : list) {
            out.println("  " + safe(String.valueOf(item), terminal));
          }
        }
        continue;
      }
      out.println(k + ": " + safe(String.valueOf(e.getValue()), terminal));
    }
    if (r.get("system") != null) {
      out.println("system:");
      out.println(safe(str(r.get("system")), terminal));
    }
    out.println("prompt:");
    out.println(safe(str(r.get("prompt")), terminal));
    out.println("response:");
    out.println(safe(str(r.get("response")), terminal));
    out.flush();
  }

  /** {@code logs usage}: aligned columns under a header on a terminal, else tab-separated. */
  static void usage(
      PrintWriter out,
      List<Map<String, Object>> rows,
      String key,
      String format,
      boolean terminal) {
    if (!format.equals("text")) {
      rows(out, rows, format, false);
      return;
    }
    List<List<String>> table = new ArrayList<>();
    long calls = 0;
    long in = 0;
    long outTokens = 0;
    double cost = 0;
    for (Map<String, Object> r : rows) {
      calls += num(r.get("calls"));
      in += num(r.get("input_tokens"));
      outTokens += num(r.get("output_tokens"));
      cost += r.get("cost_usd") == null ? 0 : ((Number) r.get("cost_usd")).doubleValue();
      table.add(
          List.of(
              safe(str(r.get(key)), terminal),
              String.valueOf(num(r.get("calls"))),
              String.valueOf(num(r.get("input_tokens"))),
              String.valueOf(num(r.get("output_tokens"))),
              dollars(r.get("cost_usd"))));
    }
    if (!terminal) {
      table.forEach(row -> out.println(String.join("\t", row)));
      out.flush();
      return;
    }
    table.add(
        List.of(
            "total",
            String.valueOf(calls),
            String.valueOf(in),
            String.valueOf(outTokens),
            dollars(rows.isEmpty() ? null : cost)));
    table.add(0, List.of(key.toUpperCase(Locale.ROOT), "CALLS", "INPUT", "OUTPUT", "COST"));
    int[] width = new int[5];
    for (List<String> row : table) {
      for (int i = 0; i < row.size(); i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    for (List<String> row : table) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        String pad = " ".repeat(width[i] - cell.length());
        sb.append(i == 0 ? cell + pad : pad + cell).append("  ");
      }
      out.println(sb.toString().stripTrailing());
    }
    out.flush();
  }

  private static String dollars(Object cost) {
    return cost == null ? "-" : String.format(Locale.ROOT, "$%.6f", ((Number) cost).doubleValue());
  }

  private static long num(Object o) {
    return o == null ? 0 : ((Number) o).longValue();
  }

  static JsonObject json(Map<String, Object> r) {
    JsonObject o = new JsonObject();
    r.forEach((k, v) -> o.add(k, element(v)));
    return o;
  }

  @SuppressWarnings("unchecked")
  private static JsonElement element(Object v) {
    if (v == null) {
      return JsonNull.INSTANCE;
    }
    if (v instanceof Number n) {
      return new JsonPrimitive(n);
    }
    if (v instanceof Map<?, ?> m) {
      return json((Map<String, Object>) m);
    }
    if (v instanceof List<?> list) {
      JsonArray a = new JsonArray();
      list.forEach(x -> a.add(element(x)));
      return a;
    }
    return new JsonPrimitive(String.valueOf(v));
  }

  private static String safe(String s, boolean terminal) {
    return terminal ? ControlChars.visible(s) : s;
  }

  static String str(Object o) {
    return o == null ? "" : String.valueOf(o);
  }

  static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return (nl < 0 ? t : t.substring(0, nl)).replace('\t', ' ').replace('\r', ' ');
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n) + "…";
  }
}
