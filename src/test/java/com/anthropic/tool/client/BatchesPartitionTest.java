package com.anthropic.tool.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.error.InvalidRequestException;
import com.anthropic.tool.client.model.BatchRequest;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Batches.partition: groups within the API's count and size limits, in order. */
class BatchesPartitionTest {
  private static BatchRequest request(int i, String text) {
    return BatchRequest.of(
        "r-" + i, MessagesRequest.builder("m", List.of(MessageParam.user(text)), 16).build());
  }

  /** The create body the client would send for a group. */
  private static long bodyBytes(List<BatchRequest> group) {
    StringBuilder sb = new StringBuilder("{\"requests\":[");
    for (int i = 0; i < group.size(); i++) {
      sb.append(i > 0 ? "," : "").append(group.get(i).toJsonText());
    }
    return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8).length;
  }

  @Test
  void should_keep_requests_under_the_limits_in_one_group() {
    List<BatchRequest> all = List.of(request(1, "a"), request(2, "b"));

    assertEquals(List.of(all), Batches.partition(all));
  }

  @Test
  void should_split_by_count_keeping_the_order() {
    List<BatchRequest> all = IntStream.range(0, 7).mapToObj(i -> request(i, "q")).toList();

    List<List<BatchRequest>> groups = Batches.partition(all, 3, Batches.MAX_BYTES);

    assertEquals(List.of(3, 3, 1), groups.stream().map(List::size).toList());
    assertEquals(all, groups.stream().flatMap(List::stream).toList());
  }

  @Test
  void should_fill_each_group_up_to_exactly_the_byte_limit() {
    List<BatchRequest> all = IntStream.range(0, 10).mapToObj(i -> request(i, "é" + i)).toList();
    long twoFit = bodyBytes(all.subList(0, 2));

    List<List<BatchRequest>> exact = Batches.partition(all, 100, twoFit);
    List<List<BatchRequest>> oneLess = Batches.partition(all, 100, twoFit - 1);

    assertEquals(5, exact.size());
    exact.forEach(g -> assertTrue(bodyBytes(g) <= twoFit, g.toString()));
    assertEquals(10, oneLess.size());
  }

  @Test
  void should_refuse_a_request_that_alone_is_over_the_size_limit() {
    List<BatchRequest> all =
        new ArrayList<>(List.of(request(1, "small"), request(2, "x".repeat(500))));

    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> Batches.partition(all, 100, 400));

    assertTrue(e.getMessage().startsWith("request r-2 alone is "), e.getMessage());
    assertTrue(e.getMessage().contains("over the API's limit of"), e.getMessage());
  }

  @Test
  void should_make_a_batch_request_from_a_messages_request_without_stream() {
    MessagesRequest m = MessagesRequest.builder("m", List.of(MessageParam.user("hi")), 16).build();

    BatchRequest r = BatchRequest.of("q1", m);

    assertEquals(m.toJson(), Json.parseObject(r.paramsJson()));
    assertThrows(
        InvalidRequestException.class,
        () -> BatchRequest.of("q2", m.toBuilder().stream(true).build()));
  }
}
