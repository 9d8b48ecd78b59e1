package com.anthropic.tool.client.tools;

import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.Usage;
import java.util.List;
import java.util.Optional;

/** {@link ToolLoop#cancel()} stopped the loop (or its thread was interrupted). */
public final class ToolLoopCancelledException extends ToolLoopException {
  private static final long serialVersionUID = 1L;

  private final transient Message partial;

  ToolLoopCancelledException(List<MessageParam> transcript, Usage usage, Message partial) {
    super("the tool loop was cancelled", null, transcript, usage);
    this.partial = partial;
  }

  /** What had arrived of the answer being streamed when it was cancelled, if any. */
  public Optional<Message> partial() {
    return Optional.ofNullable(partial);
  }
}
