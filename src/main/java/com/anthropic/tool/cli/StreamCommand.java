package com.anthropic.tool.cli;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.error.AnthropicException;
import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.stream.MessageStream;
import com.anthropic.tool.store.StoredConversation;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stream}: the {@code messages} request with {@code stream: true}; text is printed as it
 * arrives. A closed stdout cancels the stream and ends quietly with exit code 0.
 */
@Command(
    name = "stream",
    description = "Send one message with stream: true and print the answer as it arrives.",
    sortOptions = false,
    footerHeading = "%nExamples:%n",
    footer = {
      "  anthropic stream \"Tell me a story\" | tee story.txt",
      "  anthropic stream --show-thinking --thinking 2048 \"Why is the sky blue?\"",
      "  anthropic stream --format jsonl \"hi\" | jq -c .type",
      "  cat notes.md | anthropic stream \"Summarise these notes\""
    })
final class StreamCommand implements Callable<Integer> {
  @Mixin PromptInput input = new PromptInput();
  @Mixin LogOptions log = new LogOptions();

  @Option(
      names = "--format",
      completionCandidates = Candidates.StreamFormats.class,
      paramLabel = "FORMAT",
      description =
          "text (default): the text as it arrives; json: the final Message object;"
              + " jsonl: each event's data, one per line, as it arrives.")
  String format = "text";

  @Override
  public Integer call() {
    return run(input.support());
  }

  int run(CommandSupport s) {
    Formats.check(format, "text", "json", "jsonl");
    ExchangeLog logged = ExchangeLog.of(s, log);
    StoredConversation earlier = logged.continuation(log, input.request);
    s.startClient();
    MessagesRequest req;
    try {
      req =
          ExchangeLog.continued(
              s.requests().build(input.request, input.prompt, s::shortUsage), earlier);
    } catch (RuntimeException e) {
      s.discardClient();
      throw e;
    }
    StreamRenderer renderer =
        new StreamRenderer(s.out(), s.err(), s.errStyle(), format, input.request.showThinking());
    MessageOutput output = s.output();
    boolean tty = s.ctx().stdoutIsTerminal();
    Message m;
    String requestId;
    try (AnthropicClient client = s.client();
        MessageStream stream = open(client, req, s, logged)) {
      requestId = stream.requestId().orElse(null);
      stream.onIdle(
          () -> {
            if (!renderer.flush()) {
              stream.close(); // stdout is gone: stop paying for tokens
            }
          });
      try {
        m =
            stream.consume(
                e -> {
                  if (!renderer.accept(e)) {
                    stream.close(); // stdout is gone: stop paying for tokens
                  }
                });
      } catch (AnthropicException e) {
        renderer.endLine(tty); // the partial text stays; the error line follows on stderr
        logged.failed("stream", req, e, null, input.request.attach);
        throw e;
      }
      if (stream.isClosed()) {
        logged.answered("stream", req, ExchangeLog.Outcome.of(m, requestId), input.request.attach);
        return ExitCodes.OK;
      }
      renderer.endLine(tty);
      if ("json".equals(format)) {
        output.printMessage(m, "json");
      }
      for (Map.Entry<Integer, String> cut : stream.unparsedToolInputs().entrySet()) {
        String v = cut.getValue().replace('\n', ' ');
        s.err()
            .println(
                "warning: the tool input of content block "
                    + cut.getKey()
                    + " is incomplete JSON, so it was left out ("
                    + v.length()
                    + " characters: "
                    + (v.length() > 80 ? v.substring(0, 80) + "…" : v)
                    + ")");
      }
      output.printNotes(m, input.request.usage());
      output.checkSchema(req, m);
    }
    s.out().flush();
    logged.answered("stream", req, ExchangeLog.Outcome.of(m, requestId), input.request.attach);
    return ExitCodes.OK;
  }

  /** Sends the request; the log opens meanwhile, and records a failure to connect. */
  private MessageStream open(
      AnthropicClient client, MessagesRequest req, CommandSupport s, ExchangeLog logged) {
    logged.opening();
    try {
      return client.messagesStream(req, s.callOptions());
    } catch (RuntimeException e) {
      logged.failed("stream", req, e, null, input.request.attach);
      throw e;
    }
  }
}
