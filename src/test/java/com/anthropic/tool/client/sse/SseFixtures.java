package com.anthropic.tool.client.sse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SSE fixtures: the project's own (src/test/resources/sse, always there) and the shared ones
 * (../shared/fixtures/sse via the {@code shared.dir} property, present only in the full checkout).
 */
public final class SseFixtures {
  /** A fixture file and the name it is known by (its path under its fixture root). */
  public record Fixture(String name, Path path) {
    public byte[] bytes() {
      try {
        return Files.readAllBytes(path);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private SseFixtures() {}

  /** The root of ../shared/fixtures/sse, or null when ../shared is not present. */
  public static Path sharedRoot() {
    String dir = System.getProperty("shared.dir");
    if (dir == null) {
      return null;
    }
    Path p = Path.of(dir, "fixtures", "sse");
    return Files.isDirectory(p) ? p : null;
  }

  /** The project's own fixtures. */
  public static List<Fixture> own() {
    URL url = SseFixtures.class.getResource("/sse");
    if (url == null) {
      throw new IllegalStateException("src/test/resources/sse is missing");
    }
    try {
      return list(Path.of(url.toURI()), "");
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The shared fixtures (every .sse but the ELIDED docs sample), or none without ../shared. */
  public static List<Fixture> shared() {
    Path root = sharedRoot();
    return root == null ? List.of() : list(root, "shared/");
  }

  private static List<Fixture> list(Path root, String prefix) {
    List<Fixture> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(p -> p.toString().endsWith(".sse"))
          .filter(p -> !p.getFileName().toString().contains("ELIDED"))
          .sorted()
          .forEach(
              p ->
                  out.add(
                      new Fixture(prefix + root.relativize(p).toString().replace('\\', '/'), p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
