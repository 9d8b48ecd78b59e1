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
 * (answer part of a response, close, or say nothing at all).
 */
public final class RawServer implements AutoCloseable {
  /** What to do with one accepted connection after its request was read. */
  @FunctionalInterface
  public interface Script {
    void run(Socket socket) throws IOException;
  }

  private final ServerSocket server;
  private final AtomicInteger requests = new AtomicInteger();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final Thread thread;

  public RawServer(Script script) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    thread =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket s = server.accept();
                  open.add(s);
                  readRequest(s.getInputStream());
                  requests.incrementAndGet();
                  script.run(s);
                } catch (IOException e) {
                  // closed or the client went away
                }
              }
            },
            "raw-server");
    thread.setDaemon(true);
    thread.start();
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

  private static void readRequest(InputStream in) throws IOException {
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
        in.readNBytes(length);
        return;
      }
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  public int requests() {
    return requests.get();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
