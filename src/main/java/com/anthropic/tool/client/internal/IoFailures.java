package com.anthropic.tool.client.internal;

import com.anthropic.tool.client.error.AnthropicException;
import com.anthropic.tool.client.error.ApiTimeoutException;
import com.anthropic.tool.client.error.ConnectionException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

/** Turns low-level I/O failures into the library's typed exceptions. */
public final class IoFailures {
  private IoFailures() {}

  /** Maps any failure of a send or a body read to a typed exception. */
  public static AnthropicException map(Throwable t) {
    Throwable cause = t;
    while ((cause instanceof ExecutionException || cause instanceof java.io.UncheckedIOException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof AnthropicException) {
      return (AnthropicException) cause;
    }
    if (isTimeout(cause)) {
      return new ApiTimeoutException(timeoutMessage(cause), cause);
    }
    if (cause instanceof CancellationException) {
      return new ConnectionException("request cancelled", cause);
    }
    return new ConnectionException(describe(cause), cause);
  }

  /** "no data from the server for 0.5 s" rather than HttpCore's "500000000 NANOSECONDS". */
  static String timeoutMessage(Throwable t) {
    String msg = String.valueOf(t.getMessage());
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d+) (NANOSECONDS|MICROSECONDS|MILLISECONDS|SECONDS)")
            .matcher(msg);
    if (m.find()) {
      long amount = Long.parseLong(m.group(1));
      java.util.concurrent.TimeUnit unit = java.util.concurrent.TimeUnit.valueOf(m.group(2));
      double seconds = unit.toMillis(amount) / 1000.0;
      String what =
          t instanceof org.apache.hc.client5.http.ConnectTimeoutException
              ? "could not connect within "
              : "no data from the server for ";
      return what
          + String.format(java.util.Locale.ROOT, "%.3g s", seconds).replaceAll("\\.?0+ s$", " s")
          + " (raise --timeout or ANTHROPIC_TIMEOUT_SECS)";
    }
    return "timed out: " + describe(t);
  }

  private static boolean isTimeout(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SocketTimeoutException
          || c instanceof org.apache.hc.client5.http.ConnectTimeoutException
          || c instanceof java.util.concurrent.TimeoutException
          || (c instanceof InterruptedIOException
              && String.valueOf(c.getMessage())
                  .toLowerCase(java.util.Locale.ROOT)
                  .contains("timeout"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A failed TLS handshake (a certificate nobody trusts, a name that does not match, no common
   * protocol): the same answer comes every time, so it is not retried.
   */
  static boolean isTls(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof javax.net.ssl.SSLException
          || c instanceof java.security.cert.CertificateException) {
        return true;
      }
    }
    return false;
  }

  /** One sentence for a TLS failure, without the JDK's exception class names. */
  private static String describeTls(Throwable t) {
    Throwable last = t;
    StringBuilder all = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      last = c;
      all.append(' ').append(c.getMessage());
    }
    String text = all.toString();
    String why;
    if (text.contains("PKIX") || text.contains("certification path")) {
      why =
          "the server's certificate is not trusted (no certification path to a trusted root; a"
              + " proxy that inspects TLS needs its CA in the Java trust store)";
    } else if (text.contains("subject alternative") || text.contains("No name matching")) {
      why = "the server's certificate does not name this host";
    } else {
      String m = String.valueOf(last.getMessage());
      why = m.replaceAll("[a-z][\\w.]*\\.\\w*(Exception|Error): ", "");
    }
    return "TLS handshake failed: " + why;
  }

  private static String describe(Throwable t) {
    if (isTls(t)) {
      return describeTls(t);
    }
    String msg = t.getMessage();
    if (t instanceof java.net.ConnectException) {
      return "connection refused" + (msg == null ? "" : " (" + msg + ")");
    }
    if (t instanceof java.net.UnknownHostException) {
      return "unknown host " + msg;
    }
    if (t instanceof org.apache.hc.core5.http.ConnectionClosedException) {
      return "connection closed before the response was complete";
    }
    return msg == null || msg.isBlank() ? t.getClass().getSimpleName() : msg;
  }
}
