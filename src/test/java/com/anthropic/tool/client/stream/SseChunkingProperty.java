package com.anthropic.tool.client.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.anthropic.tool.client.error.AnthropicException;
import com.anthropic.tool.client.error.ConnectionException;
import com.anthropic.tool.client.http.Headers;
import com.anthropic.tool.client.internal.RawResponse;
import com.anthropic.tool.client.internal.SseParser;
import com.anthropic.tool.client.internal.StreamConnector;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.StreamEvent;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The property the SSE fuzz target checks, for one body and one way of cutting it into reads:
 *
 * <ol>
 *   <li>the parser sees the same events (names and data) whatever the cuts, or fails the same way;
 *   <li>every event reads as a {@link StreamEvent} or fails with the library's own {@link
 *       AnthropicException} (which ends the stream: a MessageStream reads no further); the
 *       accumulator takes every event read and gives a message without throwing;
 *   <li>a {@link MessageStream} over those reads delivers the same events and ends the same way
 *       (the same final message, or the same typed failure) as over the whole body in one read;
 *       nothing but an {@link AnthropicException} escapes it, and no failure of the code itself is
 *       reported as a network failure (a {@link ConnectionException} caused by a runtime
 *       exception);
 *   <li>a stream that ends well gives the message the accumulator makes of the same events.
 * </ol>
 */
final class SseChunkingProperty {
  private SseChunkingProperty() {}

  /** Checks the property; {@code cuts} are positions (taken modulo the body length + 1). */
  static void check(byte[] body, int[] cuts) {
    int[] at = positions(body.length, cuts);
    Parsed whole = parse(body, new int[0]);
    Parsed chunked = parse(body, at);
    assertEquals(whole, chunked, () -> "the parser depends on the cuts " + describe(body, at));

    StreamAccumulator acc = new StreamAccumulator();
    List<StreamEvent> events = new ArrayList<>();
    for (String[] e : whole.events()) {
      StreamEvent event;
      try {
        event = StreamEvent.parse(e[0], e[1]);
      } catch (AnthropicException typed) {
        break; // a malformed event ends the stream, with the library's own exception
      } catch (RuntimeException untyped) {
        throw new AssertionError(
            "StreamEvent.parse threw " + untyped + " for event " + e[0] + " data " + e[1], untyped);
      }
      events.add(event);
      acc.accept(event);
    }
    String accumulated = acc.hasMessage() ? Json.write(acc.message().toJson()) : null;

    Outcome oneRead = stream(body, new int[0]);
    Outcome cutReads = stream(body, at);
    assertEquals(
        oneRead, cutReads, () -> "MessageStream depends on the cuts " + describe(body, at));
    if (oneRead.failure() == null) {
      assertEquals(
          accumulated,
          oneRead.message(),
          () -> "a stream that ended well differs from the accumulator " + describe(body, at));
      assertEquals(events.size(), oneRead.delivered().size(), "every event was delivered");
    }
  }

  /** What the parser made of a body: the events, and the failure that stopped it, if any. */
  record Parsed(List<String[]> events, String failure) {
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Parsed p)) {
        return false;
      }
      if (events.size() != p.events.size() || !String.valueOf(failure).equals(p.failure + "")) {
        return false;
      }
      for (int i = 0; i < events.size(); i++) {
        if (!Arrays.equals(events.get(i), p.events.get(i))) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      return events.size();
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("[");
      events.forEach(e -> sb.append(Arrays.toString(e)).append(' '));
      return sb.append("] failure=").append(failure).toString();
    }
  }

  /** How a MessageStream over the body ended. */
  record Outcome(List<String> delivered, String message, String failure) {}

  static Parsed parse(byte[] body, int[] at) {
    List<String[]> events = new ArrayList<>();
    SseParser p = new SseParser((name, data) -> events.add(new String[] {name, data}));
    try {
      int from = 0;
      for (int cut : at) {
        p.feed(body, from, cut - from);
        from = cut;
      }
      p.feed(body, from, body.length - from);
      p.end();
      return new Parsed(events, null);
    } catch (AnthropicException typed) {
      return new Parsed(events, typed.getClass().getSimpleName() + ": " + typed.getMessage());
    }
  }

  static Outcome stream(byte[] body, int[] at) {
    List<String> delivered = new ArrayList<>();
    MessageStream s = MessageStream.open(new Reads(body, at));
    try {
      String message =
          Json.write(s.consume(e -> delivered.add(e.type() + " " + e.data())).toJson());
      return new Outcome(delivered, message, null);
    } catch (AnthropicException typed) {
      if (typed instanceof ConnectionException
          && typed.getCause() instanceof RuntimeException r
          && !(r instanceof AnthropicException)) {
        fail("a failure of the code was reported as a network failure: " + r, r);
      }
      // partial() must work after any failure: the CLI prints what arrived
      String partial = s.partial().map(m -> Json.write(m.toJson())).orElse(null);
      return new Outcome(
          delivered, partial, typed.getClass().getSimpleName() + ": " + typed.getMessage());
    } catch (RuntimeException untyped) {
      throw new AssertionError("MessageStream threw " + untyped, untyped);
    }
  }

  /** Sorted, distinct positions inside the body. */
  static int[] positions(int length, int[] cuts) {
    return Arrays.stream(cuts)
        .map(c -> Math.floorMod(c, length + 1))
        .filter(c -> c > 0 && c < length)
        .sorted()
        .distinct()
        .toArray();
  }

  private static String describe(byte[] body, int[] at) {
    String text = new String(body, StandardCharsets.UTF_8);
    return "for cuts "
        + Arrays.toString(at)
        + " of "
        + (text.length() > 2000 ? text.substring(0, 2000) + "…" : text);
  }

  /** One response whose body arrives in the given reads; a reconnect lets the failure stand. */
  private static final class Reads implements StreamConnector {
    private final byte[] body;
    private final int[] at;

    Reads(byte[] body, int[] at) {
      this.body = body;
      this.at = at;
    }

    @Override
    public RawResponse connect() {
      return new RawResponse() {
        final InputStream in = new ChunkedInput(body, at);

        @Override
        public int status() {
          return 200;
        }

        @Override
        public Headers headers() {
          return Headers.empty();
        }

        @Override
        public InputStream body() {
          return in;
        }

        @Override
        public int attempts() {
          return 1;
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public RawResponse reconnect(AnthropicException failure) {
      throw failure;
    }
  }

  /** Returns at most one chunk per read, as a socket does when the bytes come in pieces. */
  private static final class ChunkedInput extends InputStream {
    private final byte[] body;
    private final int[] ends;
    private int pos;
    private int chunk;

    ChunkedInput(byte[] body, int[] at) {
      this.body = body;
      this.ends = Arrays.copyOf(at, at.length + 1);
      this.ends[at.length] = body.length;
    }

    private int chunkEnd() {
      while (chunk < ends.length && ends[chunk] <= pos) {
        chunk++;
      }
      return chunk < ends.length ? ends[chunk] : body.length;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= body.length) {
        return -1;
      }
      int n = Math.min(len, chunkEnd() - pos);
      System.arraycopy(body, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public int available() {
      return pos >= body.length ? 0 : chunkEnd() - pos;
    }
  }
}
