package com.anthropic.tool.client.stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK HttpServer on a random loopback port that answers {@code POST /v1/messages} with scripted,
 * timed SSE: each request runs the next script (the last one repeats), which writes and flushes
 * chunks, waits on latches, or drops the connection.
 */
public final class SseTestServer implements AutoCloseable {
  /** What the server does for one request. */
  @FunctionalInterface
  public interface Script {
    void run(Conn conn) throws Exception;
  }

  /** One response being written. */
  public static final class Conn {
    private final HttpExchange exchange;
    private OutputStream out;

    Conn(HttpExchange exchange) {
      this.exchange = exchange;
    }

    /** Sends the 200 head of an event stream (done by the first {@link #send} if not yet). */
    public Conn begin() throws IOException {
      if (out == null) {
        exchange.getResponseHeaders().add("content-type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().add("request-id", "req_test");
        exchange.sendResponseHeaders(200, 0);
        out = exchange.getResponseBody();
      }
      return this;
    }

    /** Writes text and flushes it onto the wire as one chunk. */
    public Conn send(String text) throws IOException {
      return send(text.getBytes(StandardCharsets.UTF_8));
    }

    public Conn send(byte[] bytes) throws IOException {
      begin();
      out.write(bytes);
      out.flush();
      return this;
    }

    /** Adds a response header (before {@link #begin} or {@link #status}). */
    public Conn header(String name, String value) {
      exchange.getResponseHeaders().add(name, value);
      return this;
    }

    /** Answers with an error status and JSON body. */
    public void status(int code, String body) throws IOException {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("content-type", "application/json");
      exchange.sendResponseHeaders(code, b.length);
      exchange.getResponseBody().write(b);
      exchange.getResponseBody().close();
    }

    /** Blocks until the latch opens (fails the script after 30 s). */
    public Conn await(CountDownLatch latch) throws InterruptedException {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("test latch never opened");
      }
      return this;
    }

    /** Drops the connection mid-body (no terminating chunk). */
    public void drop() {
      throw new DropConnection();
    }

    /**
     * Keeps sending pings until a write fails because the client went away; returns then.
     *
     * @return true when the disconnect was observed
     */
    public boolean pingUntilDisconnected() throws InterruptedException {
      for (int i = 0; i < 3000; i++) {
        try {
          send("event: ping\ndata: {\"type\": \"ping\"}\n\n");
        } catch (IOException gone) {
          return true;
        }
        Thread.sleep(10);
      }
      return false;
    }
  }

  private static final class DropConnection extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Script> scripts;
  private final AtomicInteger requests = new AtomicInteger();
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();

  /** Opens when a script's {@link Conn#pingUntilDisconnected()} saw the client go away. */
  public final CountDownLatch disconnected = new CountDownLatch(1);

  public SseTestServer(Script... scripts) throws IOException {
    this.scripts = List.of(scripts);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A script that sends the whole text in one go. */
  public static Script body(String sse) {
    return c -> c.send(sse);
  }

  /** A script that sends the text and then watches for the client to go away. */
  public Script bodyThenWatch(String sse) {
    return c -> {
      c.send(sse);
      if (c.pingUntilDisconnected()) {
        disconnected.countDown();
      }
    };
  }

  private void handle(HttpExchange exchange) throws IOException {
    int n = requests.getAndIncrement();
    bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    Script script = scripts.get(Math.min(n, scripts.size() - 1));
    try {
      script.run(new Conn(exchange));
      exchange.close();
    } catch (DropConnection drop) {
      throw drop; // the JDK server closes the connection without ending the body
    } catch (Exception e) {
      failures.add(e);
      exchange.close();
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Number of requests received. */
  public int requests() {
    return requests.get();
  }

  /** The request bodies received, in order. */
  public List<String> bodies() {
    return bodies;
  }

  /** Exceptions scripts failed with (other than client disconnects they were written for). */
  public List<Throwable> failures() {
    return failures;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
