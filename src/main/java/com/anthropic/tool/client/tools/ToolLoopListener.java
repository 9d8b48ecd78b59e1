package com.anthropic.tool.client.tools;

import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.StreamEvent;

/**
 * Watches a tool loop as it runs. Every method is called on the thread that runs the loop, in
 * order: the events and text of a round, its message, then its tool calls (all of them, in the
 * model's order, before any runs) and their results (in the model's order, as each is ready).
 *
 * <pre>{@code
 * ToolLoop.builder(client).executor(executor).build().stream(request, new ToolLoopListener() {
 *   public void onText(String text) {
 *     out.print(text);
 *   }
 *   public void onToolResult(ToolCall call, ToolOutput output) {
 *     err.println(call.name() + ": " + output.text());
 *   }
 * });
 * }</pre>
 */
public interface ToolLoopListener {
  /** Every event of a streamed round, as it arrives ({@link ToolLoop#stream} only). */
  default void onEvent(StreamEvent event) {}

  /** Text the model writes: each text delta when streaming, each round's text otherwise. */
  default void onText(String text) {}

  /** Every event that has arrived was delivered and the next read may block: time to flush. */
  default void onIdle() {}

  /**
   * A round's assistant message is complete.
   *
   * @param round 1 for the first API call
   */
  default void onMessage(Message message, int round) {}

  /**
   * A call whose input could not be parsed as a JSON object (a stream cut inside its {@code
   * tool_use}, or JSON nested deeper than the parser allows): it is never run, and when the loop
   * goes on it is answered with an {@code is_error} result ({@link ToolLoop#UNPARSED_INPUT}).
   * Called after {@link #onMessage}, with the call's input empty.
   */
  default void onUnparsedInput(ToolCall call) {}

  /** A call is about to be handed to the executor. */
  default void onToolCall(ToolCall call) {}

  /** A call's result, as it will be sent to the model. */
  default void onToolResult(ToolCall call, ToolOutput output) {}
}
