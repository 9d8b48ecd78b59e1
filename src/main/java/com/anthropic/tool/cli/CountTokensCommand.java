package com.anthropic.tool.cli;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.model.TokenCount;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code count-tokens}: how many input tokens a request would use. */
@Command(
    name = "count-tokens",
    description =
        "Count the input tokens of a request (POST /v1/messages/count_tokens) and print the"
            + " number.",
    sortOptions = false,
    footerHeading = "%nExamples:%n",
    footer = {
      "  anthropic count-tokens \"How many tokens is this?\"",
      "  anthropic count-tokens < report.txt",
      "  anthropic count-tokens --system-file prompt.txt -a scan.pdf",
      "  while read q; do anthropic count-tokens -n \"$q\"; done < questions.txt"
    })
final class CountTokensCommand implements Callable<Integer> {
  @Mixin PromptInput input = new PromptInput();

  @Option(
      names = "--format",
      completionCandidates = Candidates.MessageFormats.class,
      paramLabel = "FORMAT",
      description = "text (default): the number; json: the API's answer.")
  String format = "text";

  @Override
  public Integer call() {
    CommandSupport s = input.support();
    Formats.check(format, "text", "json");
    MessagesRequest req = s.requests().build(input.request, input.prompt, s.shortUsage());
    TokenCount count;
    try (AnthropicClient client = s.client()) {
      count = client.countTokens(req, s.callOptions());
    }
    s.out().println(format.equals("json") ? Json.write(count.raw()) : count.inputTokens());
    return ExitCodes.OK;
  }
}
