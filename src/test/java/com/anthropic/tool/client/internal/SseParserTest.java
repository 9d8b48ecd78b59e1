package com.anthropic.tool.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.anthropic.tool.client.sse.SseFixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SseParserTest {
  record Ev(String event, String data) {}

  private static List<Ev> parse(String text) {
    return parse(text.getBytes(StandardCharsets.UTF_8), new int[0]);
  }

  /** Parses bytes cut at the given split points. */
  private static List<Ev> parse(byte[] bytes, int[] cuts) {
    List<Ev> out = new ArrayList<>();
    SseParser p = new SseParser((e, d) -> out.add(new Ev(e, d)));
    int from = 0;
    for (int cut : cuts) {
      p.feed(bytes, from, cut - from);
      from = cut;
    }
    p.feed(bytes, from, bytes.length - from);
    p.end();
    return out;
  }

  private static List<Ev> byteAtATime(byte[] bytes) {
    List<Ev> out = new ArrayList<>();
    SseParser p = new SseParser((e, d) -> out.add(new Ev(e, d)));
    for (int i = 0; i < bytes.length; i++) {
      p.feed(bytes, i, 1);
    }
    p.end();
    return out;
  }

  @Test
  void should_read_event_and_data_fields() {
    assertEquals(
        List.of(new Ev("ping", "{\"type\": \"ping\"}")),
        parse("event: ping\ndata: {\"type\": \"ping\"}\n\n"));
  }

  @Test
  void should_name_an_event_without_event_field_message() {
    assertEquals(List.of(new Ev("message", "x")), parse("data: x\n\n"));
  }

  @Test
  void should_join_multiple_data_lines_with_newline() {
    assertEquals(List.of(new Ev("e", "a\n\nb")), parse("event: e\ndata: a\ndata:\ndata: b\n\n"));
  }

  @Test
  void should_skip_comments_and_unknown_fields() {
    assertEquals(
        List.of(new Ev("e", "1")), parse(": keep-alive\nevent: e\nfoo: bar\n:x\ndata: 1\n\n"));
  }

  @Test
  void should_strip_only_one_leading_space_after_the_colon() {
    assertEquals(
        List.of(new Ev("message", " two"), new Ev("message", "none")),
        parse("data:  two\n\ndata:none\n\n"));
  }

  @Test
  void should_treat_a_line_without_colon_as_a_field_with_empty_value() {
    assertEquals(List.of(new Ev("message", "")), parse("data\n\n"));
    assertEquals(List.of(new Ev("message", "x")), parse("event\ndata: x\n\n"));
  }

  @Test
  void should_accept_crlf_lf_and_cr_line_ends() {
    List<Ev> expected = List.of(new Ev("a", "1"), new Ev("b", "2"), new Ev("c", "3"));
    assertEquals(
        expected, parse("event: a\r\ndata: 1\r\n\r\nevent: b\ndata: 2\n\nevent: c\rdata: 3\r\r"));
  }

  @Test
  void should_join_a_cr_at_the_end_of_a_chunk_with_the_lf_starting_the_next() {
    byte[] b =
        "event: a\r\ndata: 1\r\n\r\nevent: b\r\ndata: 2\r\n\r\n".getBytes(StandardCharsets.UTF_8);
    List<Ev> whole = parse(b, new int[0]);
    for (int cut = 1; cut < b.length; cut++) {
      assertEquals(whole, parse(b, new int[] {cut}), "cut at " + cut);
    }
    assertEquals(2, whole.size());
  }

  @Test
  void should_dispatch_a_final_event_without_a_blank_line_at_the_end() {
    assertEquals(List.of(new Ev("e", "last")), parse("event: e\ndata: last"));
    assertEquals(List.of(new Ev("e", "last")), parse("event: e\ndata: last\n"));
  }

  @Test
  void should_not_dispatch_an_event_without_data() {
    assertEquals(List.of(new Ev("b", "2")), parse("event: a\n\nevent: b\ndata: 2\n\n"));
  }

  @Test
  void should_decode_utf8_split_across_chunks() {
    byte[] b = "data: h\u00e9llo \u2014 \uD83D\uDE00\n\n".getBytes(StandardCharsets.UTF_8);
    List<Ev> expected = List.of(new Ev("message", "h\u00e9llo \u2014 \uD83D\uDE00"));
    assertEquals(expected, byteAtATime(b));
    for (int cut = 1; cut < b.length; cut++) {
      assertEquals(expected, parse(b, new int[] {cut}), "cut at " + cut);
    }
  }

  @Test
  void should_strip_a_leading_byte_order_mark() {
    assertEquals(List.of(new Ev("e", "1")), parse("\uFEFFevent: e\ndata: 1\n\n"));
  }

  @Test
  void should_remember_id_and_retry() {
    List<Ev> out = new ArrayList<>();
    SseParser p = new SseParser((e, d) -> out.add(new Ev(e, d)));
    p.feed("id: 42\nretry: 1500\nretry: x\ndata: 1\n\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("42", p.lastEventId());
    assertEquals(1500, p.retryMillis());
    assertEquals(1, out.size());
  }

  @Test
  void should_handle_lines_longer_than_its_buffer() {
    String big = "x".repeat(100_000);
    byte[] b = ("data: " + big + "\n\n").getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of(new Ev("message", big)), parse(b, new int[] {10, 50_000, 99_999}));
  }

  static Stream<SseFixtures.Fixture> ownFixtures() {
    return SseFixtures.own().stream();
  }

  static Stream<SseFixtures.Fixture> sharedFixtures() {
    assumeTrue(SseFixtures.sharedRoot() != null, "../shared not present: skipping fixture tests");
    return SseFixtures.shared().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ownFixtures")
  void every_chunking_of_own_fixtures_gives_the_same_events(SseFixtures.Fixture f) {
    assertChunkingInvariant(f.bytes(), true);
  }

  @Test
  void shared_fixtures_are_present_or_skipped_on_purpose() {
    assumeTrue(SseFixtures.sharedRoot() != null, "../shared not present: skipping fixture tests");
    assertFalse(SseFixtures.shared().isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sharedFixtures")
  void every_chunking_of_shared_fixtures_gives_the_same_events(SseFixtures.Fixture f) {
    byte[] b = f.bytes();
    assertChunkingInvariant(b, b.length <= 5000);
  }

  private static void assertChunkingInvariant(byte[] b, boolean everySplitPoint) {
    List<Ev> whole = parse(b, new int[0]);
    assertFalse(whole.isEmpty());
    assertEquals(whole, byteAtATime(b), "byte at a time");
    if (everySplitPoint) {
      for (int cut = 1; cut < b.length; cut++) {
        assertEquals(whole, parse(b, new int[] {cut}), "split at " + cut);
      }
    }
    Random random = new Random(b.length);
    for (int round = 0; round < 50; round++) {
      int n = 1 + random.nextInt(Math.min(40, b.length));
      int[] cuts = random.ints(n, 0, b.length + 1).sorted().toArray();
      assertEquals(whole, parse(b, cuts), "random split " + java.util.Arrays.toString(cuts));
    }
  }

  @Test
  void should_refuse_a_line_over_the_event_limit_instead_of_growing_without_bound() {
    SseParser p = new SseParser((e, d) -> {});
    byte[] chunk = new byte[1024 * 1024];
    java.util.Arrays.fill(chunk, (byte) 'x');
    p.feed("data: ".getBytes(StandardCharsets.UTF_8));
    com.anthropic.tool.client.error.InvalidResponseException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            com.anthropic.tool.client.error.InvalidResponseException.class,
            () -> {
              for (int i = 0; i < 40; i++) {
                p.feed(chunk);
              }
            });
    assertEquals(
        "the event stream sent an event of over 32 MB; it is not read further", e.getMessage());
  }

  @Test
  void should_refuse_an_event_whose_data_lines_add_up_to_over_the_limit() {
    SseParser p = new SseParser((e, d) -> {});
    byte[] line = ("data: " + "y".repeat(1024 * 1024) + "\n").getBytes(StandardCharsets.UTF_8);
    org.junit.jupiter.api.Assertions.assertThrows(
        com.anthropic.tool.client.error.InvalidResponseException.class,
        () -> {
          for (int i = 0; i < 40; i++) {
            p.feed(line);
          }
        });
  }

  @Test
  void should_take_an_event_just_under_the_limit() {
    List<String> seen = new ArrayList<>();
    SseParser p = new SseParser((e, d) -> seen.add(d));
    String big = "z".repeat(SseParser.MAX_EVENT_BYTES - 16);
    p.feed(("data: " + big + "\n\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(1, seen.size());
    assertEquals(big.length(), seen.get(0).length());
  }

  @Test
  void should_reset_the_data_between_two_multi_line_events_of_one_stream() {
    assertEquals(
        List.of(new Ev("a", "1\n2"), new Ev("b", "3\n4")),
        parse("event: a\ndata: 1\ndata: 2\n\nevent: b\ndata: 3\ndata: 4\n\n"));
  }
}
