package com.anthropic.tool.client.internal;

import com.anthropic.tool.client.http.Attempt;
import com.anthropic.tool.client.http.HttpCall;
import com.anthropic.tool.client.http.HttpObserver;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One span per HTTP call, named {@code anthropic.http}, with method, path, status, attempts and
 * duration_ms, and an {@code attempt} event per attempt. A no-op unless the application installs an
 * OpenTelemetry SDK or agent.
 */
public final class OtelObserver implements HttpObserver {
  static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
  static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("anthropic.attempts");
  static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("anthropic.attempt");
  static final AttributeKey<Long> DURATION = AttributeKey.longKey("duration_ms");
  static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("anthropic.request_id");
  static final AttributeKey<String> ERROR = AttributeKey.stringKey("error.type");

  /** The instrumentation scope name of the spans. */
  public static final String INSTRUMENTATION = "anthropic-cli";

  private final Tracer tracer; // null: no OpenTelemetry present, nothing to record
  private final Map<HttpCall, Open> open = new IdentityHashMap<>();

  private record Open(Span span, long startNanos) {}

  public OtelObserver(Tracer tracer) {
    this.tracer = tracer;
  }

  /**
   * Uses the globally registered OpenTelemetry (a no-op when none is installed). When neither an
   * OpenTelemetry SDK nor the Java agent is on the class path, nothing can be installed, and {@link
   * GlobalOpenTelemetry} is not touched at all: its first use starts java.util.logging, about 20 ms
   * of a command line's start-up.
   */
  public static OtelObserver global() {
    return new OtelObserver(otelPresent() ? GlobalOpenTelemetry.getTracer(INSTRUMENTATION) : null);
  }

  private static boolean otelPresent() {
    return present("io.opentelemetry.sdk.OpenTelemetrySdk")
        || present("io.opentelemetry.javaagent.bootstrap.AgentInitializer")
        || present("io.opentelemetry.javaagent.OpenTelemetryAgent");
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, OtelObserver.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  @Override
  public synchronized void attemptStarted(HttpCall call, int attempt) {
    if (tracer == null) {
      return;
    }
    if (attempt == 1) {
      Span span =
          tracer
              .spanBuilder("anthropic.http")
              .setSpanKind(SpanKind.CLIENT)
              .setAttribute(METHOD, call.method())
              .setAttribute(PATH, call.path())
              .startSpan();
      open.put(call, new Open(span, System.nanoTime()));
    }
  }

  @Override
  public synchronized void attemptEnded(Attempt a) {
    HttpCall call = a.call();
    int attempt = a.number();
    int status = a.status();
    Throwable error = a.error();
    Open o = open.get(call);
    if (o == null) {
      return;
    }
    var attrs =
        Attributes.builder().put(ATTEMPT, (long) attempt).put(DURATION, a.elapsed().toMillis());
    if (status > 0) {
      attrs.put(STATUS, (long) status);
    }
    if (error != null) {
      attrs.put(ERROR, error.getClass().getSimpleName());
    }
    o.span().addEvent("attempt", attrs.build());
    if (!a.willRetry()) {
      open.remove(call);
      Span span = o.span();
      if (status > 0) {
        span.setAttribute(STATUS, (long) status);
      }
      if (a.requestId() != null) {
        span.setAttribute(REQUEST_ID, a.requestId());
      }
      span.setAttribute(ATTEMPTS, (long) attempt);
      span.setAttribute(DURATION, Duration.ofNanos(System.nanoTime() - o.startNanos()).toMillis());
      if (error != null || status >= 400) {
        span.setStatus(StatusCode.ERROR);
      }
      span.end();
    }
  }
}
