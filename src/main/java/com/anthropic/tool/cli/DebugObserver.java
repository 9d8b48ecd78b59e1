package com.anthropic.tool.cli;

import com.anthropic.tool.client.http.Attempt;
import com.anthropic.tool.client.http.HttpCall;
import com.anthropic.tool.client.http.HttpObserver;
import com.anthropic.tool.text.ControlChars;
import java.io.PrintWriter;
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
          .append(ControlChars.visible(redact(h.getKey(), h.getValue())));
    }
    synchronized (err) {
      err.println(sb);
      err.flush();
    }
  }

  @Override
  public void attemptEnded(Attempt a) {
    HttpCall call = a.call();
    // a server's words (a status text, a request id) never drive the terminal
    String outcome = ControlChars.visible(a.outcome());
    if (debug) {
      StringBuilder sb = new StringBuilder("debug: < ");
      sb.append(call.method()).append(' ').append(call.path()).append(' ').append(outcome);
      sb.append(" in ").append(a.elapsed().toMillis()).append(" ms");
      if (a.requestId() != null) {
        sb.append(", request-id ").append(ControlChars.visible(a.requestId()));
      }
      synchronized (err) {
        err.println(sb);
        err.flush();
      }
    }
    if (a.willRetry()) {
      synchronized (err) {
        err.printf(
            Locale.ROOT,
            "retrying: %s %s got %s; attempt %d in %.1f s%n",
            call.method(),
            call.path(),
            outcome,
            a.number() + 1,
            a.retryDelay().toMillis() / 1000.0);
        err.flush();
      }
    }
  }
}
