package com.anthropic.tool.client.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.hc.core5.http.nio.CapacityChannel;

/**
 * The bridge between the I/O thread, which fills it, and the reader's thread, with strict flow
 * control: the transport is only ever granted {@code window} bytes beyond what the reader has
 * taken, so a slow reader (a parser, a pipe) slows the socket instead of growing the heap.
 * (HttpCore's own SharedInputBuffer grows its buffer when data arrives past the window and then
 * grants the grown capacity, which lets a fast server fill the heap.)
 */
final class BodyBuffer {
  private final int window;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition ready = lock.newCondition();
  private final Condition space = lock.newCondition();
  private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
  private int headOffset;
  private long buffered;
  private long credit;
  private boolean end;
  private boolean aborted;
  private boolean failed;
  private CapacityChannel channel;

  private long idleNanos;

  BodyBuffer(int window) {
    this.window = window;
  }

  /**
   * The longest a read waits for the next bytes before it fails with a {@link
   * java.net.SocketTimeoutException} (0: no limit of its own). For timeouts under a second, which
   * the I/O reactor, waking once a second, would notice late or never while bytes keep coming.
   */
  void idleLimit(java.time.Duration limit) {
    lock.lock();
    try {
      idleNanos = limit.toNanos();
    } finally {
      lock.unlock();
    }
  }

  /** Called by the transport with the channel to grant capacity through. */
  void updateCapacity(CapacityChannel ch) throws IOException {
    int grant;
    lock.lock();
    try {
      channel = ch;
      grant = grantable(1);
    } finally {
      lock.unlock();
    }
    if (grant > 0) {
      ch.update(grant);
    }
  }

  /** Credit to hand out now (held under the lock), or 0 when below {@code threshold}. */
  private int grantable(long threshold) {
    long want = window - buffered - credit;
    if (want < threshold || aborted || end || failed) {
      return 0;
    }
    credit += want;
    return (int) want;
  }

  /** Called on the I/O thread with the next bytes of the body. */
  void fill(ByteBuffer src) {
    int n = src.remaining();
    if (n == 0) {
      return;
    }
    byte[] copy = new byte[n];
    src.get(copy);
    lock.lock();
    try {
      if (aborted || failed) {
        return;
      }
      chunks.addLast(copy);
      buffered += n;
      credit -= n;
      ready.signalAll();
      // HttpCore's HTTP/1.1 chunked decoding keeps reading while its session buffer has data,
      // past the granted window; past a hard limit the I/O thread waits for the reader instead.
      while (buffered > 4L * window && !aborted && !failed) {
        space.awaitUninterruptibly();
      }
    } finally {
      lock.unlock();
    }
  }

  void markEndStream() {
    lock.lock();
    try {
      end = true;
      ready.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The transport failed (a reset, a body cut short): the bytes that arrived before stay readable,
   * and the failure is an end marker after them. Only {@link #abort()} (the reader cancelling)
   * throws bytes away.
   */
  void fail() {
    lock.lock();
    try {
      failed = true;
      ready.signalAll();
      space.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The reader cancelled: what is buffered is dropped. */
  void abort() {
    lock.lock();
    try {
      aborted = true;
      chunks.clear();
      buffered = 0;
      ready.signalAll();
      space.signalAll();
    } finally {
      lock.unlock();
    }
  }

  int length() {
    lock.lock();
    try {
      return (int) Math.min(Integer.MAX_VALUE, buffered);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Reads up to {@code len} bytes, blocking until some arrive.
   *
   * @return the number read, or -1 at the end of the body
   * @throws InterruptedIOException when the buffer was aborted, or failed and every byte that
   *     arrived before the failure was read, or the thread was interrupted
   */
  int read(byte[] b, int off, int len) throws IOException {
    int n = 0;
    int grant;
    CapacityChannel ch;
    lock.lock();
    try {
      long left = idleNanos;
      while (chunks.isEmpty() && !end && !aborted && !failed) {
        try {
          if (idleNanos <= 0) {
            ready.await();
          } else if (left <= 0) {
            throw new java.net.SocketTimeoutException(
                "no data for " + idleNanos / 1_000_000 + " MILLISECONDS");
          } else {
            left = ready.awaitNanos(left);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while reading the response");
        }
      }
      if (aborted) {
        throw new InterruptedIOException("response aborted");
      }
      if (chunks.isEmpty()) {
        if (failed) {
          throw new InterruptedIOException("response failed");
        }
        return -1;
      }
      while (n < len && !chunks.isEmpty()) {
        byte[] head = chunks.peekFirst();
        int take = Math.min(len - n, head.length - headOffset);
        System.arraycopy(head, headOffset, b, off + n, take);
        n += take;
        headOffset += take;
        if (headOffset == head.length) {
          chunks.removeFirst();
          headOffset = 0;
        }
      }
      buffered -= n;
      space.signalAll();
      ch = channel;
      grant = ch == null ? 0 : grantable(window / 4);
    } finally {
      lock.unlock();
    }
    if (grant > 0) {
      ch.update(grant);
    }
    return n;
  }
}
