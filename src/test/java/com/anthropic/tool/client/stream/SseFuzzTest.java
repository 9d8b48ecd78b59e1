package com.anthropic.tool.client.stream;

import com.anthropic.tool.client.sse.SseFixtures;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SSE parser, {@link com.anthropic.tool.client.model.StreamEvent} and the accumulator fed any
 * bytes in any chunking ({@link SseChunkingProperty} says what must hold).
 *
 * <p>The fuzz target's input: a count and that many cut positions (the fuzzer chooses them), then
 * the body. In {@code ./mvnw verify} Jazzer replays the seeds in {@code
 * src/test/resources/com/anthropic/tool/client/stream/SseFuzzTestInputs/}; {@code scripts/fuzz.sh}
 * fuzzes for real, with every fixture of ../shared as a seed too. The shared fixtures also run here
 * in fixed chunkings (every single-byte cut, fixed chunk sizes, seeded random cuts).
 */
class SseFuzzTest {
  @FuzzTest(maxDuration = "20s")
  void sse_bytes_in_any_chunking(FuzzedDataProvider data) {
    int n = data.consumeInt(0, 16);
    int[] cuts = new int[n];
    for (int i = 0; i < n; i++) {
      cuts[i] = data.consumeInt(0, Integer.MAX_VALUE);
    }
    SseChunkingProperty.check(data.consumeRemainingAsBytes(), cuts);
  }

  static Stream<SseFixtures.Fixture> fixtures() {
    List<SseFixtures.Fixture> all = new ArrayList<>(SseFixtures.own());
    all.addAll(SseFixtures.shared());
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void every_fixture_parses_alike_in_any_chunking(SseFixtures.Fixture f) {
    byte[] body = f.bytes();
    for (int size : new int[] {1, 2, 3, 7, 64, 1000}) {
      SseChunkingProperty.check(
          body, IntStream.iterate(size, c -> c < body.length, c -> c + size).toArray());
    }
    Random random = new Random(body.length);
    for (int round = 0; round < 10; round++) {
      SseChunkingProperty.check(
          body, random.ints(1 + random.nextInt(12), 0, body.length + 1).toArray());
    }
    // one cut after every byte (every 'step'th byte in the long fixtures, to stay fast)
    int step = Math.max(1, body.length / 200);
    for (int cut = 1; cut < body.length; cut += step) {
      SseChunkingProperty.check(body, new int[] {cut});
    }
  }
}
