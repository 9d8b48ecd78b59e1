package com.example.anthropic;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.model.Tool;
import com.anthropic.tool.client.tools.ToolCall;
import com.anthropic.tool.client.tools.ToolLoop;
import com.anthropic.tool.client.tools.ToolLoopListener;
import com.anthropic.tool.client.tools.ToolLoopResult;
import com.anthropic.tool.client.tools.ToolOutput;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintStream;
import java.util.List;

/** The model calls a Java method as a tool until it has its answer. */
public final class ToolLoopExample {
  private ToolLoopExample() {}

  public static void run(AnthropicClient client, PrintStream out) {
    // The mock server calls the tool named in x-mock-tool-use (the real API ignores the header).
    AnthropicClient.Builder b =
        AnthropicClient.builder()
            .baseUrl(client.options().baseUrl())
            .header("x-mock-tool-use", "get_weather");
    if (client.options().apiKey() != null) {
      b.apiKey(client.options().apiKey());
    } else {
      b.authToken(client.options().authToken());
    }
    try (AnthropicClient withTools = b.build()) {
      loop(withTools, out);
    }
  }

  static void loop(AnthropicClient client, PrintStream out) {
    // tag::tool-loop[]
    JsonObject schema =
        JsonParser.parseString(
                "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
                    + "\"required\":[\"city\"]}")
            .getAsJsonObject();
    Tool weather = Tool.of("get_weather", "The current weather in a city", schema);
    MessagesRequest request =
        MessagesRequest.builder(
                "claude-sonnet-4-6", List.of(MessageParam.user("How warm is it in Paris?")), 1024)
            .tools(List.of(weather))
            .build();

    ToolLoop loop =
        ToolLoop.builder(client)
            .executor( // called for every tool_use block; its output goes back as tool_result
                call ->
                    call.name().equals("get_weather")
                        ? ToolOutput.ok("21 °C in " + call.input().get("city").getAsString())
                        : ToolOutput.error("unknown tool " + call.name()))
            .maxIterations(5) // API calls at most
            .build();
    ToolLoopResult result =
        loop.stream( // streamed rounds: text as it arrives, each tool call as it is made
            request,
            new ToolLoopListener() {
              @Override
              public void onText(String text) {
                out.print(text);
              }

              @Override
              public void onToolCall(ToolCall call) {
                out.println("\n[" + call.name() + " " + call.input() + "]");
              }
            });
    out.println();
    out.println(result.outcome() + " after " + result.iterations() + " calls");
    // end::tool-loop[]
  }
}
