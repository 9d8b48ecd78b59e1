package com.anthropic.tool.mcp;

import com.anthropic.tool.toolbox.ProcessGroups;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * The MCP stdio transport for one server process, started at once (so that a command that cannot
 * run fails here, not later inside a subscription). Differs from the SDK's {@code
 * StdioClientTransport} where a CLI needs it to: the process gets exactly the environment given
 * (the SDK's adds the JVM's, credentials included), its stderr is kept (the last lines, for an
 * error) instead of logged, the end of its stdout is observable (a crash fails the call at once
 * instead of after a timeout), and stopping it kills its whole process tree ({@code npx} starts
 * node as a child).
 */
final class StdioTransport implements McpClientTransport {
  private static final int TAIL_LINES = 20;
  private static final int LINE_LIMIT = 500;

  private final Process process;
  private final McpJsonMapper json;
  private final OutputStream stdin;
  private final Deque<String> tail = new ArrayDeque<>();
  private final CompletableFuture<Void> stdoutEnded = new CompletableFuture<>();
  private final Thread stderrReader;
  private final String name;
  private volatile boolean closing;

  /**
   * Starts the server.
   *
   * @param stderrLines also given every stderr line as it comes (for --trace), or null
   * @throws IOException when the command cannot be run
   */
  StdioTransport(
      List<String> command,
      Map<String, String> env,
      Path dir,
      McpJsonMapper json,
      Consumer<String> stderrLines)
      throws IOException {
    this.json = json;
    this.name = command.get(0);
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    this.process = ProcessGroups.start(pb);
    this.stdin = process.getOutputStream();
    this.stderrReader = daemon(() -> readStderr(stderrLines), "mcp-stderr-" + name);
    stderrReader.start();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private void readStderr(Consumer<String> live) {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String kept = keep(line);
        if (live != null) {
          live.accept(kept);
        }
      }
    } catch (IOException ignored) {
      // the process was stopped
    }
  }

  @Override
  public Mono<Void> connect(
      Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
    return Mono.fromRunnable(() -> daemon(() -> readStdout(handler), "mcp-stdout-" + name).start());
  }

  private void readStdout(
      Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        McpSchema.JSONRPCMessage message;
        try {
          message = McpSchema.deserializeJsonRpcMessage(json, line);
        } catch (IOException | RuntimeException notJsonRpc) {
          keep("(stdout, not JSON-RPC) " + line);
          continue;
        }
        // the session handles a message synchronously: a response completes its call here,
        // before the end of stdout below can be seen
        handler.apply(Mono.just(message)).subscribe(m -> {}, e -> {});
      }
    } catch (IOException ignored) {
      // the process was stopped
    } finally {
      stdoutEnded.complete(null);
    }
  }

  /** Keeps a line (shortened) among the last {@value #TAIL_LINES}; returns what was kept. */
  private String keep(String line) {
    String kept = line.length() > LINE_LIMIT ? line.substring(0, LINE_LIMIT) + "…" : line;
    synchronized (tail) {
      if (tail.size() == TAIL_LINES) {
        tail.removeFirst();
      }
      tail.addLast(kept);
    }
    return kept;
  }

  @Override
  public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
    return Mono.fromRunnable(
        () -> {
          try {
            // one message per line: the JSON writer escapes every newline inside strings
            byte[] bytes =
                (json.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
            synchronized (stdin) {
              stdin.write(bytes);
              stdin.flush();
            }
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(
                closing ? new IOException("the MCP server is being stopped", e) : e);
          }
        });
  }

  /** Completes when the server's stdout ends: it exited, or closed it. */
  CompletableFuture<Void> stdoutEnded() {
    return stdoutEnded;
  }

  /** The exit status, waiting up to {@code millis} for the process to end; null if it runs on. */
  Integer exitStatus(long millis) {
    try {
      if (process.waitFor(millis, TimeUnit.MILLISECONDS)) {
        // its last stderr lines may still be in the pipe
        stderrReader.join(200);
        return process.exitValue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }

  /** The last lines the server wrote to stderr. */
  List<String> stderrTail() {
    synchronized (tail) {
      return new ArrayList<>(tail);
    }
  }

  long pid() {
    return process.pid();
  }

  /**
   * Stops the server: stdin closed (the MCP way of asking a stdio server to end), a short wait,
   * then its whole process group killed ({@link ProcessGroups}: it runs in one of its own).
   * Idempotent.
   */
  void stop() {
    closing = true;
    try {
      synchronized (stdin) {
        stdin.close();
      }
    } catch (IOException ignored) {
      // already gone
    }
    try {
      process.waitFor(300, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ProcessGroups.kill(process);
  }

  @Override
  public Mono<Void> closeGracefully() {
    return Mono.fromRunnable(this::stop);
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
    return json.convertValue(data, typeRef);
  }
}
