package com.anthropic.tool.chat;

import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.StreamEvent;
import com.anthropic.tool.client.tools.ToolCall;
import com.anthropic.tool.client.tools.ToolLoop;
import com.anthropic.tool.client.tools.ToolLoopListener;
import com.anthropic.tool.client.tools.ToolOutput;
import com.anthropic.tool.text.ControlChars;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Shows one answer as its tool loop runs and keeps what happened: each round's text through a fresh
 * {@link TerminalRenderer}, one dim line per tool call ({@code tool NAME INPUT → ok}), and the
 * turns of the rounds that completed (assistant turns as received, tool results in the model's
 * order). {@link #stop()} (Ctrl-C, from any thread) freezes it: what was on screen is kept and
 * nothing the loop still reports afterwards is shown or kept.
 */
final class AnswerRecorder implements ToolLoopListener {
  private static final int INPUT_LIMIT = 60;
  private static final int RESULT_LIMIT = 200;
  private final Supplier<TerminalRenderer> renderers;
  private final PrintWriter info;
  private final boolean styled;
  private final boolean trace;
  private final List<Conversation.Turn> turns = new ArrayList<>();
  private final List<ContentBlock> results = new ArrayList<>();
  private TerminalRenderer renderer;
  private boolean stopped;

  /**
   * @param renderers a new renderer for each round's text
   * @param info where the tool lines go (the terminal, or stderr when not interactive)
   * @param trace show each result's text too, not only ok/error ({@code --trace})
   */
  AnswerRecorder(
      Supplier<TerminalRenderer> renderers, PrintWriter info, boolean styled, boolean trace) {
    this.renderers = renderers;
    this.info = info;
    this.styled = styled;
    this.trace = trace;
  }

  @Override
  public synchronized void onEvent(StreamEvent event) {
    if (stopped) {
      return;
    }
    if (renderer == null) {
      renderer = renderers.get();
    }
    renderer.accept(event);
  }

  @Override
  public synchronized void onIdle() {
    if (!stopped && renderer != null) {
      renderer.flush();
    }
  }

  @Override
  public synchronized void onMessage(Message message, int round) {
    if (stopped) {
      return;
    }
    if (renderer != null) {
      renderer.finish();
      renderer = null;
    }
    keepResults();
    turns.add(Conversation.Turn.assistant(message.content(), false));
  }

  @Override
  public synchronized void onUnparsedInput(ToolCall call) {
    if (stopped) {
      return;
    }
    info.println(ToolLoop.unparsedInputWarning(call.name()));
    info.flush();
  }

  @Override
  public synchronized void onToolResult(ToolCall call, ToolOutput output) {
    if (stopped) {
      return;
    }
    results.add(output.toResult(call.id()));
    String line = "tool " + call.name() + " " + shorten(Json.write(call.input()), INPUT_LIMIT);
    String text = shorten(output.text(), RESULT_LIMIT);
    if (output.isError()) {
      line += " → error" + (text.isEmpty() ? "" : ": " + text);
    } else {
      line += " → ok" + (trace && !text.isEmpty() ? ": " + text : "");
    }
    line = ControlChars.visible(line); // a tool's name, input and output never drive the terminal
    info.println(styled ? MarkdownStyler.DIM + line + MarkdownStyler.NORMAL : line);
    info.flush();
  }

  private void keepResults() {
    if (!results.isEmpty()) {
      turns.add(Conversation.Turn.user(List.copyOf(results)));
      results.clear();
    }
  }

  /**
   * Freezes the answer (Ctrl-C or a failure): the round being shown is ended on screen and its text
   * kept as an interrupted assistant turn. Returns the turns kept.
   */
  synchronized List<Conversation.Turn> stop() {
    if (!stopped) {
      stopped = true;
      keepResults();
      if (renderer != null) {
        List<ContentBlock> shown = renderer.stop();
        renderer = null;
        if (!shown.isEmpty()) {
          turns.add(Conversation.Turn.assistant(shown, true));
        }
      }
    }
    return List.copyOf(turns);
  }

  static String shorten(String s, int limit) {
    // a tool's output ends with a newline: not shown as a trailing space
    String one = s.stripTrailing().replace("\r", "").replace('\n', ' ');
    return one.length() > limit ? one.substring(0, limit) + "…" : one;
  }
}
