package com.anthropic.tool.cli;

import com.anthropic.tool.client.TestServers;
import com.anthropic.tool.client.model.Json;
import com.google.gson.JsonObject;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The component schemas of Anthropic's OpenAPI spec (../shared/fixtures/openapi, the 1.2 MB one),
 * for networknt's JSON Schema validator; a test that calls {@link #spec()} skips when ../shared is
 * absent.
 */
final class SpecSchemas {
  private static JsonObject spec;
  private static final Map<String, Schema> SCHEMAS = new HashMap<>();

  private SpecSchemas() {}

  /** The spec; skips the calling test when ../shared/fixtures is absent. */
  static synchronized JsonObject spec() throws IOException {
    if (spec == null) {
      Path dir = TestServers.sharedFixtures().map(p -> p.resolve("openapi")).orElse(null);
      Assumptions.assumeTrue(dir != null && Files.isDirectory(dir), "../shared/fixtures is absent");
      Path largest;
      try (Stream<Path> files = Files.list(dir)) {
        largest =
            files
                .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length()))
                .orElseThrow();
      }
      spec = Json.parseObject(Files.readString(largest, StandardCharsets.UTF_8));
    }
    return spec;
  }

  /** What the spec's component schema {@code name} finds wrong with {@code body}. */
  static synchronized List<Error> errors(String name, JsonObject body) {
    Schema schema =
        SCHEMAS.computeIfAbsent(
            name,
            n -> {
              JsonObject root = spec.deepCopy();
              root.addProperty("$ref", "#/components/schemas/" + n);
              return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                  .getSchema(Json.write(root), InputFormat.JSON);
            });
    return schema.validate(Json.write(body), InputFormat.JSON);
  }
}
