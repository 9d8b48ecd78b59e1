package com.anthropic.tool.client.tools;

import com.anthropic.tool.client.error.AnthropicException;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.Usage;
import java.util.List;

/**
 * A tool loop ended before the model finished: the conversation so far and the tokens it cost
 * travel with the exception. See {@link ToolExecutionException} and {@link
 * ToolLoopCancelledException}. Errors of the API itself are thrown as they are ({@link
 * com.anthropic.tool.client.error.ApiException} and friends).
 */
public class ToolLoopException extends AnthropicException {
  private static final long serialVersionUID = 1L;

  private final transient List<MessageParam> transcript;
  private final transient Usage usage;

  ToolLoopException(String message, Throwable cause, List<MessageParam> transcript, Usage usage) {
    super(message, cause);
    this.transcript = List.copyOf(transcript);
    this.usage = usage;
  }

  /** Every turn up to the failure: the request's messages, then the loop's own turns. */
  public List<MessageParam> transcript() {
    return transcript;
  }

  /** The usage summed over the rounds that completed (null when none did). */
  public Usage usage() {
    return usage;
  }
}
