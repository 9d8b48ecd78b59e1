package com.anthropic.tool.client;

import com.anthropic.tool.client.error.ApiException;
import com.anthropic.tool.client.error.InvalidRequestException;
import com.anthropic.tool.client.error.InvalidResponseException;
import com.anthropic.tool.client.error.MissingCredentialsException;
import com.anthropic.tool.client.http.FileBody;
import com.anthropic.tool.client.http.HttpCall;
import com.anthropic.tool.client.http.HttpObserver;
import com.anthropic.tool.client.http.RetryPolicy;
import com.anthropic.tool.client.http.Sleeper;
import com.anthropic.tool.client.internal.ApacheTransport;
import com.anthropic.tool.client.internal.BoundedBody;
import com.anthropic.tool.client.internal.HttpTransport;
import com.anthropic.tool.client.internal.IoFailures;
import com.anthropic.tool.client.internal.OtelObserver;
import com.anthropic.tool.client.internal.RawResponse;
import com.anthropic.tool.client.internal.RetryingTransport;
import com.anthropic.tool.client.internal.StreamRetry;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.model.TokenCount;
import com.anthropic.tool.client.stream.MessageStream;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * The entry point of the library: one client per configuration, safe to share between threads.
 * Every call takes optional {@link CallOptions} (retries, timeout, headers, betas for that call).
 *
 * <pre>{@code
 * try (AnthropicClient client = AnthropicClient.fromEnv()) {
 *   MessagesRequest request = MessagesRequest.builder(
 *       "claude-sonnet-4-6", List.of(MessageParam.user("Hi")), 256).build();
 *   Message m = client.messages(request);
 *   out.println(m.text());
 *
 *   // the same request, once, with a longer timeout
 *   client.messages(request, CallOptions.builder().noRetries().timeout(Duration.ofMinutes(5)).build());
 * }
 * }</pre>
 */
public final class AnthropicClient implements AutoCloseable {
  /** The default API base URL. */
  public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";

  /** The default {@code anthropic-version} header. */
  public static final String DEFAULT_API_VERSION = "2023-06-01";

  /**
   * The API's limit on a {@code /v1/messages} or {@code count_tokens} request body: larger requests
   * are refused before sending ({@link InvalidRequestException} naming the size and the limit).
   */
  public static final long MAX_REQUEST_BYTES = 32L * 1024 * 1024;

  private final ClientOptions options;
  private final RetryPolicy policy;
  private final RetryingTransport transport;
  private final Sleeper sleeper;
  private final Models models = new Models(this);
  private final Batches batches = new Batches(this);
  private final Files files = new Files(this);

  private AnthropicClient(
      ClientOptions options,
      HttpTransport raw,
      HttpObserver observer,
      Sleeper sleeper,
      Clock clock,
      DoubleSupplier random) {
    this.options = options;
    this.policy = options.retryPolicy().inheritFrom(RetryPolicy.defaults());
    this.sleeper = sleeper;
    this.transport = new RetryingTransport(raw, sleeper, clock, random, observer);
  }

  /** A client configured from the process environment (see {@link Builder#fromEnv}). */
  public static AnthropicClient fromEnv() {
    return builder().fromEnv(System.getenv()).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts setting up TLS (trust store, JSSE) on a background thread, so that the first https
   * connection of a client built later does not wait for it. For a command line that knows early
   * that it will call an https URL; harmless to call more than once, and never needed for
   * correctness.
   */
  public static void prewarmTls() {
    ApacheTransport.prewarmTls();
  }

  /** The resolved options this client runs with. */
  public ClientOptions options() {
    return options;
  }

  /** Same as {@link #messages(MessagesRequest, CallOptions)} with the client's options. */
  public Message messages(MessagesRequest request) {
    return messages(request, CallOptions.none());
  }

  /**
   * Sends one non-streaming {@code POST /v1/messages}.
   *
   * @throws InvalidRequestException when the request is marked for streaming
   * @throws ApiException when the API answers with an error after the retries
   */
  public Message messages(MessagesRequest request, CallOptions call) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(call, "call");
    if (request.stream()) {
      throw new InvalidRequestException(
          "messages() takes a non-streaming request; use messagesStream() for stream: true");
    }
    Duration timeout = call.timeout().orElse(max(options.timeout(), request.expectedDuration()));
    return read(
        json("POST", "/v1/messages", requestBody(request.toJson()), timeout, call),
        WireShapes::message);
  }

  /** Same as {@link #countTokens(MessagesRequest, CallOptions)} with the client's options. */
  public TokenCount countTokens(MessagesRequest request) {
    return countTokens(request, CallOptions.none());
  }

  /**
   * Counts the input tokens of a request ({@code POST /v1/messages/count_tokens}). Only the fields
   * that endpoint accepts are sent: {@code max_tokens}, {@code stream} and the sampling options are
   * left out.
   *
   * <pre>{@code
   * long n = client.countTokens(request).inputTokens();
   * }</pre>
   */
  public TokenCount countTokens(MessagesRequest request, CallOptions call) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(call, "call");
    JsonObject full = request.toJson();
    JsonObject body = new JsonObject();
    for (String key : COUNT_TOKENS_FIELDS) {
      if (full.has(key)) {
        body.add(key, full.get(key));
      }
    }
    JsonObject answer =
        json(
            "POST",
            "/v1/messages/count_tokens",
            requestBody(body),
            call.timeout().orElse(options.timeout()),
            call);
    return read(answer, TokenCount::fromJson);
  }

  /** The fields of CountMessageTokensParams in the OpenAPI spec (additionalProperties: false). */
  private static final List<String> COUNT_TOKENS_FIELDS =
      List.of(
          "model",
          "messages",
          "system",
          "tools",
          "tool_choice",
          "thinking",
          "cache_control",
          "output_config");

  /** The models resource: {@code list}, {@code listAll}, {@code get}. */
  public Models models() {
    return models;
  }

  /** The Files API (beta): upload, list, get, download, delete. */
  public Files files() {
    return files;
  }

  /** The message batches resource. */
  public Batches batches() {
    return batches;
  }

  /** Same as {@link #messagesStream(MessagesRequest, CallOptions)} with the client's options. */
  public MessageStream messagesStream(MessagesRequest request) {
    return messagesStream(request, CallOptions.none());
  }

  /**
   * Sends {@code POST /v1/messages} with {@code stream: true} (forced, whatever the request says)
   * and returns the stream once the response head has arrived. The timeout is the longest silence
   * allowed between bytes of the stream, not a cap on its length. A stream that fails with a
   * retryable error before its first content is sent again under the retry policy.
   *
   * <pre>{@code
   * try (MessageStream stream = client.messagesStream(request)) {
   *   for (StreamEvent e : stream) {
   *     if (e instanceof StreamEvent.ContentBlockDelta d && d.delta() instanceof Delta.Text t) {
   *       out.print(t.text());
   *     }
   *   }
   * }
   * }</pre>
   *
   * @throws ApiException when the API answers with an error status after the retries
   */
  public MessageStream messagesStream(MessagesRequest request, CallOptions callOptions) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(callOptions, "callOptions");
    JsonObject body = request.toJson();
    body.addProperty("stream", true);
    HttpCall call =
        call(
            "POST",
            url("/v1/messages"),
            requestBody(body),
            callOptions.timeout().orElse(options.timeout()),
            callOptions,
            true);
    return MessageStream.open(
        new StreamRetry(
            transport,
            call,
            callOptions.retryPolicy(policy),
            response -> eventStream(checked(response))));
  }

  /**
   * A stream request answered 2xx with something other than an event stream (a JSON body, a proxy's
   * page) fails at once, is not retried, and names the status and the content type.
   */
  private static RawResponse eventStream(RawResponse response) {
    String type = response.headers().first("content-type").orElse("");
    if (!type.isBlank() && !type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
      response.close();
      throw new InvalidResponseException(
          "the API answered a streaming request with HTTP "
              + response.status()
              + " and content-type "
              + type.strip()
              + ", not an event stream"
              + response
                  .headers()
                  .first("request-id")
                  .map(id -> " (request-id " + id + ")")
                  .orElse(""));
    }
    return response;
  }

  Sleeper sleeper() {
    return sleeper;
  }

  /**
   * Sends a call and returns the response once its head has arrived; an error status becomes an
   * {@link ApiException}. The caller must close the response.
   *
   * @param url an absolute URL (see {@link #url})
   * @param body the body, or null
   */
  RawResponse send(
      String method,
      String url,
      byte[] body,
      Duration timeout,
      CallOptions callOptions,
      boolean streaming) {
    HttpCall call = call(method, url, body, timeout, callOptions, streaming);
    return checked(transport.send(call, callOptions.retryPolicy(policy)));
  }

  /** Like {@link #send} with a body streamed from a file (an upload). */
  RawResponse send(
      String method, String url, FileBody body, Duration timeout, CallOptions callOptions) {
    HttpCall call =
        new HttpCall(
            method, url, options.requestHeaders(false, callOptions), null, timeout, false, body);
    return checked(transport.send(call, callOptions.retryPolicy(policy)));
  }

  /** GETs a path (query included) and parses the JSON object it answers with. */
  JsonObject getJson(String pathAndQuery) {
    return json("GET", pathAndQuery, null, options.timeout());
  }

  /** Sends a call under the client's options and parses the JSON object it answers with. */
  JsonObject json(String method, String path, byte[] body, Duration timeout) {
    return json(method, path, body, timeout, CallOptions.none());
  }

  /** {@link #json(String, String, byte[], Duration)} with per-call options. */
  JsonObject json(
      String method, String path, byte[] body, Duration timeout, CallOptions callOptions) {
    try (RawResponse response = send(method, url(path), body, timeout, callOptions, false)) {
      return parse(response);
    }
  }

  private HttpCall call(
      String method,
      String url,
      byte[] body,
      Duration timeout,
      CallOptions callOptions,
      boolean streaming) {
    return new HttpCall(
        method, url, options.requestHeaders(streaming, callOptions), body, timeout, streaming);
  }

  private static byte[] requestBody(JsonObject body) {
    return BoundedBody.of(body, MAX_REQUEST_BYTES, "the request body");
  }

  private static RawResponse checked(RawResponse response) {
    int status = response.status();
    if (status >= 300 && status < 400) {
      // redirects are never followed: the key must not travel to where a response points
      response.close();
      String location = response.headers().first("location").orElse(null);
      throw ApiException.of(
          status,
          "redirect",
          location == null
              ? "the API answered with a redirect without a Location; redirects are not followed"
              : "the API answered with a redirect to " + location + "; redirects are not followed",
          response.headers().first("request-id").orElse(null),
          response.headers(),
          "");
    }
    if (status >= 400) {
      // the status is what matters: a body cut off by a dropped connection still makes an
      // ApiException of the right kind, with what did arrive
      String text;
      try {
        text = readWhatArrives(response);
      } finally {
        response.close();
      }
      throw ApiException.fromResponse(response.status(), response.headers(), text);
    }
    return response;
  }

  private static String readWhatArrives(RawResponse response) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    try (InputStream in = response.body()) {
      int n;
      while ((n = in.read(chunk)) >= 0) {
        bytes.write(chunk, 0, n);
      }
    } catch (IOException | RuntimeException cutOff) {
      // keep what arrived before the failure
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * Reads a response body with a model reader; a body of the wrong shape (a count that is not a
   * number, say) is the typed {@link InvalidResponseException}, never the reader's own exception.
   */
  static <T> T read(JsonObject body, java.util.function.Function<JsonObject, T> reader) {
    try {
      return reader.apply(body);
    } catch (IllegalArgumentException e) {
      throw new InvalidResponseException("the API's answer cannot be read: " + e.getMessage(), e);
    }
  }

  static JsonObject parse(RawResponse response) {
    String text;
    try {
      text = response.bodyText();
    } catch (RuntimeException e) {
      throw IoFailures.map(e);
    }
    try {
      return Json.parseObject(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.of(
          response.status(),
          "invalid_response",
          "the API answered with a body that is not a JSON object",
          response.headers().first("request-id").orElse(null),
          response.headers(),
          text);
    }
  }

  /** The absolute URL of a path (query included) under the base URL. */
  String url(String pathAndQuery) {
    String base = options.baseUrl();
    return base.endsWith("/")
        ? base.substring(0, base.length() - 1) + pathAndQuery
        : base + pathAndQuery;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  @Override
  public void close() {
    transport.close();
  }

  /**
   * Collects the configuration; {@link #build()} fails fast on a missing key or a bad URL.
   *
   * <pre>{@code
   * AnthropicClient client = AnthropicClient.builder()
   *     .fromEnv(System.getenv())        // ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL, ...
   *     .timeout(Duration.ofSeconds(30)) // later calls win over the environment
   *     .maxRetries(4)
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private String apiKey;
    private String authToken;
    private String baseUrl = DEFAULT_BASE_URL;
    private String apiVersion = DEFAULT_API_VERSION;
    private final List<String> betas = new ArrayList<>();
    private Duration timeout = Duration.ofSeconds(60);
    private final Map<String, String> headers = new LinkedHashMap<>();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Map<String, String> env = Map.of();
    private HttpObserver observer;
    private io.opentelemetry.api.OpenTelemetry openTelemetry;
    private Sleeper sleeper = Sleeper.system();
    private Clock clock = Clock.systemUTC();
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private Function<ClientOptions, HttpTransport> transportFactory;

    Builder() {}

    /**
     * Reads ANTHROPIC_API_KEY, ANTHROPIC_AUTH_TOKEN, ANTHROPIC_BASE_URL (or ANTHROPIC_API_BASE),
     * ANTHROPIC_API_VERSION, ANTHROPIC_BETA, ANTHROPIC_TIMEOUT_SECS, ANTHROPIC_CUSTOM_HEADERS and
     * the proxy variables from {@code env}. Later builder calls override them.
     */
    public Builder fromEnv(Map<String, String> env) {
      this.env = Map.copyOf(env);
      ClientOptions.readEnv(env, this);
      return this;
    }

    public Builder apiKey(String key) {
      this.apiKey = key;
      return this;
    }

    public Builder authToken(String token) {
      this.authToken = token;
      return this;
    }

    public Builder baseUrl(String url) {
      this.baseUrl = Objects.requireNonNull(url, "url");
      return this;
    }

    public Builder apiVersion(String version) {
      this.apiVersion = Objects.requireNonNull(version, "version");
      return this;
    }

    /** Adds an {@code anthropic-beta} value. */
    public Builder beta(String beta) {
      this.betas.add(Objects.requireNonNull(beta, "beta"));
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    public Builder header(String name, String value) {
      this.headers.put(name, value);
      return this;
    }

    public Builder maxRetries(int n) {
      this.retryPolicy = retryPolicy.withMaxRetries(n);
      return this;
    }

    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Gets every attempt reported (tracing, --debug); spans are always sent to OpenTelemetry. */
    public Builder observer(HttpObserver observer) {
      this.observer = observer;
      return this;
    }

    /**
     * Sends the {@code anthropic.http} spans to this OpenTelemetry instead of the global one (as
     * instrumentation libraries take theirs): for an application that keeps its SDK out of {@code
     * GlobalOpenTelemetry}, or several clients with different exporters.
     */
    public Builder openTelemetry(io.opentelemetry.api.OpenTelemetry openTelemetry) {
      this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
      return this;
    }

    /** Test seam: how retries wait. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Test seam: the clock used for HTTP-date retry-after values. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Test seam: jitter source in [0, 1). */
    public Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * A base URL must be http(s) and must not carry credentials: user-info ({@code user:pass@})
     * would be a secret in every log line and debug dump, so it is refused without being printed.
     */
    private static void checkBaseUrl(String url) {
      int schemeEnd = url.indexOf("://");
      String authority = schemeEnd < 0 ? url : url.substring(schemeEnd + 3);
      int slash = authority.indexOf('/');
      if ((slash < 0 ? authority : authority.substring(0, slash)).contains("@")) {
        throw new InvalidRequestException(
            "the base URL must not carry credentials (user:password@host); give the key with"
                + " --api-key or ANTHROPIC_API_KEY");
      }
      if (!url.startsWith("http://") && !url.startsWith("https://")) {
        throw new InvalidRequestException(
            "base URL must start with http:// or https://, got '" + url + "'");
      }
      if (url.indexOf('?') >= 0 || url.indexOf('#') >= 0) {
        // paths are appended to the base URL: a query would end up in the middle of each one,
        // and it may hold a secret (?key=…), so it is refused without being printed
        throw new InvalidRequestException(
            "the base URL must not carry a query string or a fragment (?… or #…); give the"
                + " API's root, e.g. "
                + DEFAULT_BASE_URL);
      }
      String rest = url.substring(url.indexOf("://") + 3);
      String host = rest.split("[/?#]", 2)[0].replaceFirst(":[0-9]*$", "");
      if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ')) {
        throw new InvalidRequestException("base URL has no valid host, got '" + url + "'");
      }
    }

    /** Test seam: replaces the HTTP transport. */
    Builder transport(Function<ClientOptions, HttpTransport> factory) {
      this.transportFactory = factory;
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws MissingCredentialsException with neither an API key nor an auth token
     */
    public AnthropicClient build() {
      // an empty key or token (e.g. --api-key "") is no credential at all
      if (apiKey != null && apiKey.isBlank()) {
        apiKey = null;
      }
      if (authToken != null && authToken.isBlank()) {
        authToken = null;
      }
      if (apiKey == null && authToken == null) {
        throw new MissingCredentialsException(
            "no API key: set ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN)");
      }
      checkBaseUrl(baseUrl);
      ClientOptions options =
          new ClientOptions(
              apiKey, authToken, baseUrl, apiVersion, betas, timeout, headers, retryPolicy);
      HttpTransport transport =
          transportFactory != null
              ? transportFactory.apply(options)
              : new ApacheTransport(timeout, env);
      HttpObserver obs =
          openTelemetry != null
              ? new OtelObserver(openTelemetry.getTracer(OtelObserver.INSTRUMENTATION))
              : OtelObserver.global();
      if (observer != null) {
        obs = obs.and(observer);
      }
      return new AnthropicClient(options, transport, obs, sleeper, clock, random);
    }
  }
}
