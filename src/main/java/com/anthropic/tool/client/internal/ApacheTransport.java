package com.anthropic.tool.client.internal;

import com.anthropic.tool.client.http.Headers;
import com.anthropic.tool.client.http.HttpCall;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The transport over Apache HttpClient 5 async: HTTP/2 when TLS negotiates it, HTTP/1.1 otherwise.
 * Bodies flow through a bounded buffer with back-pressure, so a slow reader slows the socket
 * instead of filling the heap.
 */
public final class ApacheTransport implements HttpTransport {
  private static final int BUFFER_BYTES = 256 * 1024;
  private final CloseableHttpAsyncClient client;

  /**
   * Creates and starts the transport.
   *
   * @param connectTimeout the longest wait for a TCP/TLS connection
   * @param env environment for the proxy variables
   */
  public ApacheTransport(Duration connectTimeout, Map<String, String> env) {
    PoolingAsyncClientConnectionManager cm =
        PoolingAsyncClientConnectionManagerBuilder.create()
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(connectTimeout))
                    .setSocketTimeout(Timeout.of(connectTimeout))
                    .build())
            .setDefaultTlsConfig(
                TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.NEGOTIATE).build())
            // TLS is set up on the first https connection, not here (see LazyTlsStrategy)
            .setTlsStrategy(new LazyTlsStrategy())
            .setMaxConnTotal(16)
            .setMaxConnPerRoute(8)
            .build();
    EnvProxyRoutePlanner planner = new EnvProxyRoutePlanner(env);
    var builder =
        HttpAsyncClients.custom()
            .setConnectionManager(cm)
            .setIOReactorConfig(
                IOReactorConfig.custom()
                    .setIoThreadCount(1)
                    .setSelectInterval(selectInterval(connectTimeout))
                    .build())
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableAuthCaching()
            .disableContentCompression()
            // the bytes that arrive together with a connection's end are delivered before it
            .setIoSessionDecorator(DeferredEof::decorate)
            .setUserAgent(null);
    if (planner.hasProxy()) {
      builder.setRoutePlanner(planner);
    }
    this.client = builder.build();
    this.client.start();
  }

  /**
   * How often the I/O reactor wakes to check timeouts: its default of 1 s would let a sub-second
   * timeout pass unnoticed while bytes keep arriving less often than it allows; a quarter of the
   * timeout (at least 10 ms) makes it fire within that margin.
   */
  static TimeValue selectInterval(Duration timeout) {
    long ms = timeout.toMillis();
    return ms >= 1000 ? TimeValue.ofSeconds(1) : TimeValue.ofMilliseconds(Math.max(10, ms / 4));
  }

  /**
   * Starts setting up TLS (trust store, JSSE) on a background thread, so that the first https
   * connection does not wait for it. For a command line that knows early that it will call an https
   * URL; harmless to call more than once.
   */
  public static void prewarmTls() {
    LazyTlsStrategy.prewarm();
  }

  @Override
  public RawResponse send(HttpCall call) {
    AsyncRequestBuilder rb = AsyncRequestBuilder.create(call.method()).setUri(call.url());
    ContentType bodyType = ContentType.APPLICATION_JSON;
    for (Map.Entry<String, String> h : call.headers()) {
      if (h.getKey().equalsIgnoreCase("content-type")) {
        bodyType = ContentType.parse(h.getValue()); // e.g. a multipart upload's boundary
      } else {
        rb.addHeader(h.getKey(), h.getValue());
      }
    }
    if (call.body() != null) {
      rb.setEntity(AsyncEntityProducers.create(call.body(), bodyType));
    } else if (call.fileBody() != null) {
      rb.setEntity(new FileBodyProducer(call.fileBody(), bodyType));
    }
    AsyncRequestProducer producer = rb.build();
    HttpClientContext context = HttpClientContext.create();
    context.setRequestConfig(
        RequestConfig.custom().setResponseTimeout(Timeout.of(call.timeout())).build());
    Exchange exchange = new Exchange();
    if (call.timeout().compareTo(java.time.Duration.ofSeconds(1)) < 0) {
      exchange.buffer.idleLimit(call.timeout()); // the reactor checks only once a second
    }
    Future<Void> future = client.execute(producer, exchange, null, context, exchange);
    exchange.future = future;
    try {
      exchange.head.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw IoFailures.map(e);
    } catch (ExecutionException e) {
      throw IoFailures.map(e.getCause());
    }
    return exchange;
  }

  @Override
  public void close() {
    client.close(CloseMode.IMMEDIATE);
  }

  /** Consumes one response into a bounded buffer that the caller's thread reads. */
  private static final class Exchange
      implements AsyncResponseConsumer<Void>, FutureCallback<Void>, RawResponse {
    final CompletableFuture<Void> head = new CompletableFuture<>();
    final BodyBuffer buffer = new BodyBuffer(BUFFER_BYTES);
    final InputStream body = new BodyStream();
    volatile Future<Void> future;
    volatile Throwable failure;
    volatile boolean ended;
    volatile boolean cancelled;
    volatile FutureCallback<Void> done;
    int status;
    Headers headers = Headers.empty();

    @Override
    public void consumeResponse(
        HttpResponse response,
        EntityDetails entityDetails,
        HttpContext context,
        FutureCallback<Void> resultCallback) {
      status = response.getCode();
      List<Map.Entry<String, String>> pairs = new ArrayList<>();
      for (Header h : response.getHeaders()) {
        pairs.add(Map.entry(h.getName(), h.getValue()));
      }
      headers = Headers.of(pairs);
      done = resultCallback;
      if (entityDetails == null) {
        ended = true;
        buffer.markEndStream();
        resultCallback.completed(null);
      }
      head.complete(null);
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {}

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
      buffer.updateCapacity(capacityChannel);
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
      if (cancelled) {
        // failing the exchange makes the client drop the connection, so the server stops sending
        throw new IOException("response cancelled by the reader");
      }
      buffer.fill(src);
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
      ended = true;
      buffer.markEndStream();
      FutureCallback<Void> cb = done;
      if (cb != null) {
        cb.completed(null);
      }
    }

    @Override
    public void failed(Exception cause) {
      fail(cause);
    }

    private void fail(Throwable cause) {
      if (failure == null && !ended) {
        failure = cause;
      }
      head.completeExceptionally(cause);
      if (cancelled) {
        buffer.abort();
      } else {
        buffer.fail(); // what arrived stays readable; the failure comes after it
      }
    }

    @Override
    public void releaseResources() {}

    // FutureCallback of the whole exchange
    @Override
    public void completed(Void result) {}

    @Override
    public void cancelled() {
      fail(new java.util.concurrent.CancellationException("cancelled"));
    }

    // RawResponse
    @Override
    public int status() {
      return status;
    }

    @Override
    public Headers headers() {
      return headers;
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
    public void close() {
      if (!ended) {
        ended = true;
        cancelled = true;
        Future<Void> f = future;
        if (f != null) {
          f.cancel(true);
        }
        buffer.abort();
      }
    }

    /** Reads the buffer; a failure after the head surfaces as an IOException, never as EOF. */
    private final class BodyStream extends InputStream {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        int n;
        try {
          n = buffer.read(b, off, len);
        } catch (InterruptedIOException aborted) {
          return afterAbort(aborted);
        }
        if (n < 0) {
          check();
        }
        return n;
      }

      /**
       * The buffer was aborted: by a failure of the exchange (an idle timeout, a reset), which is
       * thrown as itself, or by {@link Exchange#close()}, which reads as the end of the body.
       */
      private int afterAbort(InterruptedIOException aborted) throws IOException {
        check();
        if (cancelled) {
          return -1;
        }
        throw aborted;
      }

      @Override
      public int available() {
        return buffer.length();
      }

      private void check() throws IOException {
        Throwable f = failure;
        if (f != null) {
          if (f instanceof IOException) {
            throw (IOException) f;
          }
          throw new IOException(f.getMessage(), f);
        }
      }

      @Override
      public void close() {
        Exchange.this.close();
      }
    }
  }
}
