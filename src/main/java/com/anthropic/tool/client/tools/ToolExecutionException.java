package com.anthropic.tool.client.tools;

import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.Usage;
import java.util.List;

/**
 * An executor threw: the loop stopped. The cause is what it threw; the transcript ends with the
 * assistant turn that asked for the call.
 */
public final class ToolExecutionException extends ToolLoopException {
  private static final long serialVersionUID = 1L;

  private final transient ToolCall call;

  ToolExecutionException(
      ToolCall call, Throwable cause, List<MessageParam> transcript, Usage usage) {
    super(
        "tool "
            + call.name()
            + " failed: "
            + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()),
        cause,
        transcript,
        usage);
    this.call = call;
  }

  /** The call whose executor threw. */
  public ToolCall call() {
    return call;
  }
}
