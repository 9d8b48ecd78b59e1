package com.anthropic.tool.client.internal;

import com.anthropic.tool.client.error.InvalidResponseException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An incremental parser for {@code text/event-stream} bodies, following the WHATWG rules: {@code
 * event:}, {@code data:} (several lines joined with {@code \n}), {@code id:} and {@code retry:}
 * fields, comments (lines starting with {@code :}), a field name without a colon, one space after
 * the colon stripped, CRLF, LF and CR line ends (also when a CR ends one chunk and its LF starts
 * the next), a leading byte-order mark, and UTF-8 characters split across chunks. Events are
 * dispatched at a blank line; {@link #end()} also dispatches a final event that had no trailing
 * blank line.
 *
 * <p>Bytes are scanned in place: a line that lies wholly inside a chunk is decoded straight from
 * it, so the only allocations are the decoded strings themselves.
 *
 * <pre>{@code
 * SseParser parser = new SseParser((event, data) -> out.println(event + " " + data));
 * parser.feed(bytes, 0, n); // as often as bytes arrive
 * parser.end();
 * }</pre>
 *
 * <p>Not thread-safe: feed it from one thread.
 */
public final class SseParser {
  /** Receives each dispatched event. */
  @FunctionalInterface
  public interface Listener {
    /**
     * One event.
     *
     * @param event the {@code event:} field, or {@code "message"} when there was none
     * @param data the {@code data:} lines joined with {@code \n}
     */
    void onEvent(String event, String data);
  }

  /**
   * The largest event this parser holds, in bytes (a line, or the data lines of one event): 32 MB,
   * the API's own limit for a request. A longer one fails with {@link InvalidResponseException}
   * instead of growing the heap without bound.
   */
  public static final int MAX_EVENT_BYTES = 32 * 1024 * 1024;

  private static final byte CR = '\r';
  private static final byte LF = '\n';

  private final Listener listener;

  /** The part of a line that ended a previous chunk. */
  private byte[] pending = new byte[256];

  private int pendingLength;

  /** A CR ended the last chunk: an LF starting the next one belongs to it. */
  private boolean skipLf;

  private boolean firstLine = true;

  /** The only data line so far (the common case: no copy through {@link #data}). */
  private String singleData;

  private final StringBuilder data = new StringBuilder(256);
  private long dataBytes;
  private boolean hasData;
  private boolean multiLine;
  private String eventType;
  private String lastEventId = "";
  private long retryMillis = -1;

  public SseParser(Listener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Feeds the next bytes of the body; complete events are dispatched before it returns. */
  public void feed(byte[] bytes, int off, int len) {
    Objects.checkFromIndexSize(off, len, bytes.length);
    int end = off + len;
    int i = off;
    if (skipLf && i < end) {
      skipLf = false;
      if (bytes[i] == LF) {
        i++;
      }
    }
    int lineStart = i;
    while (i < end) {
      byte b = bytes[i];
      if (b != LF && b != CR) {
        i++;
        continue;
      }
      if (pendingLength > 0) {
        append(bytes, lineStart, i - lineStart);
        line(pending, 0, pendingLength);
        pendingLength = 0;
        if (pending.length > 64 * 1024) {
          pending = new byte[256]; // one huge line does not keep its buffer for the whole stream
        }
      } else {
        line(bytes, lineStart, i - lineStart);
      }
      i++;
      if (b == CR) {
        if (i < end) {
          if (bytes[i] == LF) {
            i++;
          }
        } else {
          skipLf = true;
        }
      }
      lineStart = i;
    }
    if (lineStart < end) {
      append(bytes, lineStart, end - lineStart);
    }
  }

  /** Feeds a whole array. */
  public void feed(byte[] bytes) {
    feed(bytes, 0, bytes.length);
  }

  /**
   * The body has ended: a last line without a line end is processed, and an event still being
   * collected is dispatched.
   */
  public void end() {
    if (pendingLength > 0) {
      line(pending, 0, pendingLength);
      pendingLength = 0;
    }
    dispatch();
    skipLf = false;
  }

  /** The last {@code id:} value seen (empty when none). */
  public String lastEventId() {
    return lastEventId;
  }

  /** The last valid {@code retry:} value in milliseconds, or -1 when none was sent. */
  public long retryMillis() {
    return retryMillis;
  }

  private void append(byte[] bytes, int off, int len) {
    if ((long) pendingLength + len > MAX_EVENT_BYTES) {
      throw tooLarge();
    }
    if (pendingLength + len > pending.length) {
      pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + len));
    }
    System.arraycopy(bytes, off, pending, pendingLength, len);
    pendingLength += len;
  }

  private static InvalidResponseException tooLarge() {
    return new InvalidResponseException(
        "the event stream sent an event of over "
            + (MAX_EVENT_BYTES >> 20)
            + " MB; it is not read further");
  }

  private void line(byte[] b, int off, int len) {
    if (firstLine) {
      firstLine = false;
      if (len >= 3
          && b[off] == (byte) 0xEF
          && b[off + 1] == (byte) 0xBB
          && b[off + 2] == (byte) 0xBF) {
        off += 3;
        len -= 3;
      }
    }
    if (len == 0) {
      dispatch();
      return;
    }
    if (b[off] == ':') {
      return; // comment
    }
    int end = off + len;
    int colon = off;
    while (colon < end && b[colon] != ':') {
      colon++;
    }
    int nameLen = colon - off;
    int valueStart = colon < end ? colon + 1 : end;
    if (valueStart < end && b[valueStart] == ' ') {
      valueStart++;
    }
    int valueLen = end - valueStart;
    if (is(b, off, nameLen, DATA)) {
      dataBytes += valueLen + 1;
      if (dataBytes > MAX_EVENT_BYTES) {
        throw tooLarge();
      }
      String value = new String(b, valueStart, valueLen, StandardCharsets.UTF_8);
      if (!hasData) {
        hasData = true;
        singleData = value;
      } else {
        if (!multiLine) {
          multiLine = true;
          data.append(singleData);
        }
        data.append('\n').append(value);
      }
    } else if (is(b, off, nameLen, EVENT)) {
      eventType = eventName(b, valueStart, valueLen);
    } else if (is(b, off, nameLen, ID)) {
      boolean hasNul = false;
      for (int k = valueStart; k < end; k++) {
        hasNul |= b[k] == 0;
      }
      if (!hasNul) {
        lastEventId = new String(b, valueStart, valueLen, StandardCharsets.UTF_8);
      }
    } else if (is(b, off, nameLen, RETRY)) {
      retry(b, valueStart, valueLen);
    }
    // any other field is ignored
  }

  private void retry(byte[] b, int off, int len) {
    if (len == 0 || len > 18) {
      return;
    }
    long v = 0;
    for (int k = off; k < off + len; k++) {
      if (b[k] < '0' || b[k] > '9') {
        return;
      }
      v = v * 10 + (b[k] - '0');
    }
    retryMillis = v;
  }

  private void dispatch() {
    if (!hasData) {
      eventType = null;
      return;
    }
    String type = eventType == null || eventType.isEmpty() ? "message" : eventType;
    String d;
    if (multiLine) {
      d = data.toString();
      data.setLength(0);
      multiLine = false;
    } else {
      d = singleData;
    }
    singleData = null;
    dataBytes = 0;
    hasData = false;
    eventType = null;
    listener.onEvent(type, d);
  }

  /** Names of the Messages API's events, shared instead of a new String per event. */
  private static final String[] KNOWN = {
    "content_block_delta",
    "content_block_start",
    "content_block_stop",
    "message_start",
    "message_delta",
    "message_stop",
    "ping",
    "error",
  };

  private static final byte[][] KNOWN_BYTES = new byte[KNOWN.length][];

  static {
    for (int k = 0; k < KNOWN.length; k++) {
      KNOWN_BYTES[k] = KNOWN[k].getBytes(StandardCharsets.US_ASCII);
    }
  }

  private static String eventName(byte[] b, int off, int len) {
    for (int k = 0; k < KNOWN.length; k++) {
      if (is(b, off, len, KNOWN_BYTES[k])) {
        return KNOWN[k];
      }
    }
    return new String(b, off, len, StandardCharsets.UTF_8);
  }

  private static final byte[] DATA = {'d', 'a', 't', 'a'};
  private static final byte[] EVENT = {'e', 'v', 'e', 'n', 't'};
  private static final byte[] ID = {'i', 'd'};
  private static final byte[] RETRY = {'r', 'e', 't', 'r', 'y'};

  private static boolean is(byte[] b, int off, int len, byte[] name) {
    if (len != name.length) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      if (b[off + k] != name[k]) {
        return false;
      }
    }
    return true;
  }
}
