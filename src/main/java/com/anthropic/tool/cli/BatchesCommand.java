package com.anthropic.tool.cli;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.model.MessageBatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code batches}: the message batch lifecycle. */
@Command(
    name = "batches",
    description = "Create, inspect, wait for and download message batches.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  id=$(anthropic batches create --prompts questions.txt | cut -f1)",
      "  anthropic batches wait \"$id\"",
      "  anthropic batches results \"$id\" --text"
    },
    subcommands = {
      BatchesCreateCommand.class,
      BatchesCommand.Get.class,
      BatchesCommand.ListCmd.class,
      BatchesCommand.Cancel.class,
      BatchesCommand.Delete.class,
      BatchesCommand.Wait.class,
      BatchesResultsCommand.class
    })
final class BatchesCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "missing verb: create, get, list, cancel, delete, wait or results");
  }

  /** What {@code get}, {@code cancel} or {@code delete} does with the open client. */
  @FunctionalInterface
  interface ClientAction {
    void run(AnthropicClient client, CommandSupport support, boolean json);
  }

  /**
   * The shared body of the single-batch verbs: opens a client for the command, runs the action with
   * it and the output format, closes the client and returns success.
   */
  static int withClient(
      BatchesCommand parent, CommandSpec spec, BatchFormatOption format, ClientAction action) {
    CommandSupport s = new CommandSupport(parent.root, spec);
    boolean json = format.json();
    try (AnthropicClient client = s.client()) {
      action.run(client, s, json);
    }
    return ExitCodes.OK;
  }

  /** {@code batches get ID}. */
  @Command(
      name = "get",
      description = "Show a batch (GET /v1/messages/batches/{id}).",
      footerHeading = "%nExamples:%n",
      footer = {
        "  anthropic batches get msgbatch_01AbC",
        "  anthropic batches get msgbatch_01AbC --format json | jq .request_counts"
      })
  static final class Get implements Callable<Integer> {
    @ParentCommand BatchesCommand parent;
    @Spec CommandSpec spec;
    @Mixin BatchFormatOption format;

    @Parameters(paramLabel = "ID", description = "Batch id.")
    String id;

    @Override
    public Integer call() {
      return withClient(
          parent,
          spec,
          format,
          (client, s, json) -> new ResourceOutput(s.out(), json).batch(client.batches().get(id)));
    }
  }

  /** {@code batches list}. */
  @Command(
      name = "list",
      description = "List batches, newest first (GET /v1/messages/batches).",
      footerHeading = "%nExamples:%n",
      footer = {
        "  anthropic batches list --limit 5",
        "  anthropic batches list --all --format jsonl | jq -r .id"
      })
  static final class ListCmd implements Callable<Integer> {
    @ParentCommand BatchesCommand parent;
    @Spec CommandSpec spec;
    @Mixin ListOptions list;

    @Override
    public Integer call() {
      CommandSupport s = new CommandSupport(parent.root, spec);
      ResourceOutput out = list.output(s);
      try (AnthropicClient client = s.client()) {
        list.print(
            s, out, client.batches()::listAll, client.batches()::list, ResourceOutput::batch);
      }
      return ExitCodes.OK;
    }
  }

  /** {@code batches cancel ID}. */
  @Command(
      name = "cancel",
      description = "Cancel a batch (POST /v1/messages/batches/{id}/cancel).",
      footerHeading = "%nExamples:%n",
      footer = {"  anthropic batches cancel msgbatch_01AbC"})
  static final class Cancel implements Callable<Integer> {
    @ParentCommand BatchesCommand parent;
    @Spec CommandSpec spec;
    @Mixin BatchFormatOption format;

    @Parameters(paramLabel = "ID", description = "Batch id.")
    String id;

    @Override
    public Integer call() {
      return withClient(
          parent,
          spec,
          format,
          (client, s, json) ->
              new ResourceOutput(s.out(), json).batch(client.batches().cancel(id)));
    }
  }

  /** {@code batches delete ID}. */
  @Command(
      name = "delete",
      description = "Delete an ended batch (DELETE /v1/messages/batches/{id}).",
      footerHeading = "%nExamples:%n",
      footer = {"  anthropic batches delete msgbatch_01AbC"})
  static final class Delete implements Callable<Integer> {
    @ParentCommand BatchesCommand parent;
    @Spec CommandSpec spec;
    @Mixin BatchFormatOption format;

    @Parameters(paramLabel = "ID", description = "Batch id.")
    String id;

    @Override
    public Integer call() {
      return withClient(
          parent,
          spec,
          format,
          (client, s, json) -> {
            var answer = client.batches().delete(id);
            if (json) {
              new ResourceOutput(s.out(), true).raw(answer);
            } else {
              String deletedId = com.anthropic.tool.client.model.Json.str(answer, "id");
              s.out().println((deletedId == null ? id : deletedId) + "\tdeleted");
            }
          });
    }
  }

  /** {@code batches wait ID}. */
  @Command(
      name = "wait",
      description =
          "Poll a batch until it has ended (progress on stderr), then print it. Ctrl-C stops"
              + " waiting; the batch goes on.",
      footerHeading = "%nExamples:%n",
      footer = {
        "  anthropic batches wait msgbatch_01AbC",
        "  anthropic batches wait msgbatch_01AbC --poll-interval 30"
      })
  static final class Wait implements Callable<Integer> {
    @ParentCommand BatchesCommand parent;
    @Spec CommandSpec spec;
    @Mixin BatchFormatOption format;
    @Mixin BatchWaitOptions waitOptions;

    @Parameters(paramLabel = "ID", description = "Batch id.")
    String id;

    @Override
    public Integer call() {
      CommandSupport s = new CommandSupport(parent.root, spec);
      boolean json = format.json();
      try (AnthropicClient client = s.client()) {
        MessageBatch b = new BatchProgress(s).waitFor(client, id, waitOptions.policy());
        new ResourceOutput(s.out(), json).batch(b);
      }
      return ExitCodes.OK;
    }
  }
}
