package com.anthropic.tool.client;

import com.anthropic.tool.client.error.AnthropicException;
import com.anthropic.tool.client.error.ApiException;
import com.anthropic.tool.client.error.InvalidRequestException;
import com.anthropic.tool.client.error.InvalidResponseException;
import com.anthropic.tool.client.error.MissingCredentialsException;
import com.anthropic.tool.client.http.ApacheTransport;
import com.anthropic.tool.client.http.HttpCall;
import com.anthropic.tool.client.http.HttpObserver;
import com.anthropic.tool.client.http.HttpTransport;
import com.anthropic.tool.client.http.IoFailures;
import com.anthropic.tool.client.http.OtelObserver;
import com.anthropic.tool.client.http.RawResponse;
import com.anthropic.tool.client.http.RetryPolicy;
import com.anthropic.tool.client.http.RetryingTransport;
import com.anthropic.tool.client.http.Sleeper;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.model.TokenCount;
import com.anthropic.tool.client.stream.MessageStream;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * The entry point of the library: one client per configuration, safe to share between threads.
 *
 * <pre>{@code
 * try (AnthropicClient client = AnthropicClient.fromEnv()) {
 *   Message m = client.messages(
 *       MessagesRequest.builder("claude-sonnet-4-5", List.of(MessageParam.user("Hi")), 256).build());
 *   out.println(m.text());
 * }
 * }</pre>
 */
public final class AnthropicClient implements AutoCloseable {
  /** The default API base URL. */
  public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";

  /** The default {@code anthropic-version} header. */
  public static final String DEFAULT_API_VERSION = "2023-06-01";

  private final ClientOptions options;
  private final RetryingTransport transport;
  private final Sleeper sleeper;
  private final Models models = new Models(this);
  private final Batches batches = new Batches(this);

  private AnthropicClient(
      ClientOptions options,
      HttpTransport raw,
      HttpObserver observer,
      Sleeper sleeper,
      Clock clock,
      DoubleSupplier random) {
    this.options = options;
    this.sleeper = sleeper;
    this.transport =
        new RetryingTransport(raw, options.retryPolicy(), sleeper, clock, random, observer);
  }

  /** A client configured from the process environment (see {@link Builder#fromEnv}). */
  public static AnthropicClient fromEnv() {
    return builder().fromEnv(System.getenv()).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The resolved options this client runs with. */
  public ClientOptions options() {
    return options;
  }

  /**
   * Sends one non-streaming {@code POST /v1/messages}.
   *
   * @throws InvalidRequestException when the request is marked for streaming
   * @throws ApiException when the API answers with an error after the retries
   */
  public Message messages(MessagesRequest request) {
    Objects.requireNonNull(request, "request");
    if (request.stream()) {
      throw new InvalidRequestException(
          "messages() takes a non-streaming request; use messagesStream() for stream: true");
    }
    Duration timeout = max(options.timeout(), request.expectedDuration());
    return Message.fromJson(
        postJson("/v1/messages", request.toJson(), timeout, request.retryPolicy()));
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
  public TokenCount countTokens(MessagesRequest request) {
    Objects.requireNonNull(request, "request");
    JsonObject full = request.toJson();
    JsonObject body = new JsonObject();
    for (String key : COUNT_TOKENS_FIELDS) {
      if (full.has(key)) {
        body.add(key, full.get(key));
      }
    }
    JsonObject answer =
        postJson("/v1/messages/count_tokens", body, options.timeout(), request.retryPolicy());
    try {
      return TokenCount.fromJson(answer);
    } catch (IllegalArgumentException e) {
      throw new InvalidResponseException(e.getMessage(), e);
    }
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

  /** The message batches resource. */
  public Batches batches() {
    return batches;
  }

  Sleeper sleeper() {
    return sleeper;
  }

  /**
   * Sends a call and returns the response once its head has arrived; an error status becomes an
   * {@link ApiException}. The caller must close the response. For resources built on this client.
   *
   * @param pathAndQuery path under the base URL, e.g. {@code /v1/models?limit=20}
   * @param body JSON body, or null
   * @param retryPolicy override, or null for the client's policy
   */
  public RawResponse send(
      String method,
      String pathAndQuery,
      JsonObject body,
      Duration timeout,
      RetryPolicy retryPolicy,
      boolean streaming) {
    return sendUrl(method, url(pathAndQuery), jsonBody(body), timeout, retryPolicy, streaming);
  }

  private static byte[] jsonBody(JsonObject body) {
    return body == null ? null : Json.write(body).getBytes(StandardCharsets.UTF_8);
  }

  /** POSTs (or any method) a body given as JSON bytes and parses the JSON object it returns. */
  JsonObject callBytes(String method, String path, byte[] body, Duration timeout) {
    try (RawResponse response = sendUrl(method, url(path), body, timeout, null, false)) {
      return parse(response);
    }
  }

  /**
   * Like {@link #send(String, String, JsonObject, Duration, RetryPolicy, boolean)} for a full URL.
   */
  public RawResponse sendAbsolute(
      String method, String absoluteUrl, Duration timeout, RetryPolicy retryPolicy) {
    return sendUrl(method, absoluteUrl, null, timeout, retryPolicy, true);
  }

  /**
   * Sends {@code POST /v1/messages} with {@code stream: true} (forced, whatever the request says)
   * and returns the stream once the response head has arrived. The client's timeout is the longest
   * silence allowed between bytes of the stream, not a cap on its length. A stream that fails with
   * a retryable error before its first content is sent again under the retry policy.
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
  public MessageStream messagesStream(MessagesRequest request) {
    Objects.requireNonNull(request, "request");
    JsonObject body = request.toJson();
    body.addProperty("stream", true);
    HttpCall call =
        new HttpCall(
            "POST",
            url("/v1/messages"),
            options.requestHeaders(true),
            Json.write(body).getBytes(StandardCharsets.UTF_8),
            options.timeout(),
            request.retryPolicy(),
            true);
    RetryPolicy policy = transport.policyFor(call);
    return MessageStream.open(
        new MessageStream.Connector() {
          @Override
          public RawResponse connect(int attemptsSoFar) {
            if (attemptsSoFar == 0) {
              return sendCall(call);
            }
            RetryPolicy left =
                policy.withMaxRetries(Math.max(0, policy.maxRetries() - attemptsSoFar));
            return sendCall(
                new HttpCall(
                    call.method(),
                    call.url(),
                    call.headers(),
                    call.body(),
                    call.timeout(),
                    left,
                    true));
          }

          @Override
          public int maxRetries() {
            return policy.maxRetries();
          }

          @Override
          public void pauseBeforeRetry(int retry, AnthropicException cause) {
            transport.pauseForStreamRetry(call, retry, cause);
          }
        });
  }

  private RawResponse sendUrl(
      String method,
      String url,
      byte[] bytes,
      Duration timeout,
      RetryPolicy retryPolicy,
      boolean streaming) {
    HttpCall call =
        new HttpCall(
            method,
            url,
            options.requestHeaders(streaming),
            bytes,
            timeout == null ? options.timeout() : timeout,
            retryPolicy,
            streaming);
    return sendCall(call);
  }

  private RawResponse sendCall(HttpCall call) {
    RawResponse response = transport.send(call);
    if (response.status() >= 400) {
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
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    try (java.io.InputStream in = response.body()) {
      int n;
      while ((n = in.read(chunk)) >= 0) {
        bytes.write(chunk, 0, n);
      }
    } catch (java.io.IOException | RuntimeException cutOff) {
      // keep what arrived before the failure
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** GET a path and parse the JSON object it returns. */
  public JsonObject getJson(String pathAndQuery) {
    return call("GET", pathAndQuery, null, options.timeout(), null);
  }

  /** POST a JSON body and parse the JSON object it returns. */
  public JsonObject postJson(
      String path, JsonObject body, Duration timeout, RetryPolicy retryPolicy) {
    return call("POST", path, body, timeout, retryPolicy);
  }

  /** Any method with an optional body, returning the parsed JSON object. */
  public JsonObject call(
      String method, String path, JsonObject body, Duration timeout, RetryPolicy retryPolicy) {
    try (RawResponse response = send(method, path, body, timeout, retryPolicy, false)) {
      return parse(response);
    }
  }

  private static JsonObject parse(RawResponse response) {
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

  private String url(String pathAndQuery) {
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

  /** Collects the configuration; {@link #build()} fails fast on a missing key or a bad URL. */
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
      String v;
      if ((v = nonBlank(env.get("ANTHROPIC_API_KEY"))) != null) {
        apiKey = v;
      }
      if ((v = nonBlank(env.get("ANTHROPIC_AUTH_TOKEN"))) != null) {
        authToken = v;
      }
      if ((v = nonBlank(env.get("ANTHROPIC_BASE_URL"))) != null
          || (v = nonBlank(env.get("ANTHROPIC_API_BASE"))) != null) {
        baseUrl = v;
      }
      if ((v = nonBlank(env.get("ANTHROPIC_API_VERSION"))) != null) {
        apiVersion = v;
      }
      if ((v = nonBlank(env.get("ANTHROPIC_BETA"))) != null) {
        for (String b : v.split(",")) {
          if (!b.isBlank()) {
            betas.add(b.strip());
          }
        }
      }
      if ((v = nonBlank(env.get("ANTHROPIC_TIMEOUT_SECS"))) != null) {
        timeout = parseSeconds(v, "ANTHROPIC_TIMEOUT_SECS");
      }
      if ((v = env.get("ANTHROPIC_CUSTOM_HEADERS")) != null) {
        headers.putAll(parseHeaderLines(v));
      }
      return this;
    }

    /** Parses a number of seconds (decimals allowed), naming the source on error. */
    public static Duration parseSeconds(String value, String source) {
      try {
        double s = Double.parseDouble(value.strip());
        if (s <= 0 || Double.isNaN(s) || Double.isInfinite(s)) {
          throw new NumberFormatException();
        }
        return Duration.ofMillis(Math.round(s * 1000));
      } catch (NumberFormatException e) {
        throw new InvalidRequestException(
            source + " must be a positive number of seconds, got '" + value + "'");
      }
    }

    /** Parses {@code Name: value} lines (blank lines and lines without a colon are skipped). */
    public static Map<String, String> parseHeaderLines(String text) {
      Map<String, String> out = new LinkedHashMap<>();
      for (String line : text.split("\\r?\\n")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          out.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
      }
      return out;
    }

    private static String nonBlank(String v) {
      return v == null || v.isBlank() ? null : v.strip();
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

    /** Test seam: replaces the HTTP transport. */
    public Builder transport(Function<ClientOptions, HttpTransport> factory) {
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
      if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
        throw new InvalidRequestException(
            "base URL must start with http:// or https://, got '" + baseUrl + "'");
      }
      ClientOptions options =
          new ClientOptions(
              apiKey, authToken, baseUrl, apiVersion, betas, timeout, headers, retryPolicy);
      HttpTransport transport =
          transportFactory != null
              ? transportFactory.apply(options)
              : new ApacheTransport(timeout, env);
      HttpObserver obs = OtelObserver.global();
      if (observer != null) {
        obs = obs.and(observer);
      }
      return new AnthropicClient(options, transport, obs, sleeper, clock, random);
    }
  }
}
