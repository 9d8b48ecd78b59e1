package com.anthropic.tool.client.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import org.apache.hc.core5.reactor.IOSession;

/**
 * Reports a connection's end of stream one read late, so the bytes that arrived with it are
 * delivered first.
 *
 * <p>HttpCore's body decoders (chunked and length-delimited) decode what is buffered and then read
 * the channel again in the same call; when that read says end of stream, they throw "premature end"
 * and the bytes decoded in that call never reach the consumer. That is exactly the case of a server
 * whose last events and FIN arrive in one segment: the events are lost and the stream looks as if
 * it had failed before them. When the end comes in the same read event as bytes, reads answer
 * {@code 0} ("nothing yet"), so the decoder's call ends with the bytes handed over; a socket at its
 * end stays readable, so the next read event reads {@code -1} and the failure follows, after the
 * data. An end without bytes in its event is reported at once, as before.
 */
final class DeferredEof implements InvocationHandler {
  private final IOSession session;
  private long readEvents;
  private long dataEvent = -1;

  private DeferredEof(IOSession session) {
    this.session = session;
  }

  /** The session, with its first end of stream deferred by one read. */
  static IOSession decorate(IOSession session) {
    return (IOSession)
        Proxy.newProxyInstance(
            IOSession.class.getClassLoader(),
            new Class<?>[] {IOSession.class},
            new DeferredEof(session));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if ("updateReadTime".equals(method.getName()) && args == null) {
      readEvents++; // the reactor calls this once per read event, before the handler reads
    }
    if ("read".equals(method.getName()) && args != null && args.length == 1) {
      return read((ByteBuffer) args[0]);
    }
    if ("equals".equals(method.getName()) && args != null && args.length == 1) {
      return proxy == args[0];
    }
    if ("hashCode".equals(method.getName()) && args == null) {
      return System.identityHashCode(proxy);
    }
    try {
      return method.invoke(session, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private int read(ByteBuffer dst) throws java.io.IOException {
    int n = session.read(dst);
    if (n > 0) {
      dataEvent = readEvents;
      return n;
    }
    if (n == 0) {
      return 0;
    }
    // the end, in the same read event as bytes: "nothing yet", so those bytes are handed over
    // first; in a read event without bytes (the next one), the end itself
    return readEvents == dataEvent ? 0 : -1;
  }
}
