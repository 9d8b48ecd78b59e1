package com.anthropic.tool.mcp;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * A hand-written MCP server over stdio (no SDK), for what a well-behaved server never does: run as
 * {@code java -cp TEST_CLASSPATH com.anthropic.tool.mcp.RawMcpServer [OPTIONS]}. Options: {@code
 * --names a,b} (its tool names, default {@code big,hang}), {@code --log F} (every line it reads is
 * appended to F), {@code --list-bytes N} (the tools/list answer is one line of N bytes), {@code
 * --stderr-bytes N} (writes N bytes to stderr without a newline at start). Tools: {@code big
 * {"bytes":N,"idFirst":bool}} answers a text of N bytes ({@code id} first as Jackson and Python
 * write it, or last as the TypeScript SDK does); {@code hang} never answers; any other answers
 * {@code called NAME}.
 */
public final class RawMcpServer {
  private RawMcpServer() {}

  /** The {@code --mcp} value that runs this server with these options. */
  public static String command(String... options) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    StringBuilder sb =
        new StringBuilder("'")
            .append(java)
            .append("' -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -cp '")
            .append(System.getProperty("java.class.path"))
            .append("' ")
            .append(RawMcpServer.class.getName());
    for (String o : options) {
      sb.append(" '").append(o).append('\'');
    }
    return sb.toString();
  }

  public static void main(String[] args) throws IOException {
    List<String> names = List.of("big", "hang");
    Path log = null;
    long listBytes = 0;
    long stderrBytes = 0;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--names" -> names = Arrays.asList(args[i + 1].split(",", -1));
        case "--log" -> log = Path.of(args[i + 1]);
        case "--list-bytes" -> listBytes = Long.parseLong(args[i + 1]);
        case "--stderr-bytes" -> stderrBytes = Long.parseLong(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
    if (stderrBytes > 0) {
      OutputStream err = new BufferedOutputStream(new FileOutputStream(FileDescriptor.err));
      filler(err, stderrBytes);
      err.flush();
    }
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (log != null) {
        Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      }
      JsonObject m = JsonParser.parseString(line).getAsJsonObject();
      if (!m.has("id") || !m.has("method")) {
        continue; // a notification or an answer
      }
      String id = m.get("id").toString();
      String method = m.get("method").getAsString();
      switch (method) {
        case "initialize" ->
            reply(
                out,
                id,
                "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{\"tools\":{}},"
                    + "\"serverInfo\":{\"name\":\"raw\",\"version\":\"1\"}}");
        case "tools/list" -> {
          if (listBytes > 0) {
            write(out, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{\"tools\":[],\"x\":\"");
            filler(out, listBytes);
            write(out, "\"}}\n");
            out.flush();
            continue;
          }
          StringBuilder tools = new StringBuilder("{\"tools\":[");
          for (int i = 0; i < names.size(); i++) {
            tools
                .append(i == 0 ? "" : ",")
                .append("{\"name\":")
                .append(new com.google.gson.JsonPrimitive(names.get(i)))
                .append(",\"inputSchema\":{\"type\":\"object\"}}");
          }
          reply(out, id, tools.append("]}").toString());
        }
        case "tools/call" -> call(out, id, m.getAsJsonObject("params"));
        default ->
            write(
                out,
                "{\"jsonrpc\":\"2.0\",\"id\":"
                    + id
                    + ",\"error\":{\"code\":-32601,\"message\":\"no such method\"}}\n");
      }
      out.flush();
    }
  }

  private static void call(OutputStream out, String id, JsonObject params) throws IOException {
    String name = params.get("name").getAsString();
    JsonObject a = params.has("arguments") ? params.getAsJsonObject("arguments") : new JsonObject();
    switch (name) {
      case "hang" -> {
        return;
      }
      case "big" -> {
        long bytes = a.get("bytes").getAsLong();
        boolean idFirst = a.has("idFirst") && a.get("idFirst").getAsBoolean();
        write(
            out,
            idFirst
                ? "{\"jsonrpc\":\"2.0\",\"id\":"
                    + id
                    + ",\"result\":{\"content\":[{\"type\":"
                    + "\"text\",\"text\":\""
                : "{\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"");
        filler(out, bytes);
        write(out, idFirst ? "\"}]}}\n" : "\"}]},\"jsonrpc\":\"2.0\",\"id\":" + id + "}\n");
      }
      default ->
          reply(
              out,
              id,
              "{\"content\":[{\"type\":\"text\",\"text\":"
                  + new com.google.gson.JsonPrimitive("called " + name)
                  + "}]}");
    }
  }

  private static void reply(OutputStream out, String id, String result) throws IOException {
    write(out, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + result + "}\n");
  }

  private static void write(OutputStream out, String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.UTF_8));
  }

  private static void filler(OutputStream out, long bytes) throws IOException {
    byte[] chunk = new byte[1 << 16];
    Arrays.fill(chunk, (byte) 'x');
    for (long left = bytes; left > 0; left -= chunk.length) {
      out.write(chunk, 0, (int) Math.min(left, chunk.length));
    }
  }
}
