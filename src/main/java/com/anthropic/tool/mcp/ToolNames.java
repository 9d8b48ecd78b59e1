package com.anthropic.tool.mcp;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tool names the Messages API takes ({@code [a-zA-Z0-9_-]{1,64}}) for the names an MCP server
 * gives, which may hold spaces, dots or be longer: other characters become {@code _}, the name is
 * cut to 64, and a name already taken gets {@code _2}, {@code _3}… A valid name is kept as it is.
 */
final class ToolNames {
  static final int MAX = 64;
  private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9_-]{1," + MAX + "}");

  private ToolNames() {}

  /** Each name (in order) to the name to offer it under; valid names keep theirs. */
  static Map<String, String> valid(List<String> names) {
    Set<String> taken = new HashSet<>();
    for (String n : names) {
      if (VALID.matcher(n).matches()) {
        taken.add(n);
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String n : names) {
      if (out.containsKey(n)) {
        continue;
      }
      if (VALID.matcher(n).matches()) {
        out.put(n, n);
        continue;
      }
      String base = n.replaceAll("[^a-zA-Z0-9_-]", "_");
      if (base.isEmpty()) {
        base = "tool";
      }
      String name = cut(base, "");
      for (int i = 2; taken.contains(name); i++) {
        name = cut(base, "_" + i);
      }
      taken.add(name);
      out.put(n, name);
    }
    return out;
  }

  private static String cut(String base, String suffix) {
    return base.substring(0, Math.min(base.length(), MAX - suffix.length())) + suffix;
  }
}
