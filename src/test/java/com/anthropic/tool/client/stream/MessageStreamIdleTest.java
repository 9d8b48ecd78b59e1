package com.anthropic.tool.client.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.anthropic.tool.client.error.AnthropicException;
import com.anthropic.tool.client.http.Headers;
import com.anthropic.tool.client.internal.RawResponse;
import com.anthropic.tool.client.model.Delta;
import com.anthropic.tool.client.model.StreamEvent;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link MessageStream#onIdle}: once per chunk, after its events, before a read that may block. */
class MessageStreamIdleTest {
  /** A body that arrives in the given chunks; available() is 0 at each chunk boundary. */
  private static final class Chunks extends InputStream {
    private final List<byte[]> chunks = new ArrayList<>();
    private int chunk;
    private int pos;
    private boolean boundary;

    Chunks(String... parts) {
      for (String p : parts) {
        chunks.add(p.getBytes(StandardCharsets.UTF_8));
      }
    }

    @Override
    public int read() {
      throw new UnsupportedOperationException();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      boundary = false;
      if (chunk >= chunks.size()) {
        return -1;
      }
      byte[] c = chunks.get(chunk);
      int n = Math.min(len, c.length - pos);
      System.arraycopy(c, pos, b, off, n);
      pos += n;
      if (pos == c.length) {
        chunk++;
        pos = 0;
        boundary = true; // the next chunk has not arrived yet
      }
      return n;
    }

    @Override
    public int available() {
      return boundary || chunk >= chunks.size() ? 0 : chunks.get(chunk).length - pos;
    }
  }

  @Test
  void idleRunsAfterEachChunksEventsAndBeforeTheNextRead() {
    InputStream body =
        new Chunks(
            MessageStreamTest.START + MessageStreamTest.delta("a") + MessageStreamTest.delta("b"),
            MessageStreamTest.delta("c") + MessageStreamTest.END);
    RawResponse r =
        new RawResponse() {
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
            return body;
          }

          @Override
          public int attempts() {
            return 1;
          }

          @Override
          public void close() {}
        };
    MessageStream stream =
        MessageStream.open(
            new com.anthropic.tool.client.internal.StreamConnector() {
              @Override
              public RawResponse connect() {
                return r;
              }

              @Override
              public RawResponse reconnect(AnthropicException failure) {
                throw failure;
              }
            });
    List<String> log = new ArrayList<>();
    stream.onIdle(() -> log.add("idle"));
    stream.consume(
        e -> {
          if (e instanceof StreamEvent.ContentBlockDelta
              && ((StreamEvent.ContentBlockDelta) e).delta() instanceof Delta.Text) {
            log.add(((Delta.Text) ((StreamEvent.ContentBlockDelta) e).delta()).text());
          }
        });
    assertEquals(List.of("a", "b", "idle", "c", "idle"), log);
  }
}
