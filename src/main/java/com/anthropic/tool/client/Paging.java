package com.anthropic.tool.client;

import com.anthropic.tool.client.error.InvalidResponseException;
import com.anthropic.tool.client.model.ListParams;
import com.anthropic.tool.client.model.Page;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Walks a list endpoint page by page, lazily. A page that says {@code has_more} but gives no
 * cursor, repeats the one it was asked with, or holds nothing, ends the walk with an {@link
 * InvalidResponseException}: the walk never asks for the same page for ever.
 */
final class Paging {
  private Paging() {}

  static <T> Stream<T> all(ListParams first, Function<ListParams, Page<T>> fetch) {
    Iterator<T> it =
        new Iterator<>() {
          private final Deque<T> buffer = new ArrayDeque<>();
          private ListParams next = first;

          @Override
          public boolean hasNext() {
            while (buffer.isEmpty() && next != null) {
              Page<T> page = fetch.apply(next);
              buffer.addAll(page.data());
              boolean forward = next.beforeId() == null;
              String cursor = forward ? page.lastId() : page.firstId();
              String previous = forward ? next.afterId() : next.beforeId();
              if (!page.hasMore()) {
                next = null;
              } else if (cursor == null || cursor.isEmpty()) {
                throw new InvalidResponseException(
                    "a page says has_more but gives no "
                        + (forward ? "last_id" : "first_id")
                        + " to continue from; stopped paging");
              } else if (cursor.equals(previous) || page.data().isEmpty()) {
                throw new InvalidResponseException(
                    "a page says has_more but "
                        + (page.data().isEmpty()
                            ? "holds nothing"
                            : "repeats the cursor " + shown(cursor))
                        + "; stopped paging instead of asking for it again");
              } else {
                next =
                    forward
                        ? new ListParams(next.limit(), cursor, null)
                        : new ListParams(next.limit(), null, cursor);
              }
            }
            return !buffer.isEmpty();
          }

          @Override
          public T next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return buffer.poll();
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  private static String shown(String cursor) {
    return cursor.length() > 80 ? cursor.substring(0, 80) + "…" : cursor;
  }
}
