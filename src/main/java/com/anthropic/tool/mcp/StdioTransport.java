package com.anthropic.tool.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /** The most bytes of one JSON-RPC message (one line) read from a server. */
  static final int MESSAGE_LIMIT = 64 << 20;

  /** {@link #MESSAGE_LIMIT} as messages name it. */
  static final String MESSAGE_LIMIT_TEXT = "64 MB";

  private static final Pattern ID_FIRST =
      Pattern.compile(
          "^\\s*\\{\\s*(?:\"jsonrpc\"\\s*:\\s*\"2\\.0\"\\s*,\\s*)?\"id\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+)");
  private static final Pattern ID_LAST =
      Pattern.compile("\"id\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+)\\s*}\\s*$");

  private final Process process;
  private final McpJsonMapper json;
  private final OutputStream stdin;
  private final Deque<String> tail = new ArrayDeque<>();
  private final CompletableFuture<Void> stdoutEnded = new CompletableFuture<>();
  private final Thread stderrReader;
  private final String name;
  private final Map<McpSchema.CallToolRequest, Object> callIds = new IdentityHashMap<>();
  private volatile CompletableFuture<String> oversized = new CompletableFuture<>();
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
    this.process = pb.start();
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
    try (InputStream in = process.getErrorStream()) {
      // an endless line costs LINE_LIMIT bytes, not memory without end
      BoundedLines r = new BoundedLines(in, LINE_LIMIT * 4);
      BoundedLines.Line line;
      while ((line = r.next()) != null) {
        String kept = keep(line.text() + (line.cut() ? "…" : ""));
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
    try (InputStream in = process.getInputStream()) {
      BoundedLines r = new BoundedLines(in, MESSAGE_LIMIT);
      BoundedLines.Line read;
      while ((read = r.next()) != null) {
        if (read.cut()) {
          tooLong(read, handler);
          continue;
        }
        String line = read.text();
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

  /**
   * A message over the limit: its rest was skipped. When its id can be seen (at its start, or at
   * its very end as the TypeScript SDK writes it) the call it answers fails with an error naming
   * the limit; otherwise every call waiting now does ({@link #oversized()}).
   */
  private void tooLong(
      BoundedLines.Line read,
      Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
    String what =
        "the server sent a message of "
            + read.length()
            + " bytes, over the limit of "
            + MESSAGE_LIMIT_TEXT
            + " for one MCP message";
    keep("(stdout) " + what);
    Object id = idOf(read);
    if (id != null) {
      McpSchema.JSONRPCMessage error =
          new McpSchema.JSONRPCResponse(
              McpSchema.JSONRPC_VERSION,
              id,
              null,
              new McpSchema.JSONRPCResponse.JSONRPCError(
                  McpSchema.ErrorCodes.INTERNAL_ERROR, what));
      handler.apply(Mono.just(error)).subscribe(m -> {}, e -> {});
      return;
    }
    CompletableFuture<String> waiting = oversized;
    oversized = new CompletableFuture<>();
    waiting.complete(what);
  }

  private Object idOf(BoundedLines.Line read) {
    Matcher m =
        ID_FIRST.matcher(
            new String(read.kept(), 0, Math.min(read.kept().length, 256), StandardCharsets.UTF_8));
    if (!m.find()) {
      m = ID_LAST.matcher(read.lastText());
      if (!m.find()) {
        return null;
      }
    }
    String id = m.group(1);
    try {
      return id.startsWith("\"") ? json.readValue(id, String.class) : Long.valueOf(id);
    } catch (IOException | NumberFormatException e) {
      return null;
    }
  }

  /**
   * Completes with a message when a message too long to read (whose id could not be seen) came from
   * the server; a new one is handed out after each.
   */
  CompletableFuture<String> oversized() {
    return oversized;
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
          if (message instanceof McpSchema.JSONRPCRequest r
              && r.params() instanceof McpSchema.CallToolRequest call) {
            synchronized (callIds) {
              callIds.put(call, r.id()); // for notifications/cancelled
            }
          }
          write(message);
        });
  }

  private void write(McpSchema.JSONRPCMessage message) {
    try {
      // one message per line: the JSON writer escapes every newline inside strings
      byte[] bytes = (json.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
      synchronized (stdin) {
        stdin.write(bytes);
        stdin.flush();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(
          closing ? new IOException("the MCP server is being stopped", e) : e);
    }
  }

  /** Forgets the id of a call that was answered. */
  void answered(McpSchema.CallToolRequest call) {
    synchronized (callIds) {
      callIds.remove(call);
    }
  }

  /**
   * Tells the server that a call is no longer awaited ({@code notifications/cancelled} with the
   * call's request id), when the call was sent; a server that is gone is left alone.
   */
  void cancelled(McpSchema.CallToolRequest call, String reason) {
    Object id;
    synchronized (callIds) {
      id = callIds.remove(call);
    }
    if (id == null || closing) {
      return;
    }
    try {
      write(
          new McpSchema.JSONRPCNotification(
              McpSchema.JSONRPC_VERSION,
              "notifications/cancelled",
              Map.of("requestId", id, "reason", reason)));
    } catch (java.io.UncheckedIOException gone) {
      // it ended meanwhile: nothing to cancel
    }
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
   * then the whole process tree killed. Idempotent.
   */
  void stop() {
    closing = true;
    List<ProcessHandle> tree = new ArrayList<>();
    try {
      process.toHandle().descendants().forEach(tree::add);
    } catch (RuntimeException ignored) {
      // it ended meanwhile
    }
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
    process.destroyForcibly();
    for (ProcessHandle h : tree) {
      h.destroyForcibly();
    }
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
