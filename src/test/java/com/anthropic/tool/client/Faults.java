package com.anthropic.tool.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scripts for {@link RawServer}: whole responses written byte for byte, and the ways a network or a
 * server fails (resets, early FINs, stalls, cut chunked bodies). Every response carries {@code
 * Connection: close} and the connection ends with the script, so no request waits on a kept-alive
 * socket.
 */
public final class Faults {
  public static final String REQUEST_ID = "req_fault_0123456789";

  private Faults() {}

  /** A response head; {@code length} -1 means chunked. */
  public static byte[] head(int status, Map<String, String> headers, long length) {
    StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
    headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
    sb.append(length < 0 ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n");
    sb.append("Connection: close\r\n\r\n");
    return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Content type and request id, then the extra headers. */
  public static Map<String, String> headers(String contentType, String... extra) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", contentType);
    h.put("request-id", REQUEST_ID);
    for (int i = 0; i + 1 < extra.length; i += 2) {
      h.put(extra[i], extra[i + 1]);
    }
    return h;
  }

  public static byte[] chunk(byte[] data) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    b.writeBytes(data);
    b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    return b.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      b.writeBytes(p);
    }
    return b.toByteArray();
  }

  private static void write(Socket s, byte[] bytes) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(bytes);
    out.flush();
  }

  private static void reset(Socket s) throws IOException {
    s.setSoLinger(true, 0);
    s.close();
  }

  /** A complete response with a Content-Length body. */
  public static RawServer.Script respond(int status, Map<String, String> headers, byte[] body) {
    return s -> {
      write(s, concat(head(status, headers, body.length), body));
      s.close();
    };
  }

  public static RawServer.Script json(int status, String body, String... extraHeaders) {
    return respond(
        status, headers("application/json", extraHeaders), body.getBytes(StandardCharsets.UTF_8));
  }

  /** A complete chunked response: one chunk, then the terminator. */
  public static RawServer.Script chunked(int status, Map<String, String> headers, byte[] body) {
    return s -> {
      write(
          s,
          concat(
              head(status, headers, -1),
              chunk(body),
              "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
      s.close();
    };
  }

  /** A whole event stream. */
  public static RawServer.Script sse(String events) {
    return chunked(
        200, headers("text/event-stream; charset=utf-8"), events.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The head and {@code data} of a chunked body and then FIN, in one write: the connection drops
   * with the data (no terminating chunk).
   */
  public static RawServer.Script dataThenFin(Map<String, String> headers, byte[] data) {
    return s -> {
      write(s, concat(head(200, headers, -1), data.length == 0 ? data : chunk(data)));
      s.shutdownOutput();
      s.close();
    };
  }

  /** As {@link #dataThenFin} but the connection is reset (RST) after the data. */
  public static RawServer.Script dataThenReset(Map<String, String> headers, byte[] data) {
    return s -> {
      write(s, concat(head(200, headers, -1), data.length == 0 ? data : chunk(data)));
      reset(s);
    };
  }

  /** The head and part of a Content-Length body, then a reset. */
  public static RawServer.Script resetMidBody(int status, String contentType, String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    return s -> {
      write(s, concat(head(status, headers(contentType), b.length), slice(b, b.length / 2)));
      reset(s);
    };
  }

  /** Reads the request, then resets the connection before any response byte. */
  public static RawServer.Script resetBeforeHeaders() {
    return Faults::reset;
  }

  /** Reads the request, then closes (FIN) before any response byte. */
  public static RawServer.Script finBeforeHeaders() {
    return Socket::close;
  }

  /** The head and {@code data} of a chunked body, then silence with the connection open. */
  public static RawServer.Script dataThenStall(Map<String, String> headers, byte[] data) {
    return s -> write(s, concat(head(200, headers, -1), data.length == 0 ? data : chunk(data)));
  }

  /** A response with a big body written as it goes, never held whole in memory. */
  public static RawServer.Script big(
      String contentType, byte[] prefix, byte[] repeated, long times, byte[] suffix) {
    return s -> {
      OutputStream out = new java.io.BufferedOutputStream(s.getOutputStream(), 1 << 16);
      out.write(
          head(
              200,
              headers(contentType),
              prefix.length + (long) repeated.length * times + suffix.length));
      out.write(prefix);
      for (long i = 0; i < times; i++) {
        out.write(repeated);
      }
      out.write(suffix);
      out.flush();
      s.close();
    };
  }

  static byte[] slice(byte[] b, int n) {
    byte[] out = new byte[n];
    System.arraycopy(b, 0, out, 0, n);
    return out;
  }
}
