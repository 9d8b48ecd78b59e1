package com.anthropic.tool.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiFunction;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small MCP server over stdio, written with the same SDK, for the tests: run it as {@code java
 * -cp TEST_CLASSPATH com.anthropic.tool.mcp.TestMcpServer [OPTIONS]}. Its tools:
 *
 * <ul>
 *   <li>{@code echo {text}}: answers {@code echo: TEXT} (and {@code env NAME=VALUE} with {@code
 *       {"env": NAME}}, its whole environment as {@code NAME=VALUE} lines with {@code {"env":
 *       "*"}})
 *   <li>{@code picture}: a caption and a 1×1 PNG
 *   <li>{@code fail}: an {@code isError} result
 *   <li>{@code crash}: writes a line to stderr and exits with status 3 in the middle of the call
 *   <li>{@code hang}: never answers (after writing {@code hanging} to the {@code --signal} file)
 * </ul>
 *
 * Options: {@code --pid-file F} (its pid, written at start), {@code --signal F} (a fifo the hang
 * tool writes to), {@code --prefix P} (every tool name starts with P), {@code --exit-at-start N}
 * (exits with status N before reading anything, after a line on stderr). It ends when stdin ends,
 * as a stdio server should.
 */
public final class TestMcpServer {
  /** A 1×1 transparent PNG. */
  public static final String PNG =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

  private TestMcpServer() {}

  /**
   * The {@code --mcp} value that runs this server with these options: this JVM's java, the test
   * class path (quoted for {@code --mcp}'s word splitting), quick-start JVM flags.
   */
  public static String command(String... options) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    StringBuilder sb =
        new StringBuilder("'")
            .append(java)
            .append("' -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -cp '")
            .append(System.getProperty("java.class.path"))
            .append("' ")
            .append(TestMcpServer.class.getName());
    for (String o : options) {
      sb.append(" '").append(o).append('\'');
    }
    return sb.toString();
  }

  public static void main(String[] args) throws Exception {
    String prefix = "";
    Path signal = null;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--pid-file" ->
            Files.writeString(Path.of(args[i + 1]), Long.toString(ProcessHandle.current().pid()));
        case "--signal" -> signal = Path.of(args[i + 1]);
        case "--prefix" -> prefix = args[i + 1];
        case "--exit-at-start" -> {
          System.err.println("test server: refusing to start");
          System.exit(Integer.parseInt(args[i + 1]));
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    // stdout carries the protocol only; anything else printed by mistake would break it
    PrintStream protocol = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    McpJsonMapper json = new JacksonMcpJsonMapper(JsonMapper.shared());
    InputStream stdin = new ExitOnEnd(System.in);
    Path hangSignal = signal;
    List<SyncToolSpecification> tools = new ArrayList<>();
    tools.add(
        tool(
            json,
            prefix + "echo",
            "Echoes its text.",
            "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\","
                + "\"description\":\"what to echo\"},\"env\":{\"type\":\"string\"}},"
                + "\"required\":[\"text\"]}",
            (ex, req) -> {
              Object env = req.arguments().get("env");
              String text =
                  env == null
                      ? "echo: " + req.arguments().get("text")
                      : "*".equals(env)
                          ? "env\n" + environment()
                          : "env " + env + "=" + System.getenv(String.valueOf(env));
              return McpSchema.CallToolResult.builder().addTextContent(text).build();
            }));
    tools.add(
        tool(
            json,
            prefix + "picture",
            "Draws a picture.",
            "{\"type\":\"object\"}",
            (ex, req) ->
                McpSchema.CallToolResult.builder()
                    .addTextContent("a dot")
                    .addContent(new McpSchema.ImageContent(null, PNG, "image/png"))
                    .build()));
    tools.add(
        tool(
            json,
            prefix + "fail",
            "Always fails.",
            "{\"type\":\"object\"}",
            (ex, req) ->
                McpSchema.CallToolResult.builder()
                    .addTextContent("it failed on purpose")
                    .isError(true)
                    .build()));
    tools.add(
        tool(
            json,
            prefix + "crash",
            "Exits in the middle of the call.",
            "{\"type\":\"object\"}",
            (ex, req) -> {
              System.err.println("test server: crashing now");
              System.err.flush();
              Runtime.getRuntime().halt(3);
              return null;
            }));
    tools.add(
        tool(
            json,
            prefix + "hang",
            "Never answers.",
            "{\"type\":\"object\"}",
            (ex, req) -> {
              try {
                if (hangSignal != null) {
                  Files.writeString(hangSignal, "hanging\n");
                }
                new CountDownLatch(1).await();
              } catch (IOException | InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return null;
            }));
    McpServer.sync(new StdioServerTransportProvider(json, stdin, protocol))
        .serverInfo("test-mcp", "1.0.0")
        .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
        .tools(tools)
        .build();
    new CountDownLatch(1).await(); // the transport's threads do the work; stdin's end exits
  }

  private static String environment() {
    StringBuilder sb = new StringBuilder();
    new java.util.TreeMap<>(System.getenv())
        .forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    return sb.toString();
  }

  private static SyncToolSpecification tool(
      McpJsonMapper json,
      String name,
      String description,
      String schema,
      BiFunction<McpSyncServerExchange, McpSchema.CallToolRequest, McpSchema.CallToolResult> call) {
    return SyncToolSpecification.builder()
        .tool(
            McpSchema.Tool.builder()
                .name(name)
                .description(description)
                .inputSchema(json, schema)
                .build())
        .callHandler(call)
        .build();
  }

  /** Ends the process when its stdin ends (the client's way of saying stop). */
  private static final class ExitOnEnd extends FilterInputStream {
    ExitOnEnd(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b < 0) {
        Runtime.getRuntime().halt(0);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n < 0) {
        Runtime.getRuntime().halt(0);
      }
      return n;
    }
  }
}
