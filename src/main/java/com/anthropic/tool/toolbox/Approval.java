package com.anthropic.tool.toolbox;

import com.anthropic.tool.client.tools.ToolCall;
import com.anthropic.tool.client.tools.ToolExecutor;
import com.anthropic.tool.client.tools.ToolOutput;
import java.util.Objects;

/**
 * Asks before each call; a declined call is sent as {@code is_error} "the user declined". Calls are
 * asked about one at a time, even when they run in parallel.
 */
public final class Approval implements ToolExecutor {
  /** Asks the user about one call. */
  @FunctionalInterface
  public interface Asker {
    /** True to run the call. */
    boolean approve(ToolCall call) throws Exception;
  }

  /** What a declined call sends to the model. */
  public static final String DECLINED = "the user declined to run this tool call";

  private final ToolExecutor next;
  private final Asker asker;

  public Approval(ToolExecutor next, Asker asker) {
    this.next = Objects.requireNonNull(next, "next");
    this.asker = Objects.requireNonNull(asker, "asker");
  }

  @Override
  public ToolOutput execute(ToolCall call) throws Exception {
    boolean yes;
    synchronized (this) {
      yes = asker.approve(call);
    }
    return yes ? next.execute(call) : ToolOutput.error(DECLINED);
  }
}
