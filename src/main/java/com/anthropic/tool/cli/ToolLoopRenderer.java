package com.anthropic.tool.cli;

import com.anthropic.tool.client.Pricing;
import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.Delta;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.model.StreamEvent;
import com.anthropic.tool.client.tools.ToolCall;
import com.anthropic.tool.client.tools.ToolLoop;
import com.anthropic.tool.client.tools.ToolLoopListener;
import com.anthropic.tool.client.tools.ToolLoopResult;
import com.anthropic.tool.client.tools.ToolOutput;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;

/**
 * What {@code tool-loop} prints while the loop runs: the text live (a newline between rounds when
 * the text before did not end with one), or every event and tool call/result as JSON lines; tool
 * traces on stderr. Called on the loop's thread only, so nothing interleaves.
 */
final class ToolLoopRenderer implements ToolLoopListener {
  private static final int TRACE_LIMIT = 200;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Style errStyle;
  private final String format;
  private final boolean trace;
  private final boolean approve;
  private final boolean tty;
  private final StreamRenderer stream;
  private final MessageOutput output;
  private final Runnable stop;
  private boolean wroteText;
  private char last = '\n';
  private boolean separate;

  /**
   * @param approve {@code --approve} asks on the terminal before each call: the question must not
   *     start right after the text on the same line
   */
  ToolLoopRenderer(
      CommandSupport s,
      String format,
      boolean showThinking,
      boolean trace,
      boolean approve,
      Runnable stop) {
    this(
        s.out(),
        s.err(),
        s.errStyle(),
        s.ctx().stdoutIsTerminal(),
        s.output(),
        format,
        showThinking,
        trace,
        approve,
        stop);
  }

  ToolLoopRenderer(
      PrintWriter out,
      PrintWriter err,
      Style errStyle,
      boolean stdoutIsTerminal,
      MessageOutput output,
      String format,
      boolean showThinking,
      boolean trace,
      boolean approve,
      Runnable stop) {
    this.out = out;
    this.err = err;
    this.errStyle = errStyle;
    this.format = format;
    this.trace = trace;
    this.approve = approve;
    this.tty = stdoutIsTerminal;
    this.stream = new StreamRenderer(out, err, errStyle, format, showThinking);
    this.output = output;
    this.stop = stop;
  }

  @Override
  public void onEvent(StreamEvent e) {
    if ("text".equals(format)
        && e instanceof StreamEvent.ContentBlockDelta d
        && d.delta() instanceof Delta.Text t
        && !t.text().isEmpty()) {
      if (separate) {
        out.println();
        separate = false;
      }
      wroteText = true;
      last = t.text().charAt(t.text().length() - 1);
    }
    stream.accept(e);
  }

  @Override
  public void onIdle() {
    if (!stream.flush()) {
      stop.run(); // stdout is gone: stop paying for tokens and running tools
    }
  }

  @Override
  public void onMessage(Message m, int round) {
    separate = wroteText && last != '\n';
    onIdle();
  }

  @Override
  public void onUnparsedInput(ToolCall call) {
    if (tty && separate) {
      // on a terminal the warning would start right after the text: end its line
      out.println();
      out.flush();
      separate = false;
    }
    err.println(ToolLoop.unparsedInputWarning(call.name()));
    err.flush();
  }

  @Override
  public void onToolCall(ToolCall call) {
    if ((trace || approve) && tty && separate) {
      // on a terminal the trace or the question would start right after the text: end its line
      out.println();
      out.flush();
      separate = false;
    }
    if (trace) {
      err.println(
          errStyle.dim(
              errStyle.shown(
                  "tool call: " + call.name() + " " + shorten(Json.write(call.input())))));
      err.flush();
    }
    if ("jsonl".equals(format)) {
      JsonObject o = new JsonObject();
      o.addProperty("type", "tool_call");
      o.addProperty("id", call.id());
      o.addProperty("name", call.name());
      o.add("input", call.input());
      out.println(Json.write(o));
    }
  }

  @Override
  public void onToolResult(ToolCall call, ToolOutput result) {
    if (trace) {
      String what = result.isError() ? "tool error: " : "tool result: ";
      err.println(
          errStyle.dim(errStyle.shown(what + call.name() + " " + shorten(describe(result)))));
      err.flush();
    }
    if ("jsonl".equals(format)) {
      JsonObject o = new JsonObject();
      o.addProperty("type", "tool_result");
      o.addProperty("tool_use_id", call.id());
      o.addProperty("name", call.name());
      o.addProperty("is_error", result.isError());
      JsonArray content = new JsonArray();
      for (ContentBlock b : result.content()) {
        content.add(b.toJson());
      }
      o.add("content", content);
      out.println(Json.write(o));
    }
    onIdle();
  }

  private static String describe(ToolOutput result) {
    StringBuilder sb = new StringBuilder(result.text());
    for (ContentBlock b : result.content()) {
      if (!(b instanceof ContentBlock.Text)) {
        sb.append(" [").append(b.type()).append(']');
      }
    }
    return sb.toString();
  }

  private static String shorten(String s) {
    // a tool's output ends with a newline: not shown as a trailing space
    String one = s.stripTrailing().replace("\r", "").replace('\n', ' ');
    return one.length() > TRACE_LIMIT
        ? one.substring(0, TRACE_LIMIT) + "… (" + one.length() + " characters)"
        : one;
  }

  /**
   * {@code usage: input_tokens=… output_tokens=… estimated_cost=$… (N API calls)}: the cost at the
   * final message's model, left out for a model the price table does not know.
   */
  static String usageLine(ToolLoopResult r) {
    String model = r.finalMessage().model();
    String cost =
        model == null
            ? ""
            : Pricing.estimate(model, r.usage())
                .map(c -> " estimated_cost=" + c.formatted())
                .orElse("");
    return "usage: " + r.usage().summary() + cost + " (" + calls(r.iterations()) + ")";
  }

  private static String calls(int n) {
    return n == 1 ? "1 API call" : n + " API calls";
  }

  void endLine() {
    stream.endLine(tty);
  }

  /**
   * The closing output: the JSON message, usage (summed over the calls, with the estimated cost),
   * the schema check of the final answer, notes and warnings; returns the exit code.
   */
  int finish(ToolLoopResult r, MessagesRequest request, boolean usage, int maxIterations) {
    if ("json".equals(format)) {
      output.printMessage(r.finalMessage(), "json");
    }
    if (usage && r.usage() != null) {
      err.println(usageLine(r));
    }
    output.checkSchema(request, r.finalMessage());
    output.warnIfTruncated(r.finalMessage().stopReason());
    if (r.outcome() == ToolLoopResult.Outcome.REFUSED) {
      err.println(errStyle.yellow("warning: the model declined to answer (stop_reason refusal)"));
    }
    if (r.outcome() == ToolLoopResult.Outcome.MAX_ITERATIONS) {
      err.println(
          errStyle.yellow(
              "warning: stopped after "
                  + calls(maxIterations)
                  + " while the model still asked for tools; raise --max-iterations to"
                  + " let it go on"));
      err.flush();
      return ExitCodes.FAILURE;
    }
    err.flush();
    return ExitCodes.OK;
  }
}
