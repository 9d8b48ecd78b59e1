package com.anthropic.tool.mcp;

import com.anthropic.tool.client.Version;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.Tool;
import com.anthropic.tool.client.tools.ToolCall;
import com.anthropic.tool.client.tools.ToolExecutor;
import com.anthropic.tool.client.tools.ToolOutput;
import com.google.gson.JsonObject;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Model Context Protocol server over stdio, through the official MCP Java SDK: started,
 * initialized and its tools listed (every page) by {@link #start}; a {@link ToolExecutor} for its
 * tools; stopped by {@link #close()} (its whole process tree). A call that fails on the server's
 * side ({@code isError}, a JSON-RPC error, no answer within the timeout) is an {@code is_error}
 * result the model sees; the server ending during a call throws {@link McpServerException}, which
 * ends the loop.
 */
public final class StdioMcpServer implements ToolExecutor, AutoCloseable {
  private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() {};
  private static final JsonSchemaValidator NO_VALIDATION =
      (schema, content) -> JsonSchemaValidator.ValidationResponse.asValid(null);

  private final String label;
  private final StdioTransport transport;
  private final McpAsyncClient client;
  private final McpJsonMapper json;
  private final Duration startTimeout;
  private final Duration callTimeout;
  private final long outputLimit;
  private volatile List<Tool> tools = List.of();
  private volatile Map<String, String> renamed = Map.of();

  /**
   * How servers run.
   *
   * @param env the whole environment of the server process (the user's, credentials removed)
   * @param dir its working directory
   * @param startTimeout longest wait for start-up (initialize and the tool list)
   * @param callTimeout longest wait for the answer to a call
   * @param outputLimit most bytes of text of one result sent to the model (the rest cut with a
   *     marker)
   * @param stderrLines also gets each line the server writes to stderr, as it comes; or null
   */
  public record Settings(
      Map<String, String> env,
      Path dir,
      Duration startTimeout,
      Duration callTimeout,
      long outputLimit,
      Consumer<String> stderrLines) {
    public Settings {
      env = Map.copyOf(env);
      Objects.requireNonNull(dir, "dir");
      Objects.requireNonNull(startTimeout, "startTimeout");
      Objects.requireNonNull(callTimeout, "callTimeout");
      if (outputLimit < 0) {
        throw new IllegalArgumentException("outputLimit must not be negative");
      }
    }

    /** These settings with another stderr consumer. */
    public Settings withStderrLines(Consumer<String> lines) {
      return new Settings(env, dir, startTimeout, callTimeout, outputLimit, lines);
    }
  }

  private StdioMcpServer(
      String label,
      StdioTransport transport,
      McpAsyncClient client,
      McpJsonMapper json,
      Settings settings) {
    this.label = label;
    this.transport = transport;
    this.client = client;
    this.json = json;
    this.startTimeout = settings.startTimeout();
    this.callTimeout = settings.callTimeout();
    this.outputLimit = settings.outputLimit();
  }

  /**
   * Starts the server process (call {@link #initialize()} next). Hand the result to whatever stops
   * things at the end (and on Ctrl-C) before initializing it.
   *
   * @throws McpServerException when the command cannot run
   */
  public static StdioMcpServer launch(List<String> command, Settings settings) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("an MCP server needs a command");
    }
    String label = "MCP server \"" + shorten(String.join(" ", command)) + "\"";
    McpJsonMapper json = new JacksonMcpJsonMapper(JsonMapper.shared());
    StdioTransport transport;
    try {
      transport =
          new StdioTransport(command, settings.env(), settings.dir(), json, settings.stderrLines());
    } catch (IOException e) {
      throw new McpServerException(label + ": cannot start it: " + reason(e));
    }
    // the SDK's own timeouts only as a backstop: ours come first and say which flag to raise
    Duration backstop =
        (settings.startTimeout().compareTo(settings.callTimeout()) > 0
                ? settings.startTimeout()
                : settings.callTimeout())
            .plusSeconds(5);
    McpAsyncClient client =
        McpClient.async(transport)
            .requestTimeout(backstop)
            .initializationTimeout(backstop)
            .clientInfo(new McpSchema.Implementation("anthropic-cli", Version.get()))
            .jsonSchemaValidator(NO_VALIDATION)
            .build();
    return new StdioMcpServer(label, transport, client, json, settings);
  }

  /**
   * Initializes the session and lists the server's tools (every page).
   *
   * @throws McpServerException when the server ends, fails or stays silent before its tools are
   *     listed (it is stopped then)
   */
  public StdioMcpServer initialize() {
    try {
      startUp("initialize", client.initialize());
      McpSchema.ListToolsResult listed = startUp("tools/list", client.listTools());
      tools = definitions(listed.tools());
      return this;
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** {@link #launch} and {@link #initialize}. */
  public static StdioMcpServer start(List<String> command, Settings settings) {
    return launch(command, settings).initialize();
  }

  /** A long command (a Java class path...) as its start and its end. */
  private static String shorten(String command) {
    return command.length() <= 120
        ? command
        : command.substring(0, 60) + "…" + command.substring(command.length() - 59);
  }

  private static String reason(IOException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int i = m.indexOf("error=");
    int comma = i < 0 ? -1 : m.indexOf(", ", i);
    return comma < 0 ? m : m.substring(comma + 2); // "No such file or directory"
  }

  private <T> T startUp(String what, Mono<T> step) {
    CompletableFuture<String> tooLong = transport.oversized();
    CompletableFuture<T> f = step.toFuture();
    try {
      awaitEither(f, tooLong, startTimeout);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new McpServerException(
          label + ": no answer to " + what + " within " + seconds(startTimeout) + stderrNote());
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new McpServerException(label + ": interrupted while starting");
    }
    if (!f.isDone() && tooLong.isDone()) {
      f.cancel(true);
      throw new McpServerException(label + ": " + what + " failed: " + tooLong.join());
    }
    if (!f.isDone()) {
      throw ended("before answering " + what);
    }
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (transport.stdoutEnded().isDone() && !(cause instanceof McpError)) {
        throw ended("before answering " + what);
      }
      throw new McpServerException(
          label + ": " + what + " failed: " + message(cause) + stderrNote());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new McpServerException(label + ": interrupted while starting");
    }
  }

  /**
   * Waits until the step is done, the server sent a message too long to read, or its stdout has
   * ended, whichever comes first.
   */
  private void awaitEither(
      CompletableFuture<?> f, CompletableFuture<String> tooLong, Duration timeout)
      throws TimeoutException, InterruptedException {
    try {
      CompletableFuture.anyOf(f, tooLong, transport.stdoutEnded())
          .get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException failedStep) {
      // f failed: looked at by the caller
    }
  }

  private McpServerException ended(String when) {
    Integer status = transport.exitStatus(1000);
    String how = status == null ? "closed its stdout" : "exited with status " + status;
    return new McpServerException(label + " " + how + " " + when + stderrNote());
  }

  private String stderrNote() {
    List<String> lines = transport.stderrTail();
    if (lines.isEmpty()) {
      return "";
    }
    List<String> last = lines.subList(Math.max(0, lines.size() - 5), lines.size());
    return "; its last stderr lines: " + String.join(" | ", last);
  }

  private static String message(Throwable t) {
    if (t instanceof McpError e && e.getJsonRpcError() != null) {
      return e.getJsonRpcError().message();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private List<Tool> definitions(List<McpSchema.Tool> listed) {
    List<String> names = new ArrayList<>();
    for (McpSchema.Tool t : listed) {
      names.add(t.name() == null ? "" : t.name());
    }
    Map<String, String> offered = ToolNames.valid(names);
    Map<String, String> original = new LinkedHashMap<>();
    List<Tool> out = new ArrayList<>();
    for (int i = 0; i < listed.size(); i++) {
      McpSchema.Tool t = listed.get(i);
      JsonObject schema =
          t.inputSchema() == null
              ? Json.parseObject("{\"type\":\"object\"}")
              : toGson(t.inputSchema());
      String name = offered.get(names.get(i));
      if (!name.equals(names.get(i))) {
        original.put(name, names.get(i));
      }
      out.add(Tool.of(name, t.description(), schema));
    }
    renamed = Map.copyOf(original);
    return List.copyOf(out);
  }

  /**
   * The tools offered under another name than the server's, because the API would refuse theirs:
   * offered name to the server's name.
   */
  public Map<String, String> renamed() {
    return renamed;
  }

  private JsonObject toGson(Object value) {
    return Json.parseObject(write(value));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server's command as the user gave it, for messages: {@code MCP server "npx -y …"}. */
  public String label() {
    return label;
  }

  /** The definitions of the server's tools, its {@code inputSchema} as {@code input_schema}. */
  public List<Tool> tools() {
    return tools;
  }

  @Override
  public ToolOutput execute(ToolCall call) throws InterruptedException {
    Map<String, Object> args;
    try {
      args = call.input() == null ? Map.of() : json.readValue(Json.write(call.input()), MAP);
    } catch (IOException e) {
      return ToolOutput.error("the tool input is not a JSON object: " + e.getMessage());
    }
    CompletableFuture<String> tooLong = transport.oversized();
    // called by its own name, whatever name it was offered under
    String name = renamed.getOrDefault(call.name(), call.name());
    McpSchema.CallToolRequest request = new McpSchema.CallToolRequest(name, args);
    CompletableFuture<McpSchema.CallToolResult> f = client.callTool(request).toFuture();
    try {
      awaitEither(f, tooLong, callTimeout);
    } catch (TimeoutException e) {
      f.cancel(true);
      transport.cancelled(
          request, "no answer within " + seconds(callTimeout) + " (--tool-timeout)");
      return ToolOutput.error(
          "the tool "
              + call.name()
              + " ("
              + label
              + ") did not answer within "
              + seconds(callTimeout)
              + " (--tool-timeout)");
    } catch (InterruptedException e) {
      f.cancel(true);
      transport.cancelled(request, "the call was stopped");
      throw e;
    }
    transport.answered(request);
    if (!f.isDone() && tooLong.isDone()) {
      f.cancel(true);
      return ToolOutput.error(
          "the tool " + call.name() + " (" + label + ") failed: " + tooLong.join());
    }
    if (!f.isDone()) {
      throw ended("during a call of " + call.name());
    }
    try {
      return McpContent.toOutput(f.get(), this::write, outputLimit);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof McpError) {
        return ToolOutput.error(message(cause));
      }
      if (transport.stdoutEnded().isDone()) {
        throw ended("during a call of " + call.name());
      }
      return ToolOutput.error(label + ": " + message(cause));
    }
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + " s" : (ms / 1000.0) + " s";
  }

  /** Stops the server and its whole process tree. Idempotent. */
  @Override
  public void close() {
    try {
      client.close();
    } finally {
      transport.stop();
    }
  }
}
