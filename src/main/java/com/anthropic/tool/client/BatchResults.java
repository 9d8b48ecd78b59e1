package com.anthropic.tool.client;

import com.anthropic.tool.client.error.InvalidResponseException;
import com.anthropic.tool.client.internal.IoFailures;
import com.anthropic.tool.client.internal.RawResponse;
import com.anthropic.tool.client.model.BatchResult;
import com.anthropic.tool.client.model.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The results of a batch, read line by line from the HTTP response as they arrive: memory stays
 * constant whatever the size of the file. Iterate typed results, or copy the lines through
 * unchanged with {@link #copyTo}. Close it to stop the download early.
 *
 * <pre>{@code
 * try (BatchResults results = client.batches().results(batchId)) {
 *   results.stream()
 *       .filter(r -> r instanceof BatchResult.Errored)
 *       .forEach(r -> out.println(r.customId() + " failed"));
 * }
 * try (BatchResults results = client.batches().results(batchId)) {
 *   results.copyTo(out); // the JSONL lines unchanged, in constant memory
 * }
 * }</pre>
 *
 * <p>A connection that drops mid-body surfaces as a {@link
 * com.anthropic.tool.client.error.ConnectionException}, never as a silent end.
 */
public final class BatchResults implements Iterable<BatchResult>, AutoCloseable {
  private final RawResponse response;
  private final JsonLines lines;
  private boolean iterated;
  private volatile boolean closed;

  BatchResults(RawResponse response) {
    this.response = response;
    this.lines = new JsonLines(response.body());
  }

  /**
   * Advances to the next line (framing checked, not parsed).
   *
   * @return false at the end of the results
   */
  public boolean nextLine() {
    if (closed) {
      return false;
    }
    try {
      // after a close (by an idle hook, say) a cut last line is not taken for a whole one
      return lines.next() && !closed;
    } catch (JsonLines.MalformedLineException e) {
      if (closed) {
        return false;
      }
      throw new InvalidResponseException("batch results " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      if (closed) {
        return false; // the reader stopped the download: what follows is not a failure
      }
      throw IoFailures.map(e);
    }
  }

  /** The current line as text. */
  public String lineText() {
    return lines.text();
  }

  /** The current line parsed into a typed result. */
  public BatchResult lineResult() {
    try {
      return BatchResult.fromJson(Json.parseObject(lines.text()));
    } catch (IllegalArgumentException e) {
      throw new InvalidResponseException(
          "batch results line " + lines.lineNumber() + ": " + e.getMessage(), e);
    }
  }

  /** Writes the current line's bytes unchanged, then {@code \n}. */
  public void writeLineTo(OutputStream out) throws IOException {
    lines.writeTo(out);
  }

  /**
   * Runs {@code r} on the reading thread each time every line that has arrived was returned and the
   * next read may block: the moment to flush buffered output, so each line reaches a pipe as soon
   * as it has arrived. {@code r} may {@link #close()} this to stop the download.
   */
  public void onIdle(Runnable r) {
    lines.onIdle(r);
  }

  /** Lines read so far. */
  public long count() {
    return lines.count();
  }

  /**
   * Copies every remaining line to {@code out} unchanged (blank lines dropped, one {@code \n} after
   * each).
   *
   * @return the number of lines copied
   * @throws IOException when writing to {@code out} fails
   */
  public long copyTo(OutputStream out) throws IOException {
    long n = 0;
    while (nextLine()) {
      lines.writeTo(out);
      n++;
    }
    return n;
  }

  /** Typed results, in file order. One pass only. */
  @Override
  public Iterator<BatchResult> iterator() {
    if (iterated) {
      throw new IllegalStateException("batch results can be iterated only once");
    }
    iterated = true;
    return new Iterator<>() {
      private Boolean ready;

      @Override
      public boolean hasNext() {
        if (ready == null) {
          ready = nextLine();
        }
        return ready;
      }

      @Override
      public BatchResult next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ready = null;
        return lineResult();
      }
    };
  }

  /** Typed results as a sequential stream; closing the stream closes the download. */
  public Stream<BatchResult> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  @Override
  public void close() {
    closed = true;
    response.close();
  }
}
