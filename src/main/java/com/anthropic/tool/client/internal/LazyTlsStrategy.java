package com.anthropic.tool.client.internal;

import java.net.SocketAddress;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.net.NamedEndpoint;
import org.apache.hc.core5.reactor.ssl.TransportSecurityLayer;
import org.apache.hc.core5.util.Timeout;

/**
 * The default client TLS strategy, created on first use instead of when the client is built.
 * Creating it loads the trust store and seeds the JSSE machinery, about 150 ms of CPU on a cold
 * JVM; a call to an {@code http://} URL (a local mock or proxy) never needs it, and a CLI can start
 * it on another thread early with {@link #prewarm()} while it parses its arguments.
 */
final class LazyTlsStrategy implements TlsStrategy {
  private static final Object LOCK = new Object();
  private static volatile TlsStrategy shared;

  static TlsStrategy get() {
    TlsStrategy s = shared;
    if (s == null) {
      synchronized (LOCK) {
        s = shared;
        if (s == null) {
          s = DefaultClientTlsStrategy.createDefault();
          shared = s;
        }
      }
    }
    return s;
  }

  /** Creates the TLS context on a daemon thread; a failure is left for the first real use. */
  static void prewarm() {
    if (shared != null) {
      return;
    }
    Thread t =
        new Thread(
            () -> {
              try {
                get();
              } catch (RuntimeException ignored) {
                // reported by the connection that needs it
              }
            },
            "anthropic-tls-init");
    t.setDaemon(true);
    t.start();
  }

  @Override
  @SuppressWarnings("deprecation")
  public boolean upgrade(
      TransportSecurityLayer sessionLayer,
      HttpHost host,
      SocketAddress localAddress,
      SocketAddress remoteAddress,
      Object attachment,
      Timeout handshakeTimeout) {
    return get()
        .upgrade(sessionLayer, host, localAddress, remoteAddress, attachment, handshakeTimeout);
  }

  @Override
  public void upgrade(
      TransportSecurityLayer sessionLayer,
      NamedEndpoint endpoint,
      Object attachment,
      Timeout handshakeTimeout,
      FutureCallback<TransportSecurityLayer> callback) {
    get().upgrade(sessionLayer, endpoint, attachment, handshakeTimeout, callback);
  }
}
