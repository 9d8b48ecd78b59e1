package com.anthropic.tool.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback socket server that misbehaves on purpose: it reads each request and then runs a script
 * (answer part of a response, close, or say nothing at all). Each request is recorded ({@link
 * #recorded()}); a {@link Router} picks the script per request, so one server can answer a batch
 * normally and fail its results, or fail twice and then succeed. Over TLS with {@link #tls}.
 * Scripts for whole responses and faults are in {@link Faults}.
 */
public final class RawServer implements AutoCloseable {
  /** One request as it arrived. */
  public record Request(String method, String path, String head, String body) {}

  /** Picks the script for a request: {@code n} is its 1-based number among those to its path. */
  @FunctionalInterface
  public interface Router {
    Script route(Request request, int n);
  }

  /** What to do with one accepted connection after its request was read. */
  @FunctionalInterface
  public interface Script {
    void run(Socket socket) throws IOException;
  }

  private final ServerSocket server;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final List<Request> recorded = new CopyOnWriteArrayList<>();
  private final java.util.Map<String, AtomicInteger> perPath =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Thread thread;
  private final boolean secure;

  public RawServer(Script script) throws IOException {
    this((r, n) -> script);
  }

  public RawServer(Router router) throws IOException {
    this(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), router);
  }

  /** Serves on a given (for example TLS) server socket. */
  public RawServer(ServerSocket socket, Router router) {
    server = socket;
    secure = socket instanceof javax.net.ssl.SSLServerSocket;
    thread =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                Socket s;
                try {
                  s = server.accept();
                } catch (IOException e) {
                  continue; // closed (the loop ends) or a failed accept
                }
                connections.incrementAndGet();
                open.add(s);
                Thread t = new Thread(() -> serve(s, router), "raw-server-conn");
                t.setDaemon(true);
                t.start();
              }
            },
            "raw-server");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * A TLS server whose certificate nobody trusts: a self-signed one made for this test with the
   * JDK's keytool, so a client must refuse the handshake.
   */
  public static RawServer tls(java.nio.file.Path dir, Router router) throws Exception {
    java.nio.file.Path store = dir.resolve("self-signed.p12");
    char[] pass = "changeit".toCharArray();
    if (!java.nio.file.Files.exists(store)) {
      String keytool =
          java.nio.file.Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
      Process p =
          new ProcessBuilder(
                  keytool,
                  "-genkeypair",
                  "-alias",
                  "test",
                  "-keyalg",
                  "EC",
                  "-dname",
                  "CN=localhost",
                  "-ext",
                  "SAN=ip:127.0.0.1",
                  "-validity",
                  "2",
                  "-storetype",
                  "PKCS12",
                  "-keystore",
                  store.toString(),
                  "-storepass",
                  "changeit")
              .redirectErrorStream(true)
              .start();
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IOException("keytool failed: " + log);
      }
    }
    java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
    try (InputStream in = java.nio.file.Files.newInputStream(store)) {
      ks.load(in, pass);
    }
    javax.net.ssl.KeyManagerFactory kmf =
        javax.net.ssl.KeyManagerFactory.getInstance(
            javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, pass);
    javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    ServerSocket ss =
        ctx.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    return new RawServer(ss, router);
  }

  private void serve(Socket s, Router router) {
    try {
      Request r = readRequest(s.getInputStream());
      if (r == null) {
        s.close();
        return;
      }
      recorded.add(r);
      requests.incrementAndGet();
      int n = perPath.computeIfAbsent(r.path(), k -> new AtomicInteger()).incrementAndGet();
      router.route(r, n).run(s);
    } catch (IOException e) {
      // closed, a failed handshake, or the client went away
    }
  }

  /** Writes a head and part of a body, then closes the connection. */
  public static Script headThenClose(int status, String partialBody) {
    return s -> {
      String head =
          "HTTP/1.1 "
              + status
              + " X\r\nContent-Type: application/json\r\nrequest-id: req_raw\r\nContent-Length: "
              + (partialBody.length() + 100)
              + "\r\n\r\n";
      s.getOutputStream().write((head + partialBody).getBytes(StandardCharsets.UTF_8));
      s.getOutputStream().flush();
      s.close();
    };
  }

  /** Writes a head and part of a body, then goes silent with the connection open. */
  public static Script headThenSilence(String partialBody) {
    return s -> {
      String head =
          "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
              + (partialBody.length() + 100)
              + "\r\n\r\n";
      s.getOutputStream().write((head + partialBody).getBytes(StandardCharsets.UTF_8));
      s.getOutputStream().flush();
    };
  }

  /** Accepts and never answers. */
  public static Script silent() {
    return s -> {};
  }

  /** Closes the connection without answering. */
  public static Script hangUp() {
    return Socket::close;
  }

  private static Request readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      head.write(c);
      String h = head.toString(StandardCharsets.ISO_8859_1);
      if (h.endsWith("\r\n\r\n")) {
        int length = 0;
        for (String line : h.split("\r\n")) {
          if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(15).strip());
          }
        }
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        String[] first = h.substring(0, h.indexOf("\r\n")).split(" ");
        String path = first.length > 1 ? first[1].split("\\?")[0] : "";
        return new Request(first[0], path, h, body);
      }
    }
    return null;
  }

  public String baseUrl() {
    return (secure ? "https" : "http") + "://127.0.0.1:" + server.getLocalPort();
  }

  public int requests() {
    return requests.get();
  }

  /** Connections accepted so far (a failed TLS handshake counts, though no request is read). */
  public int connections() {
    return connections.get();
  }

  /** Requests to a path so far. */
  public int requests(String path) {
    AtomicInteger n = perPath.get(path);
    return n == null ? 0 : n.get();
  }

  /** Every request so far, in arrival order. */
  public List<Request> recorded() {
    return List.copyOf(recorded);
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
