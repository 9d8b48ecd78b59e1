package com.example.anthropic;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The client's OpenTelemetry spans: one per HTTP call, an event per attempt. */
public final class Tracing {
  /** Keeps the spans that end, for {@link #run} to print. */
  private static final List<SpanData> SPANS = new ArrayList<>();

  private Tracing() {}

  /** Registers an SDK globally; must run before the first client is built. */
  public static void install() {
    SpanExporter exporter = new Keeper(); // in an application: OTLP, logging, ...
    // tag::tracing[]
    OpenTelemetrySdk.builder()
        .setTracerProvider(
            SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build())
        .buildAndRegisterGlobal(); // at start-up, before the first client is built
    // end::tracing[]
  }

  /** A client whose spans go to an OpenTelemetry of its own instead of the global one. */
  static AnthropicClient withOwnOpenTelemetry(SpanExporter exporter) {
    // tag::own-sdk[]
    OpenTelemetrySdk otel =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                    .build())
            .build(); // not registered globally
    AnthropicClient client =
        AnthropicClient.builder().fromEnv(System.getenv()).openTelemetry(otel).build();
    // end::own-sdk[]
    return client;
  }

  public static void run(AnthropicClient client, PrintStream out) {
    synchronized (SPANS) {
      SPANS.clear();
    }
    client.messages(hi());
    print(out, "no span recorded: was Tracing.install() run first?");
    synchronized (SPANS) {
      SPANS.clear();
    }
    try (AnthropicClient own = withOwnOpenTelemetry(new Keeper())) {
      own.countTokens(hi());
    }
    print(out, "no span recorded by the client's own OpenTelemetry");
  }

  private static MessagesRequest hi() {
    return MessagesRequest.builder("claude-sonnet-4-6", List.of(MessageParam.user("Hi")), 64)
        .build();
  }

  private static void print(PrintStream out, String ifNone) {
    synchronized (SPANS) {
      if (SPANS.isEmpty()) {
        throw new IllegalStateException(ifNone);
      }
      for (SpanData s : SPANS) {
        out.println(s.getName() + " " + s.getAttributes().asMap());
        s.getEvents().forEach(e -> out.println("  " + e.getName() + " " + e.getAttributes()));
      }
    }
  }

  private static final class Keeper implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      synchronized (SPANS) {
        SPANS.addAll(spans);
      }
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
