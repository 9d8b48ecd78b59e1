package com.anthropic.tool.cli;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.store.StoredConversation;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code messages}: one non-streaming call; prints the answer. */
@Command(
    name = "messages",
    description = "Send one message (POST /v1/messages) and print the answer.",
    sortOptions = false,
    footerHeading = "%nExamples:%n",
    footer = {
      "  anthropic messages \"What is the capital of France?\"",
      "  git diff | anthropic messages \"Write a commit message for this diff\"",
      "  anthropic messages -m claude-haiku-4-5 -s \"Answer in one word\" \"Sky colour?\"",
      "  anthropic messages -a photo.png \"What is in this picture?\"",
      "  anthropic messages --format json -u \"hi\" | jq .usage",
      "  while read q; do anthropic messages -n \"$q\"; done < questions.txt"
    })
final class MessagesCommand implements Callable<Integer> {
  @Mixin PromptInput input = new PromptInput();
  @Mixin LogOptions log = new LogOptions();

  @Option(
      names = "--format",
      completionCandidates = Candidates.MessageFormats.class,
      paramLabel = "FORMAT",
      description = "text (default): the answer text; json: the full Message object.")
  String format = "text";

  @Override
  public Integer call() {
    return run(input.support());
  }

  int run(CommandSupport s) {
    Formats.check(format, "text", "json");
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
    if (req.stream()) {
      // a --request body written for `stream`: this command is the non-streaming call
      req = req.toBuilder().stream(false).build();
    }
    Message m;
    try (AnthropicClient client = s.client()) {
      logged.opening();
      m = client.messages(req, s.callOptions());
    } catch (RuntimeException e) {
      logged.failed("messages", req, e, null, input.request.attach);
      throw e;
    }
    MessageOutput output = s.output();
    if (input.request.showThinking()) {
      output.printThinking(m.thinking());
    }
    output.printMessage(m, format);
    output.printNotes(m, input.request.usage());
    output.checkSchema(req, m);
    s.out().flush();
    logged.answered("messages", req, ExchangeLog.Outcome.of(m, null), input.request.attach);
    return ExitCodes.OK;
  }
}
