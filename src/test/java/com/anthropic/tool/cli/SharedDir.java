package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared/fixtures (system property shared.dir); tests skip when it is absent. */
final class SharedDir {
  private SharedDir() {}

  static Path require(String sub) {
    String dir = System.getProperty("shared.dir");
    Path p = dir == null ? null : Path.of(dir, "fixtures", sub);
    assumeTrue(
        p != null && Files.isDirectory(p),
        "skipped: shared fixtures not found at "
            + p
            + " (run with -Dshared.dir=/path/to/shared to use them)");
    return p;
  }
}
