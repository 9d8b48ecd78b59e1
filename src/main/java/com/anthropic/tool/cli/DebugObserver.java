package com.anthropic.tool.cli;

import com.anthropic.tool.client.http.HttpCall;
import com.anthropic.tool.client.http.HttpObserver;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Writes retry notices (always) and, with --debug, every attempt with its headers, credentials
 * redacted, to stderr.
 */
final class DebugObserver implements HttpObserver {
  private final PrintWriter err;
  private final boolean debug;

  DebugObserver(PrintWriter err, boolean debug) {
    this.err = err;
    this.debug = debug;
  }

  static String redact(String name, String value) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.contains("key")
        || n.contains("auth")
        || n.contains("token")
        || n.contains("secret")
        || n.contains("cookie")) {
      return "<redacted>";
    }
    return value;
  }

  @Override
  public void attemptStarted(HttpCall call, int attempt) {
    if (!debug) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    sb.append("debug: > ").append(call.method()).append(' ').append(call.url());
    sb.append(" (attempt ").append(attempt).append(')');
    for (Map.Entry<String, String> h : call.headers()) {
      sb.append(System.lineSeparator())
          .append("debug: > ")
          .append(h.getKey())
          .append(": ")
          .append(redact(h.getKey(), h.getValue()));
    }
    synchronized (err) {
      err.println(sb);
      err.flush();
    }
  }

  @Override
  public void attemptEnded(
      HttpCall call,
      int attempt,
      int status,
      String requestId,
      Throwable error,
      Duration elapsed,
      Duration retryDelay) {
    String outcome =
        status > 0 ? "HTTP " + status : (error == null ? "no response" : error.getMessage());
    if (debug) {
      StringBuilder sb = new StringBuilder("debug: < ");
      sb.append(call.method()).append(' ').append(call.path()).append(' ').append(outcome);
      sb.append(" in ").append(elapsed.toMillis()).append(" ms");
      if (requestId != null) {
        sb.append(", request-id ").append(requestId);
      }
      synchronized (err) {
        err.println(sb);
        err.flush();
      }
    }
    if (retryDelay != null) {
      synchronized (err) {
        err.printf(
            Locale.ROOT,
            "retrying: %s %s got %s; attempt %d in %.1f s%n",
            call.method(),
            call.path(),
            outcome,
            attempt + 1,
            retryDelay.toMillis() / 1000.0);
        err.flush();
      }
    }
  }
}
