package com.anthropic.tool.client.tools;

import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.Usage;
import java.util.List;
import java.util.Objects;

/**
 * How a tool loop ended.
 *
 * @param finalMessage the last assistant message
 * @param transcript every turn: the request's messages, each assistant turn as received and each
 *     user turn of tool results, ending with {@code finalMessage}; send it again with a new user
 *     turn to go on
 * @param usage the usage of all rounds summed
 * @param iterations the API calls made
 * @param outcome why the loop stopped
 */
public record ToolLoopResult(
    Message finalMessage,
    List<MessageParam> transcript,
    Usage usage,
    int iterations,
    Outcome outcome) {
  public ToolLoopResult {
    Objects.requireNonNull(finalMessage, "finalMessage");
    transcript = List.copyOf(transcript);
    Objects.requireNonNull(outcome, "outcome");
  }

  /** Why the loop stopped. */
  public enum Outcome {
    /** The model answered without asking for a client tool. */
    COMPLETED,
    /** The model stopped with {@code stop_reason: refusal}. */
    REFUSED,
    /** {@code maxIterations} API calls were made and the model still asked for tools. */
    MAX_ITERATIONS
  }
}
