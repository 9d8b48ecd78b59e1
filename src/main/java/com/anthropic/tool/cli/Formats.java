package com.anthropic.tool.cli;

import java.util.List;

/** Checks --format values. */
final class Formats {
  private Formats() {}

  static void check(String format, String... allowed) {
    if (!List.of(allowed).contains(format)) {
      throw CliException.usage(
          "--format must be one of " + String.join(", ", allowed) + ", got '" + format + "'");
    }
  }
}
