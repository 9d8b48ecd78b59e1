package com.anthropic.tool.client.stream;

import com.anthropic.tool.client.error.AnthropicException;
import com.anthropic.tool.client.error.ApiException;
import com.anthropic.tool.client.error.ApiTimeoutException;
import com.anthropic.tool.client.error.ConnectionException;
import com.anthropic.tool.client.http.Headers;
import com.anthropic.tool.client.internal.IoFailures;
import com.anthropic.tool.client.internal.RawResponse;
import com.anthropic.tool.client.internal.SseParser;
import com.anthropic.tool.client.internal.StreamConnector;
import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.StreamEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A streamed Messages response: the events in order, read on the caller's thread as they arrive.
 * Iterate it once, or hand each event to a listener with {@link #consume}; {@link #close()} (from
 * any thread) cancels the HTTP exchange, so the server stops sending.
 *
 * <pre>{@code
 * try (MessageStream stream = client.messagesStream(request)) {
 *   Message m = stream.consume(e -> {
 *     if (e instanceof StreamEvent.ContentBlockDelta d && d.delta() instanceof Delta.Text t) {
 *       out.print(t.text());
 *     }
 *   });
 * }
 * }</pre>
 *
 * <p>Failures: an {@code error} event is delivered as {@link StreamEvent.ErrorEvent}, and the next
 * step of the iteration throws its typed {@link com.anthropic.tool.client.error.ApiException}. A
 * dropped connection throws {@link ConnectionException}, a silence longer than the client's timeout
 * {@link ApiTimeoutException}, and a body that ends without {@code message_stop} a {@link
 * ConnectionException}, each only after every event that arrived before it was delivered; a stream
 * whose {@code message_stop} arrived is complete even if the connection then drops. The failure
 * names the response's request id. After a failure, {@link #partial()} holds what had arrived.
 *
 * <p>Retries: when the stream fails with a retryable error (overloaded, api_error, rate limit, a
 * dropped connection; the same rule as for a response status) before any content arrived, it is
 * sent again under the call's retry policy, and the events of the failed attempt are never
 * delivered. Once content arrived, a stream is never sent again. Until the first content event,
 * {@code message_start}, {@code content_block_start} and {@code ping} are held back for that reason
 * (they carry no content and are delivered with the first one).
 */
public final class MessageStream implements Iterable<StreamEvent>, AutoCloseable {
  private final StreamConnector connector;
  private final byte[] buffer = new byte[16 * 1024];
  private final ArrayDeque<StreamEvent> ready = new ArrayDeque<>();
  private final List<StreamEvent> held = new ArrayList<>();
  private final StreamAccumulator delivered = new StreamAccumulator();
  private final Events events = new Events();
  private RawResponse response;
  private InputStream body;
  private SseParser parser;
  private int attempts;
  private boolean contentSeen;
  private boolean stopSeen;
  private AnthropicException eventFailure;
  private AnthropicException pendingFailure;
  private boolean finished;
  private boolean iterating;
  private volatile boolean closed;
  private Runnable idle = () -> {};

  private MessageStream(StreamConnector connector) {
    this.connector = Objects.requireNonNull(connector, "connector");
  }

  /**
   * Connects (with the transport's retries for the response head) and returns the stream. Called by
   * the client: use {@code AnthropicClient.messagesStream}.
   */
  public static MessageStream open(StreamConnector connector) {
    MessageStream s = new MessageStream(connector);
    s.use(connector.connect());
    return s;
  }

  private void use(RawResponse r) {
    attempts = Math.max(attempts + 1, r.attempts());
    response = r;
    body = r.body();
    if (parser == null) {
      parser = new SseParser(this::onSse);
    }
    if (closed) {
      r.close(); // closed from another thread while reconnecting
    }
  }

  /** The headers of the response being read. */
  public Headers headers() {
    return response.headers();
  }

  /** The {@code request-id} of the response being read, if it has one. */
  public Optional<String> requestId() {
    return response.headers().first("request-id");
  }

  /** Attempts it took so far (1 without retries). */
  public int attempts() {
    return attempts;
  }

  /**
   * The events, in order; can be iterated once. {@code hasNext()} blocks until the next event
   * arrives and throws the stream's failure, if any.
   */
  @Override
  public Iterator<StreamEvent> iterator() {
    if (iterating) {
      throw new IllegalStateException("a MessageStream can be iterated only once");
    }
    iterating = true;
    return events;
  }

  /**
   * Hands every event to the listener as it arrives, on this thread, and returns the final message.
   * Stops early, without an error, when the stream is closed meanwhile.
   *
   * @throws AnthropicException the stream's failure; {@link #partial()} then has what arrived
   */
  public Message consume(Consumer<? super StreamEvent> listener) {
    Objects.requireNonNull(listener, "listener");
    for (StreamEvent e : this) {
      listener.accept(e);
    }
    if (!delivered.hasMessage()) {
      throw new AnthropicException("the stream was closed before its message_start event");
    }
    return delivered.message();
  }

  /** The message assembled from the events delivered so far (empty before message_start). */
  public Optional<Message> partial() {
    return delivered.hasMessage() ? Optional.of(delivered.message()) : Optional.empty();
  }

  /** Tool input that was not valid JSON at its block's end, by block index. */
  public java.util.Map<Integer, String> unparsedToolInputs() {
    return delivered.unparsedToolInputs();
  }

  /**
   * Runs {@code r} on the reading thread each time every event that has arrived was delivered and
   * the next read may block: the moment to flush buffered output, so it appears live without a
   * flush per event.
   */
  public void onIdle(Runnable r) {
    idle = Objects.requireNonNull(r, "r");
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /** Cancels the HTTP exchange; iteration then ends without an error. Idempotent, any thread. */
  @Override
  public void close() {
    closed = true;
    RawResponse r = response;
    if (r != null) {
      r.close();
    }
  }

  /** The same as {@link #close()}. */
  public void cancel() {
    close();
  }

  private void onSse(String name, String data) {
    if (eventFailure != null) {
      return;
    }
    StreamEvent e = StreamEvent.parse(name, data);
    if (e instanceof StreamEvent.MessageStop) {
      stopSeen = true;
    }
    if (!contentSeen) {
      if (e instanceof StreamEvent.MessageStart
          || e instanceof StreamEvent.Ping
          || e instanceof StreamEvent.ContentBlockStart) {
        held.add(e);
        return;
      }
      if (e instanceof StreamEvent.ErrorEvent) {
        held.add(e);
        eventFailure = ((StreamEvent.ErrorEvent) e).error();
        return;
      }
      contentSeen = true;
      release();
    }
    ready.add(e);
    if (e instanceof StreamEvent.ErrorEvent) {
      eventFailure = ((StreamEvent.ErrorEvent) e).error();
    }
  }

  private void release() {
    ready.addAll(held);
    held.clear();
  }

  /**
   * Reads until an event is ready; false at the end. A transport failure is an end marker after the
   * bytes that arrived before it: those are parsed and delivered first. A stream whose {@code
   * message_stop} arrived is complete whatever follows; only {@link #close()} throws away what
   * arrived.
   */
  private boolean fill() {
    while (ready.isEmpty()) {
      if (pendingFailure != null) {
        AnthropicException f = pendingFailure;
        pendingFailure = null;
        finished = true;
        response.close();
        throw f;
      }
      if (finished || closed) {
        finished = true;
        return false;
      }
      AnthropicException failure = null;
      boolean atEnd = false;
      try {
        if (body.available() <= 0) {
          idle.run();
          if (closed) {
            finished = true;
            return false;
          }
        }
        int n = body.read(buffer);
        if (n < 0) {
          parser.end();
          atEnd = true;
        } else {
          parser.feed(buffer, 0, n);
        }
      } catch (IOException | RuntimeException e) {
        if (closed) {
          finished = true;
          return false;
        }
        failure = IoFailures.map(e);
        atEnd = true;
      }
      if (eventFailure != null) {
        failure = eventFailure;
      } else if (atEnd && stopSeen) {
        failure = null; // message_stop arrived: complete, even if the connection then dropped
      } else if (atEnd && failure == null) {
        failure = new ConnectionException("the stream ended before its message_stop event", null);
      }
      if (failure != null) {
        failure = withRequestId(failure);
        if (!contentSeen) {
          response.close();
          RawResponse next;
          try {
            next = connector.reconnect(failure);
          } catch (AnthropicException stands) {
            release();
            pendingFailure = stands;
            continue;
          }
          held.clear();
          parser = new SseParser(this::onSse);
          stopSeen = false;
          eventFailure = null;
          use(next);
          continue;
        }
        release();
        pendingFailure = failure;
      } else if (atEnd) {
        release();
        finished = true;
        response.close();
      }
    }
    return true;
  }

  /** The failure, naming the response's request id when it has one and the failure does not. */
  private AnthropicException withRequestId(AnthropicException f) {
    Optional<String> id = requestId();
    if (id.isEmpty()) {
      return f;
    }
    if (f instanceof ApiException a) {
      return a.requestId().isPresent()
          ? a
          : ApiException.of(
              a.status(), a.type(), a.errorMessage(), id.get(), a.headers(), a.body());
    }
    String suffix = " (request-id " + id.get() + ")";
    if (f.getMessage() != null && f.getMessage().endsWith(suffix)) {
      return f;
    }
    if (f instanceof ApiTimeoutException) {
      return new ApiTimeoutException(f.getMessage() + suffix, f);
    }
    if (f instanceof ConnectionException) {
      return new ConnectionException(f.getMessage() + suffix, f);
    }
    return f;
  }

  private final class Events implements Iterator<StreamEvent> {
    @Override
    public boolean hasNext() {
      return fill();
    }

    @Override
    public StreamEvent next() {
      if (!fill()) {
        throw new NoSuchElementException();
      }
      StreamEvent e = ready.poll();
      delivered.accept(e);
      return e;
    }
  }
}
