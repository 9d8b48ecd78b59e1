package com.anthropic.tool.cli;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.model.ListParams;
import com.anthropic.tool.client.model.ModelInfo;
import com.anthropic.tool.client.model.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code models}: list the models (the default) or get one. */
@Command(
    name = "models",
    description = "List the available models (GET /v1/models), or get one.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  anthropic models",
      "  anthropic models --all --format json | jq -r '.[].id'",
      "  anthropic models get claude-sonnet-4-6"
    },
    subcommands = {ModelsCommand.ListCmd.class, ModelsCommand.Get.class, ModelsCommand.Ids.class})
final class ModelsCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Spec CommandSpec spec;
  @Mixin ListOptions list;

  @Override
  public Integer call() {
    return list(new CommandSupport(root, spec), list);
  }

  static int list(CommandSupport s, ListOptions o) {
    ResourceOutput out = o.output(s);
    ListParams params = o.params();
    try (AnthropicClient client = s.client()) {
      if (o.all) {
        List<ModelInfo> seen = new ArrayList<>();
        client
            .models()
            .listAll(params)
            .forEach(
                m -> {
                  out.model(m);
                  seen.add(m);
                });
        if (params.afterId() == null && params.beforeId() == null) {
          cache(s).writeModels(seen, warning(s));
        }
        out.end();
      } else {
        Page<ModelInfo> page = client.models().list(params);
        page.data().forEach(out::model);
        out.end();
        o.noteMore(s, page);
        if (!page.hasMore() && params.afterId() == null && params.beforeId() == null) {
          cache(s).writeModels(page.data(), warning(s));
        }
      }
    }
    return ExitCodes.OK;
  }

  private static java.util.function.Consumer<String> warning(CommandSupport s) {
    return w -> s.err().println(s.errStyle().prefixed("warning: " + w));
  }

  static ModelCache cache(CommandSupport s) {
    return new ModelCache(s.settings().paths().cache());
  }

  /** {@code models list}. */
  @Command(
      name = "list",
      description = "List the available models (GET /v1/models).",
      footerHeading = "%nExamples:%n",
      footer = {
        "  anthropic models list --limit 5",
        "  anthropic models list --all --format jsonl"
      })
  static final class ListCmd implements Callable<Integer> {
    @ParentCommand ModelsCommand parent;
    @Spec CommandSpec spec;
    @Mixin ListOptions list;

    @Override
    public Integer call() {
      return ModelsCommand.list(new CommandSupport(parent.root, spec), list);
    }
  }

  /** {@code models get ID}. */
  @Command(
      name = "get",
      description = "Show one model (GET /v1/models/{id}).",
      footerHeading = "%nExamples:%n",
      footer = {
        "  anthropic models get claude-sonnet-4-6",
        "  anthropic models get claude-haiku-4-5 --format json | jq .display_name"
      })
  static final class Get implements Callable<Integer> {
    @ParentCommand ModelsCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "Model id or alias.")
    String id;

    @picocli.CommandLine.Option(
        names = "--format",
        completionCandidates = Candidates.ResourceFormats.class,
        paramLabel = "FORMAT",
        description = "text (default): id, display name, created date; json: the API object.")
    String format = "text";

    @Override
    public Integer call() {
      Formats.check(format, "text", "json");
      CommandSupport s = new CommandSupport(parent.root, spec);
      try (AnthropicClient client = s.client()) {
        new ResourceOutput(s.out(), format.equals("json")).model(client.models().get(id));
      }
      return ExitCodes.OK;
    }
  }

  /**
   * {@code models ids}: the model ids for shell completion, from the cache when it is fresh, else
   * fetched (and cached). Prints nothing on any failure: completion must never show errors.
   */
  @Command(name = "ids", hidden = true, description = "Model ids for shell completion (cached).")
  static final class Ids implements Callable<Integer> {
    @ParentCommand ModelsCommand parent;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      CommandSupport s = new CommandSupport(parent.root, spec);
      try {
        ModelCache cache = cache(s);
        Optional<List<String>> ids = cache.fresh(Instant.now());
        if (ids.isEmpty()) {
          try (AnthropicClient client = s.client()) {
            List<ModelInfo> fetched =
                client
                    .models()
                    .listAll(new ListParams(1000, null, null))
                    .collect(Collectors.toList());
            cache.writeModels(fetched, w -> {}); // completion stays silent
            ids =
                Optional.of(fetched.stream().map(ModelInfo::id).filter(ModelCache::isId).toList());
          }
        }
        ids.get().forEach(s.out()::println);
      } catch (RuntimeException e) {
        // completion stays silent
      }
      return ExitCodes.OK;
    }
  }
}
