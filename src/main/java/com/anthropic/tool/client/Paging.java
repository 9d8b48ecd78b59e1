package com.anthropic.tool.client;

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

/** Walks a list endpoint page by page, lazily. */
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
              if (!page.hasMore() || cursor == null || page.data().isEmpty()) {
                next = null;
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
}
