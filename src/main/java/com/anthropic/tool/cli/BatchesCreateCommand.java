package com.anthropic.tool.cli;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.Batches;
import com.anthropic.tool.client.model.BatchRequest;
import com.anthropic.tool.client.model.MessageBatch;
import com.anthropic.tool.client.model.MessagesRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code batches create}: validate every request locally, then create the batch(es). */
@Command(
    name = "create",
    description =
        "Create a batch (POST /v1/messages/batches) from JSONL (--input) or one prompt per line"
            + " (--prompts, built with the request options). Everything is validated before"
            + " anything is sent.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  anthropic batches create --prompts questions.txt --wait",
      "  anthropic batches create --input requests.jsonl",
      "  printf 'q1\\t2+2?\\n' | anthropic batches create --prompts - -m claude-haiku-4-5"
    },
    sortOptions = false)
final class BatchesCreateCommand implements Callable<Integer> {
  /**
   * The prompt the request is built with; each line's prompt takes its place (inside a template's
   * prompt, where it fills {@code $input}). Private-use characters: never in a real prompt.
   */
  private static final String PROMPT = "\uE000PROMPT\uE000";

  @ParentCommand BatchesCommand parent;
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  /** Where the requests come from. */
  static final class Source {
    @Option(
        names = "--input",
        paramLabel = "FILE|-",
        description = "JSONL, one {\"custom_id\":..,\"params\":{..}} per line.")
    String input;

    @Option(
        names = "--prompts",
        paramLabel = "FILE|-",
        description = "One prompt per line (custom id line-N, or ID<TAB>prompt).")
    String prompts;
  }

  @Option(
      names = "--split",
      description = "Over 100,000 requests or 256 MB: create several batches, print every one.")
  boolean split;

  @Option(names = "--wait", description = "Poll until the batch has ended; progress on stderr.")
  boolean waitForEnd;

  @Option(
      names = "--max-requests",
      hidden = true,
      converter = Ranges.BatchSize.class,
      description = "Requests per batch (tests).")
  int maxRequests = Batches.MAX_REQUESTS;

  @Mixin BatchFormatOption format;
  @Mixin BatchWaitOptions waitOptions;
  @Mixin RequestOptions request;

  @Override
  public Integer call() {
    CommandSupport s = new CommandSupport(parent.root, spec);
    boolean json = format.json();
    List<BatchRequest> requests = read(s);
    List<List<BatchRequest>> groups =
        BatchInput.groups(requests, split, Math.min(maxRequests, Batches.MAX_REQUESTS));
    ResourceOutput out = new ResourceOutput(s.out(), json);
    try (AnthropicClient client = s.client()) {
      List<MessageBatch> created = new ArrayList<>();
      for (List<BatchRequest> group : groups) {
        MessageBatch b = client.batches().create(group, s.callOptions());
        created.add(b);
        if (!waitForEnd) {
          out.batch(b);
          s.out().flush();
        }
      }
      if (waitForEnd) {
        for (MessageBatch b : created) {
          out.batch(new BatchProgress(s).waitFor(client, b.id(), waitOptions.policy()));
        }
      }
    }
    return ExitCodes.OK;
  }

  private List<BatchRequest> read(CommandSupport s) {
    String path = source.input != null ? source.input : source.prompts;
    String flag = source.input != null ? "--input" : "--prompts";
    String name = path.equals("-") ? "standard input" : path;
    boolean usesStdin = path.equals("-");
    Function<String, MessagesRequest> template = null;
    if (source.prompts != null) {
      // the template is built before reading: with --prompts - stdin holds the prompts, not a
      // document, so the request factory leaves it unread
      // -a file_…: its type is looked up once, and the batch is created with the Files beta
      RequestFactory factory = s.requests();
      if (usesStdin) {
        factory.leaveStdin();
      }
      MessagesRequest t = factory.build(request, List.of(PROMPT), s.shortUsage());
      template = BatchInput.template(t, PROMPT);
    } else if (hasRequestFlags()) {
      throw CliException.usage(
          "request options apply to --prompts only; with --input each line carries its params");
    }
    try (InputStream in = BatchInput.open(path, flag, s.ctx())) {
      return template == null
          ? BatchInput.jsonl(in, name, s.err())
          : BatchInput.prompts(in, name, template, s.err());
    } catch (IOException e) {
      throw CliException.input("cannot read " + name + ": " + e.getMessage());
    }
  }

  private boolean hasRequestFlags() {
    RequestOptions o = request;
    return o.model != null
        || o.maxTokens != null
        || o.system != null
        || o.systemFile != null
        || o.request != null
        || !o.attach.isEmpty()
        || !o.tools.isEmpty()
        || o.schema != null
        || o.effort != null
        || o.template != null;
  }
}
