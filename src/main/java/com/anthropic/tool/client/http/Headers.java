package com.anthropic.tool.client.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Response or request headers; names are compared case-insensitively (stored lower-case). */
public final class Headers {
  private static final Headers EMPTY = new Headers(Map.of());
  private final Map<String, List<String>> values;

  private Headers(Map<String, List<String>> values) {
    this.values = values;
  }

  public static Headers empty() {
    return EMPTY;
  }

  /** Builds headers from name/value pairs. */
  public static Headers of(List<Map.Entry<String, String>> pairs) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : pairs) {
      map.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
          .add(e.getValue());
    }
    return new Headers(Collections.unmodifiableMap(map));
  }

  public Optional<String> first(String name) {
    List<String> v = values.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  public List<String> all(String name) {
    return values.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /** Lower-case names to values, in arrival order. */
  public Map<String, List<String>> asMap() {
    return values;
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
