package com.anthropic.tool.client.tools;

/**
 * Runs the tools the model calls. Local commands, MCP servers and Java lambdas all implement it.
 * With a parallelism above 1 the loop calls it from several threads at once, so it must be
 * thread-safe. An interrupted thread means the loop was cancelled: stop and throw.
 *
 * <p>Return {@link ToolOutput#error(String)} for a failure the model should see (bad input, a tool
 * that failed); throw for a failure that must end the loop.
 *
 * <pre>{@code
 * ToolExecutor executor = call -> switch (call.name()) {
 *   case "get_time" -> ToolOutput.ok(LocalTime.now().toString());
 *   default -> ToolOutput.error("unknown tool " + call.name());
 * };
 * ToolLoopResult r = ToolLoop.builder(client).executor(executor).build().run(request);
 * }</pre>
 */
@FunctionalInterface
public interface ToolExecutor {
  /**
   * Runs one call.
   *
   * @throws Exception ends the loop with a {@link ToolExecutionException}
   */
  ToolOutput execute(ToolCall call) throws Exception;
}
