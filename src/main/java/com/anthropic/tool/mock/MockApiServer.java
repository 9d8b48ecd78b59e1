package com.anthropic.tool.mock;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for the Anthropic API on 127.0.0.1, with deterministic answers in the real wire
 * shapes: Messages (plain and streamed), token counting, models and message batches. Credentials
 * are not checked. See docs/mock-server.md for the answers and the {@code x-mock-*} knobs.
 *
 * <pre>{@code
 * try (MockApiServer mock = MockApiServer.start(0)) {
 *   AnthropicClient client =
 *       AnthropicClient.builder().baseUrl(mock.baseUrl()).apiKey("mock").build();
 *   ...
 * }
 * }</pre>
 */
public final class MockApiServer implements AutoCloseable {
  /** Request header: answer with this HTTP status and the API's error body for it. */
  public static final String STATUS_KNOB = "x-mock-status";

  /** Request header on a batch create: how many fetches of the batch before it has ended. */
  public static final String BATCH_POLLS_KNOB = "x-mock-batch-polls";

  /**
   * Request header on a streamed Messages call: after the first text delta, an {@code error} event
   * of this type (e.g. {@code overloaded_error}) ends the stream.
   */
  public static final String STREAM_ERROR_KNOB = "x-mock-stream-error";

  /**
   * Request header on a Messages call: the mock model calls the request's tool of this name while
   * the last user turn holds no tool result (see docs/mock-server.md).
   */
  public static final String TOOL_USE_KNOB = "x-mock-tool-use";

  /**
   * Request header on a Messages call: answer with exactly this text ({@code \\n} for a newline),
   * streamed in deltas of a few characters.
   */
  public static final String TEXT_KNOB = "x-mock-text";

  /** Request header on a streamed Messages call: milliseconds between text deltas. */
  public static final String PACE_KNOB = "x-mock-pace";

  private static final String BATCHES = "/v1/messages/batches";
  private static final String FILES = "/v1/files";

  private final HttpServer server;
  private final ExecutorService executor;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong messages = new AtomicLong();
  private final MockBatches batches;

  private final MockFiles files;
  private final MockText text;

  private MockApiServer(HttpServer server, ExecutorService executor, Clock clock, MockText text) {
    this.server = server;
    this.text = text;
    this.executor = executor;
    this.batches = new MockBatches(clock);
    this.files = new MockFiles(clock);
  }

  /**
   * Binds 127.0.0.1 on {@code port} (0 for any free port) and starts serving.
   *
   * @throws java.net.BindException (unchecked, as the cause of an UncheckedIOException) when the
   *     port is in use
   */
  public static MockApiServer start(int port) {
    return start(port, List.of(), 0);
  }

  /**
   * Like {@link #start(int)}, answering the first requests with {@code replies} in order and
   * pausing {@code paceMillis} between text deltas (unless a request says otherwise).
   */
  public static MockApiServer start(int port, List<String> replies, long paceMillis) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
    }
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ExecutorService executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "mock-api");
              t.setDaemon(true);
              return t;
            });
    MockApiServer mock =
        new MockApiServer(server, executor, Clock.systemUTC(), new MockText(replies, paceMillis));
    server.createContext("/", mock::handle);
    server.setExecutor(executor);
    server.start();
    return mock;
  }

  /** The replies of a {@code --replies} file: separated by lines holding only {@code ---}. */
  public static List<String> replies(String file) {
    return MockText.parseReplies(file);
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** Blocks until {@link #close()} is called (from another thread). */
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  /** Stops serving; idempotent. */
  @Override
  public void close() {
    if (closed.getCount() > 0) {
      server.stop(0);
      executor.shutdownNow();
      closed.countDown();
    }
  }

  private void handle(HttpExchange ex) {
    String requestId = String.format("req_mock_%06d", requests.incrementAndGet());
    try (ex) {
      ex.getResponseHeaders().set("request-id", requestId);
      try {
        route(ex, requestId);
      } catch (MockError e) {
        sendError(ex, e, requestId);
      } catch (RuntimeException e) {
        sendError(ex, new MockError(500, "api_error", "mock server failure: " + e), requestId);
      }
    } catch (IOException e) {
      // the client went away; nothing to answer
    }
  }

  private void route(HttpExchange ex, String requestId) throws IOException {
    String knob = ex.getRequestHeaders().getFirst(STATUS_KNOB);
    if (knob != null) {
      throw MockError.forStatus(intKnob(STATUS_KNOB, knob, 400, 599));
    }
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getRawPath();
    Map<String, String> query = query(ex.getRequestURI().getRawQuery());
    String base = base(ex);
    if (path.endsWith("/") && path.length() > 1) {
      path = path.substring(0, path.length() - 1);
    }
    if (method.equals("POST") && path.equals("/v1/messages")) {
      messages(ex, body(ex));
    } else if (method.equals("POST") && path.equals("/v1/messages/count_tokens")) {
      JsonObject o = new JsonObject();
      o.addProperty("input_tokens", MockMessages.countTokens(body(ex)));
      sendJson(ex, 200, o);
    } else if (method.equals("GET") && path.equals("/v1/models")) {
      sendJson(ex, 200, MockModels.list(query));
    } else if (method.equals("GET") && path.startsWith("/v1/models/")) {
      sendJson(ex, 200, MockModels.get(segment(path, "/v1/models/")));
    } else if (path.equals(BATCHES)) {
      if (method.equals("POST")) {
        String polls = ex.getRequestHeaders().getFirst(BATCH_POLLS_KNOB);
        int n = polls == null ? 1 : intKnob(BATCH_POLLS_KNOB, polls, 0, 1000);
        sendJson(ex, 200, batches.create(body(ex), n, base));
      } else if (method.equals("GET")) {
        sendJson(ex, 200, batches.list(query, base));
      } else {
        throw notFound(method, path);
      }
    } else if (path.equals(FILES) || path.startsWith(FILES + "/")) {
      files(ex, method, path, query);
    } else if (path.startsWith(BATCHES + "/")) {
      batch(ex, method, path.substring(BATCHES.length() + 1), base);
    } else {
      throw notFound(method, path);
    }
  }

  private void batch(HttpExchange ex, String method, String rest, String base) throws IOException {
    String[] parts = rest.split("/", -1);
    String id = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
    if (parts.length == 1 && method.equals("GET")) {
      sendJson(ex, 200, batches.get(id, base));
    } else if (parts.length == 1 && method.equals("DELETE")) {
      sendJson(ex, 200, batches.delete(id));
    } else if (parts.length == 2 && parts[1].equals("cancel") && method.equals("POST")) {
      sendJson(ex, 200, batches.cancel(id, base));
    } else if (parts.length == 2 && parts[1].equals("results") && method.equals("GET")) {
      List<String> lines = batches.results(id);
      StringBuilder sb = new StringBuilder();
      for (String line : lines) {
        sb.append(line).append('\n');
      }
      send(ex, 200, "application/x-jsonl", sb.toString().getBytes(StandardCharsets.UTF_8));
    } else {
      throw notFound(method, BATCHES + "/" + rest);
    }
  }

  private void files(HttpExchange ex, String method, String path, Map<String, String> query)
      throws IOException {
    MockFiles.requireBeta(ex.getRequestHeaders().getFirst("anthropic-beta"));
    String[] parts =
        path.equals(FILES) ? new String[0] : path.substring(FILES.length() + 1).split("/", -1);
    String id = parts.length == 0 ? null : URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
    if (parts.length == 0 && method.equals("POST")) {
      byte[] body = ex.getRequestBody().readAllBytes();
      sendJson(ex, 200, files.upload(ex.getRequestHeaders().getFirst("content-type"), body));
    } else if (parts.length == 0 && method.equals("GET")) {
      sendJson(ex, 200, files.list(query));
    } else if (parts.length == 1 && method.equals("GET")) {
      sendJson(ex, 200, files.get(id).metadata());
    } else if (parts.length == 1 && method.equals("DELETE")) {
      sendJson(ex, 200, files.delete(id));
    } else if (parts.length == 2 && parts[1].equals("content") && method.equals("GET")) {
      MockFiles.Stored f = files.get(id);
      send(ex, 200, f.metadata().get("mime_type").getAsString(), f.content());
    } else {
      throw notFound(method, path);
    }
  }

  /** File ids in a Messages body need the Files beta and a stored file, as with the API. */
  private void checkFileIds(HttpExchange ex, JsonObject body) {
    JsonElement msgs = body.get("messages");
    if (msgs == null || !msgs.isJsonArray()) {
      return;
    }
    for (JsonElement m : msgs.getAsJsonArray()) {
      JsonElement content = m.isJsonObject() ? m.getAsJsonObject().get("content") : null;
      if (content == null || !content.isJsonArray()) {
        continue;
      }
      for (JsonElement b : content.getAsJsonArray()) {
        JsonElement source = b.isJsonObject() ? b.getAsJsonObject().get("source") : null;
        if (source != null
            && source.isJsonObject()
            && "file".equals(str(source.getAsJsonObject(), "type"))) {
          MockFiles.requireBeta(ex.getRequestHeaders().getFirst("anthropic-beta"));
          String id = str(source.getAsJsonObject(), "file_id");
          if (id == null || !files.has(id)) {
            throw MockError.invalid("File not found: " + id);
          }
        }
      }
    }
  }

  private static String str(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
  }

  private void messages(HttpExchange ex, JsonObject body) throws IOException {
    checkFileIds(ex, body);
    MockMessages.Answer answer =
        MockMessages.answer(body, ex.getRequestHeaders().getFirst(TOOL_USE_KNOB));
    long pace = text.pace(ex.getRequestHeaders().getFirst(PACE_KNOB));
    String given = text.next(ex.getRequestHeaders().getFirst(TEXT_KNOB));
    if (given != null) {
      answer = MockMessages.withText(answer, MockText.deltas(given));
    }
    String id = String.format("msg_mock_%06d", messages.incrementAndGet());
    JsonElement stream = body.get("stream");
    if (stream != null && stream.isJsonPrimitive() && stream.getAsBoolean()) {
      ex.getResponseHeaders().set("content-type", "text/event-stream; charset=utf-8");
      ex.getResponseHeaders().set("cache-control", "no-cache");
      rateLimitHeaders(ex);
      ex.sendResponseHeaders(200, 0);
      String failWith = ex.getRequestHeaders().getFirst(STREAM_ERROR_KNOB);
      OutputStream out = ex.getResponseBody();
      boolean first = true;
      for (JsonObject event : MockMessages.events(id, answer)) {
        boolean delta = event.get("type").getAsString().equals("content_block_delta");
        if (delta && !first && pace > 0) {
          pause(pace);
        }
        first &= !delta;
        writeEvent(out, event);
        if (failWith != null && event.get("type").getAsString().equals("content_block_delta")) {
          JsonObject inner = new JsonObject();
          inner.addProperty("type", failWith.strip());
          inner.addProperty("message", "mock stream error requested by " + STREAM_ERROR_KNOB);
          JsonObject error = new JsonObject();
          error.addProperty("type", "error");
          error.add("error", inner);
          writeEvent(out, error);
          break;
        }
      }
      out.close();
    } else {
      rateLimitHeaders(ex);
      sendJson(ex, 200, MockMessages.message(id, answer));
    }
  }

  /** A pause between deltas, on this request's own thread (other requests go on meanwhile). */
  private static void pause(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("mock server stopping", e);
    }
  }

  private static void writeEvent(OutputStream out, JsonObject event) throws IOException {
    String frame = "event: " + event.get("type").getAsString() + "\ndata: " + event + "\n\n";
    out.write(frame.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void rateLimitHeaders(HttpExchange ex) {
    ex.getResponseHeaders().set("anthropic-ratelimit-requests-limit", "4000");
    ex.getResponseHeaders().set("anthropic-ratelimit-requests-remaining", "3999");
  }

  private static MockError notFound(String method, String path) {
    return MockError.notFound("Not found: " + method + " " + path);
  }

  private static int intKnob(String name, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw MockError.invalid(
        name + " must be a number from " + min + " to " + max + ", got '" + value + "'");
  }

  private static String segment(String path, String prefix) {
    String s = path.substring(prefix.length());
    if (s.isEmpty() || s.contains("/")) {
      throw notFound("GET", path);
    }
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String base(HttpExchange ex) {
    String host = ex.getRequestHeaders().getFirst("host");
    if (host == null || host.isBlank()) {
      host = "127.0.0.1:" + ex.getLocalAddress().getPort();
    }
    return "http://" + host;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      q.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return q;
  }

  private static JsonObject body(HttpExchange ex) throws IOException {
    String text = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    JsonElement e;
    try {
      e = JsonParser.parseString(text);
    } catch (RuntimeException bad) {
      throw MockError.invalid("The request body is not valid JSON: " + rootMessage(bad));
    }
    if (e == null || !e.isJsonObject()) {
      throw MockError.invalid("The request body must be a JSON object");
    }
    return e.getAsJsonObject();
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null) {
      c = c.getCause();
    }
    // Gson's own advice ("Use JsonReader.setStrictness...", a Troubleshooting link) is not ours
    String m = String.valueOf(c.getMessage());
    int see = m.indexOf("\nSee ");
    if (see >= 0) {
      m = m.substring(0, see);
    }
    return m.replace(
            "Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON",
            "malformed")
        .strip();
  }

  private static void sendError(HttpExchange ex, MockError e, String requestId) throws IOException {
    JsonObject inner = new JsonObject();
    inner.addProperty("type", e.type());
    inner.addProperty("message", e.getMessage());
    JsonObject o = new JsonObject();
    o.addProperty("type", "error");
    o.add("error", inner);
    o.addProperty("request_id", requestId);
    if (e.status() == 429) {
      ex.getResponseHeaders().set("retry-after", "1");
    }
    sendJson(ex, e.status(), o);
  }

  private static void sendJson(HttpExchange ex, int status, JsonObject body) throws IOException {
    send(ex, status, "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange ex, int status, String type, byte[] bytes)
      throws IOException {
    ex.getResponseHeaders().set("content-type", type);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
