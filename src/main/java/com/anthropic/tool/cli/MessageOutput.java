package com.anthropic.tool.cli;

import com.anthropic.tool.client.Pricing;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.MessagesRequest;
import java.io.PrintWriter;

/** Renders a final message and its side notes (usage, thinking, warnings) the CLI.md way. */
final class MessageOutput {
  private final PrintWriter out;
  private final PrintWriter err;
  private final Style errStyle;
  private final boolean stdoutIsTerminal;

  MessageOutput(PrintWriter out, PrintWriter err, Style errStyle, boolean stdoutIsTerminal) {
    this.out = out;
    this.err = err;
    this.errStyle = errStyle;
    this.stdoutIsTerminal = stdoutIsTerminal;
  }

  /** Prints the answer: exact text, or the whole message as one JSON line. */
  void printMessage(Message m, String format) {
    if ("json".equals(format)) {
      out.println(Json.write(m.toJson()));
    } else {
      String text = m.text();
      out.print(text);
      if (stdoutIsTerminal && !text.endsWith("\n")) {
        out.println();
      }
    }
    out.flush();
  }

  /** Thinking to stderr, dimmed on a terminal. */
  void printThinking(String thinking) {
    if (thinking == null || thinking.isEmpty()) {
      return;
    }
    err.println(errStyle.dim("thinking:"));
    err.println(errStyle.dim(errStyle.shown(thinking)));
    err.flush();
  }

  /** Usage and the max_tokens warning, on stderr. */
  void printNotes(Message m, boolean usage) {
    if (usage && m.usage() != null) {
      err.println(usageLine(m));
    }
    warnIfTruncated(m.stopReason());
    err.flush();
  }

  /**
   * {@code usage: input_tokens=12 output_tokens=40 estimated_cost=$0.000636}; the cost is left out
   * for a model the price table does not know.
   */
  static String usageLine(Message m) {
    String cost =
        m.model() == null
            ? ""
            : Pricing.estimate(m.model(), m.usage())
                .map(c -> " estimated_cost=" + c.formatted())
                .orElse("");
    return "usage: " + m.usage().summary() + cost;
  }

  /** With {@code --schema}: a warning naming the first path where the answer does not match. */
  void checkSchema(MessagesRequest request, Message m) {
    SchemaCheck.problem(request, m)
        .ifPresent(p -> err.println(errStyle.yellow("warning: " + errStyle.shown(p))));
    err.flush();
  }

  void warnIfTruncated(String stopReason) {
    if ("max_tokens".equals(stopReason)) {
      err.println(
          errStyle.yellow(
              "warning: the answer stopped at max_tokens; raise --max-tokens for a longer one"));
    }
  }
}
