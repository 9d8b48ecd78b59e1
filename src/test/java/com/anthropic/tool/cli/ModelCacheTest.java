package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model cache keeps only words that look like model ids (issue 19, defect 1). */
class ModelCacheTest {
  @TempDir Path dir;

  @Test
  void should_keep_only_ids_and_name_the_others_in_one_visible_warning() {
    List<String> warnings = new ArrayList<>();
    List<String> kept =
        ModelCache.valid(
            List.of(
                "claude-sonnet-4-6",
                "claude-x$(touch${IFS}FILE)",
                "claude-`id`",
                "a\u001b]0;title\u0007",
                "x".repeat(129),
                "",
                "claude-3-7-sonnet@20250219",
                "org:model_v1.2"),
            warnings::add);

    assertEquals(
        List.of("claude-sonnet-4-6", "claude-3-7-sonnet@20250219", "org:model_v1.2"), kept);
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("left 5 model ids out"), warnings.get(0));
    assertTrue(warnings.get(0).contains("claude-x$(touch${IFS}FILE)"), warnings.get(0));
  }

  @Test
  void should_never_write_or_read_back_a_word_that_is_not_an_id() throws Exception {
    ModelCache cache = new ModelCache(dir);
    assertTrue(cache.write(List.of("claude-ok", "claude-x$(touch FILE)")));
    assertEquals("claude-ok\n", Files.readString(cache.file()));

    // a file someone else wrote (or an older version) is filtered when read, too
    Files.writeString(cache.file(), "claude-a\n$(reboot)\nclaude-b\n\u001b[2J\n");
    assertEquals(List.of("claude-a", "claude-b"), cache.fresh(Instant.now()).orElseThrow());
    assertFalse(ModelCache.isId("claude a"));
  }
}
