package com.anthropic.tool.client;

import com.anthropic.tool.client.error.InvalidRequestException;
import com.anthropic.tool.client.internal.BoundedBody;
import com.anthropic.tool.client.model.BatchRequest;
import com.anthropic.tool.client.model.ListParams;
import com.anthropic.tool.client.model.MessageBatch;
import com.anthropic.tool.client.model.Page;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code /v1/messages/batches}: create, inspect, wait for and download message batches.
 *
 * <pre>{@code
 * MessageBatch b = client.batches().create(List.of(BatchRequest.of("q1", request)));
 * b = client.batches().waitUntilEnded(b.id(), Batches.BatchWait.defaults(), batch -> {});
 * try (BatchResults results = client.batches().results(b.id())) {
 *   results.forEach(r -> out.println(r.customId() + " " + r.type()));
 * }
 * }</pre>
 */
public final class Batches {
  /** The API's limit on requests per batch. */
  public static final int MAX_REQUESTS = 100_000;

  /** The API's limit on the size of a create request body. */
  public static final long MAX_BYTES = 256L * 1024 * 1024;

  private static final String PATH = "/v1/messages/batches";
  private static final Duration MIN_CREATE_TIMEOUT = Duration.ofSeconds(120);

  private final AnthropicClient client;

  Batches(AnthropicClient client) {
    this.client = client;
  }

  /**
   * Splits requests, in order, into as few groups as the API's limits need: at most {@link
   * #MAX_REQUESTS} requests and {@link #MAX_BYTES} of create body per group. Each group can be
   * given to {@link #create} as it is.
   *
   * <pre>{@code
   * for (List<BatchRequest> group : Batches.partition(requests)) {
   *   out.println(client.batches().create(group).id());
   * }
   * }</pre>
   *
   * @throws InvalidRequestException when one request alone is over the size limit
   */
  public static List<List<BatchRequest>> partition(List<BatchRequest> requests) {
    return partition(requests, MAX_REQUESTS, MAX_BYTES);
  }

  /** {@link #partition(List)} with smaller limits (at most the API's). */
  public static List<List<BatchRequest>> partition(
      List<BatchRequest> requests, int maxRequests, long maxBytes) {
    Objects.requireNonNull(requests, "requests");
    if (maxRequests < 1 || maxRequests > MAX_REQUESTS || maxBytes < 1 || maxBytes > MAX_BYTES) {
      throw new IllegalArgumentException("limits must be within the API's");
    }
    List<List<BatchRequest>> groups = new ArrayList<>();
    List<BatchRequest> current = new ArrayList<>();
    long bytes = EMPTY_BODY_BYTES;
    for (BatchRequest r : requests) {
      long size = r.sizeBytes();
      if (EMPTY_BODY_BYTES + size > maxBytes) {
        throw BoundedBody.tooLarge(
            "request " + r.customId() + " alone", EMPTY_BODY_BYTES + size, maxBytes);
      }
      long added = current.isEmpty() ? size : size + 1; // the comma between two requests
      if (!current.isEmpty() && (current.size() >= maxRequests || bytes + added > maxBytes)) {
        groups.add(current);
        current = new ArrayList<>();
        bytes = EMPTY_BODY_BYTES;
        added = size;
      }
      current.add(r);
      bytes += added;
    }
    if (!current.isEmpty()) {
      groups.add(current);
    }
    return groups;
  }

  /** {@code {"requests":[]}}: the create body without its requests. */
  private static final long EMPTY_BODY_BYTES = "{\"requests\":[]}".length();

  /** Same as {@link #create(List, CallOptions)} with the client's options. */
  public MessageBatch create(List<BatchRequest> requests) {
    return create(requests, CallOptions.none());
  }

  /**
   * Creates a batch ({@code POST /v1/messages/batches}) with per-call options: requests that attach
   * an uploaded file by id need the Files API beta on this call too.
   *
   * <pre>{@code
   * MessageBatch b = client.batches().create(requests,
   *     CallOptions.builder().beta(Files.BETA).build());
   * }</pre>
   *
   * @throws InvalidRequestException when the list is empty, over {@link #MAX_REQUESTS} or {@link
   *     #MAX_BYTES} (see {@link #partition}), or repeats a custom id; nothing is sent then
   */
  public MessageBatch create(List<BatchRequest> requests, CallOptions call) {
    Objects.requireNonNull(requests, "requests");
    Objects.requireNonNull(call, "call");
    if (requests.isEmpty()) {
      throw new InvalidRequestException("a batch needs at least one request");
    }
    if (requests.size() > MAX_REQUESTS) {
      throw new InvalidRequestException(
          "a batch takes at most "
              + MAX_REQUESTS
              + " requests, got "
              + requests.size()
              + "; split them with Batches.partition");
    }
    Set<String> seen = new HashSet<>();
    long size = EMPTY_BODY_BYTES + requests.size() - 1;
    for (BatchRequest r : requests) {
      if (!seen.add(r.customId())) {
        throw new InvalidRequestException("custom_id '" + r.customId() + "' is used twice");
      }
      size += r.sizeBytes();
    }
    if (size > MAX_BYTES) {
      throw new InvalidRequestException(
          BoundedBody.tooLarge("the batch request body", size, MAX_BYTES).getMessage()
              + "; split the requests with Batches.partition");
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream((int) size);
    body.writeBytes("{\"requests\":[".getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < requests.size(); i++) {
      if (i > 0) {
        body.write(',');
      }
      body.writeBytes(requests.get(i).toJsonText().getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
    Duration timeout =
        call.timeout()
            .orElse(
                client.options().timeout().compareTo(MIN_CREATE_TIMEOUT) >= 0
                    ? client.options().timeout()
                    : MIN_CREATE_TIMEOUT);
    return AnthropicClient.read(
        client.json("POST", PATH, body.toByteArray(), timeout, call), WireShapes::batch);
  }

  /** One batch ({@code GET /v1/messages/batches/{id}}). */
  public MessageBatch get(String batchId) {
    return AnthropicClient.read(client.getJson(PATH + "/" + segment(batchId)), WireShapes::batch);
  }

  /** One page of batches, newest first ({@code GET /v1/messages/batches}). */
  public Page<MessageBatch> list(ListParams params) {
    Objects.requireNonNull(params, "params");
    return AnthropicClient.read(
        client.getJson(PATH + params.query()), WireShapes.page(WireShapes::batch));
  }

  /** Every batch from the page {@code params} names on, further pages fetched lazily. */
  public Stream<MessageBatch> listAll(ListParams params) {
    return Paging.all(params, this::list);
  }

  /** Asks the API to cancel a batch; it moves to {@code canceling}, then {@code ended}. */
  public MessageBatch cancel(String batchId) {
    return AnthropicClient.read(
        client.json(
            "POST", PATH + "/" + segment(batchId) + "/cancel", null, client.options().timeout()),
        WireShapes::batch);
  }

  /**
   * Deletes an ended batch ({@code DELETE /v1/messages/batches/{id}}).
   *
   * @return the API's answer, {@code {"id":..,"type":"message_batch_deleted"}}
   */
  public com.google.gson.JsonObject delete(String batchId) {
    return client.json("DELETE", PATH + "/" + segment(batchId), null, client.options().timeout());
  }

  /**
   * Polls a batch until it has ended, waiting {@code wait.initial()} first and growing the interval
   * by {@code wait.factor()} up to {@code wait.max()}. {@code onPoll} sees every state fetched.
   * Waiting never changes the batch; interrupting the thread stops the wait.
   *
   * @return the ended batch
   */
  public MessageBatch waitUntilEnded(
      String batchId, BatchWait wait, Consumer<MessageBatch> onPoll) {
    Objects.requireNonNull(wait, "wait");
    MessageBatch b = get(batchId);
    onPoll.accept(b);
    Duration delay = wait.initial();
    while (!b.ended()) {
      try {
        client.sleeper().sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new com.anthropic.tool.client.error.AnthropicException(
            "interrupted while waiting for batch " + batchId, e);
      }
      long next = Math.round(delay.toMillis() * wait.factor());
      delay = Duration.ofMillis(Math.min(next, wait.max().toMillis()));
      b = get(batchId);
      onPoll.accept(b);
    }
    return b;
  }

  /**
   * Streams a batch's results. The batch is fetched first for its {@code results_url}; a URL on
   * another host than the base URL is not followed (the key is never sent elsewhere), the results
   * path under the base URL is used instead.
   *
   * @throws InvalidRequestException when the batch has not ended yet
   */
  public BatchResults results(String batchId) {
    MessageBatch b = get(batchId);
    if (b.resultsUrl() == null && !b.ended()) {
      throw new InvalidRequestException(
          "batch "
              + batchId
              + " has no results yet (processing_status "
              + b.processingStatus()
              + "); wait for it with: anthropic batches wait "
              + batchId);
    }
    return results(b);
  }

  /** Streams the results of a batch already fetched (see {@link #results(String)}). */
  public BatchResults results(MessageBatch batch) {
    String url = batch.resultsUrl();
    if (url != null && sameOrigin(url, client.options().baseUrl())) {
      return new BatchResults(
          client.send("GET", url, null, client.options().timeout(), CallOptions.none(), true));
    }
    return new BatchResults(
        client.send(
            "GET",
            client.url(PATH + "/" + segment(batch.id()) + "/results"),
            null,
            client.options().timeout(),
            CallOptions.none(),
            true));
  }

  static boolean sameOrigin(String a, String b) {
    try {
      URI x = URI.create(a);
      URI y = URI.create(b);
      return x.getScheme() != null
          && x.getScheme().equalsIgnoreCase(y.getScheme())
          && x.getHost() != null
          && x.getHost()
              .toLowerCase(Locale.ROOT)
              .equals(String.valueOf(y.getHost()).toLowerCase(Locale.ROOT))
          && port(x) == port(y);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static int port(URI u) {
    if (u.getPort() >= 0) {
      return u.getPort();
    }
    return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  private static String segment(String id) {
    return Models.pathSegment(id, "batch id");
  }

  /**
   * How {@link #waitUntilEnded} polls.
   *
   * @param initial the first wait
   * @param max the longest wait between two polls
   * @param factor how much the wait grows after each poll (at least 1)
   */
  public record BatchWait(Duration initial, Duration max, double factor) {
    public BatchWait {
      Objects.requireNonNull(initial, "initial");
      Objects.requireNonNull(max, "max");
      if (initial.isNegative() || max.compareTo(initial) < 0 || factor < 1) {
        throw new IllegalArgumentException("need 0 <= initial <= max and factor >= 1");
      }
    }

    /** 2 s, growing by 1.5 up to 60 s. */
    public static BatchWait defaults() {
      return new BatchWait(Duration.ofSeconds(2), Duration.ofSeconds(60), 1.5);
    }
  }
}
