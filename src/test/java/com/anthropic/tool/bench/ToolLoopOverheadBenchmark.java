package com.anthropic.tool.bench;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.model.Tool;
import com.anthropic.tool.client.tools.ScriptedApi;
import com.anthropic.tool.client.tools.ToolExecutor;
import com.anthropic.tool.client.tools.ToolLoop;
import com.anthropic.tool.client.tools.ToolLoopListener;
import com.anthropic.tool.mcp.StdioMcpServer;
import com.anthropic.tool.mcp.TestMcpServer;
import com.anthropic.tool.toolbox.ProcessRegistry;
import com.anthropic.tool.toolbox.ProcessTool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: the tool loop's own cost per round with a local tool or an MCP tool. A loopback API
 * streams a tool_use answer; the loop runs the tool and sends the next request. Overhead = (next
 * request arrives − last event of the answer written) − the executor's own time. With {@code local}
 * (the default) the tool is a real process, {@code cat}, and the executor's time is its start to
 * exit; with {@code mcp} it is the {@code echo} tool of {@link TestMcpServer} (one server process
 * for all rounds, through the MCP SDK) and the executor's time is the whole tools/call round trip.
 * Run: {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt)
 * com.anthropic.tool.bench.ToolLoopOverheadBenchmark [ROUNDS] [local|mcp]}. Results go in
 * docs/benchmarks.md.
 */
public final class ToolLoopOverheadBenchmark {
  private ToolLoopOverheadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    boolean mcp = args.length > 1 && args[1].equals("mcp");
    int warmup = 10;
    // the JDK server would otherwise hold its last small chunk for a delayed ACK (Nagle, ~40 ms),
    // which is the stand-in server's cost, not ours
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try (ScriptedApi api = new ScriptedApi();
        ProcessRegistry processes = new ProcessRegistry();
        AnthropicClient client =
            AnthropicClient.builder().apiKey("k").baseUrl(api.baseUrl()).build()) {
      ToolExecutor tool0;
      StdioMcpServer server = null;
      if (mcp) {
        server =
            StdioMcpServer.start(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    TestMcpServer.class.getName()),
                new StdioMcpServer.Settings(
                    System.getenv(),
                    Path.of("."),
                    Duration.ofSeconds(60),
                    Duration.ofSeconds(30),
                    100_000,
                    null));
        tool0 = server;
      } else {
        tool0 =
            new ProcessTool(
                "echo",
                List.of("cat"),
                new ProcessTool.Settings(
                    System.getenv(), Path.of("."), Duration.ofSeconds(30), 100_000, processes));
      }
      ToolExecutor cat = tool0;
      long[] toolStart = new long[1];
      long[] toolNanos = new long[1];
      ToolExecutor timed =
          call -> {
            toolStart[0] = System.nanoTime();
            try {
              return cat.execute(call);
            } finally {
              toolNanos[0] = System.nanoTime() - toolStart[0];
            }
          };
      ToolLoop loop = ToolLoop.builder(client).executor(timed).build();
      MessagesRequest req =
          MessagesRequest.builder("claude-test", List.of(MessageParam.user("go")), 64)
              .tools(List.of(Tool.of("echo", "echo", null)))
              .build();
      List<Double> overhead = new ArrayList<>();
      List<Double> tool = new ArrayList<>();
      for (int i = 0; i < warmup + rounds; i++) {
        api.answer(
            ScriptedApi.message(
                "tool_use",
                ScriptedApi.text("Calling."),
                ScriptedApi.toolUse("toolu_" + i, "echo", "{\"text\":\"hello\"}")),
            ScriptedApi.message("end_turn", ScriptedApi.text("Done.")));
        loop.stream(req, new ToolLoopListener() {});
        List<Long> answered = api.answered();
        List<Long> arrivals = api.arrivals();
        long gap = arrivals.get(arrivals.size() - 1) - answered.get(answered.size() - 2);
        if (i >= warmup) {
          overhead.add((gap - toolNanos[0]) / 1e6);
          tool.add(toolNanos[0] / 1e6);
        }
      }
      if (server != null) {
        server.close();
      }
      System.out.printf(
          Locale.ROOT,
          "%s, %d rounds: overhead median %.2f ms, p90 %.2f ms, max %.2f ms;"
              + " the executor itself median %.2f ms, p90 %.2f ms%n",
          mcp ? "MCP tool (TestMcpServer echo)" : "local tool (cat)",
          rounds,
          pct(overhead, 50),
          pct(overhead, 90),
          pct(overhead, 100),
          pct(tool, 50),
          pct(tool, 90));
    }
  }

  private static double pct(List<Double> xs, int p) {
    double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(a);
    int i = (int) Math.ceil(p / 100.0 * a.length) - 1;
    return a[Math.max(0, Math.min(a.length - 1, i))];
  }
}
