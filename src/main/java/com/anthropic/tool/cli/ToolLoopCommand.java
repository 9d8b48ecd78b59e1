package com.anthropic.tool.cli;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.tools.ToolExecutionException;
import com.anthropic.tool.client.tools.ToolLoop;
import com.anthropic.tool.client.tools.ToolLoopCancelledException;
import com.anthropic.tool.client.tools.ToolLoopResult;
import com.anthropic.tool.store.StoredConversation;
import com.anthropic.tool.toolbox.Toolbox;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tool-loop}: streams the answer, runs the tools the model asks for (local commands from
 * {@code --tool} files, MCP servers), sends the results back, until the model is done.
 */
@Command(
    name = "tool-loop",
    description =
        "Stream the answer, run the tools the model calls (--tool FILE, --mcp) and send the results"
            + " back, until the model stops asking for tools.",
    sortOptions = false,
    footerHeading = "%nExamples:%n",
    footer = {
      "  anthropic tool-loop --tool weather.json \"What is the weather in Paris?\"",
      "  anthropic tool-loop --tool ls.json --trace --approve \"Which file is largest?\"",
      "  git diff | anthropic tool-loop --tool tests.json --tool-timeout 300 \"Fix it\"",
      "  anthropic tool-loop --mcp \"npx -y @modelcontextprotocol/server-filesystem .\" \\",
      "      \"Which file here is largest?\"",
      "  anthropic tool-loop --tool calc.json --format jsonl \"17 * 23?\" | jq -c .type"
    })
final class ToolLoopCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Spec CommandSpec spec;
  @Mixin RequestOptions request;
  @Mixin ToolOptions toolOptions;
  @Mixin LogOptions log = new LogOptions();

  @Option(
      names = "--format",
      completionCandidates = Candidates.StreamFormats.class,
      paramLabel = "FORMAT",
      description =
          "text (default): the text as it arrives; json: the final Message object; jsonl: every"
              + " stream event and every tool call and result, one JSON object per line.")
  String format = "text";

  @Parameters(paramLabel = "PROMPT", description = "Prompt words, joined with spaces.")
  List<String> prompt = new ArrayList<>();

  @Override
  public Integer call() {
    CommandSupport s = new CommandSupport(root, spec);
    Formats.check(format, "text", "json", "jsonl");
    ExchangeLog logged = ExchangeLog.of(s, log);
    StoredConversation earlier = logged.continuation(log, request);
    s.startClient();
    MessagesRequest req;
    try {
      req =
          ExchangeLog.continued(
              s.requests().toolsAddedLater().build(request, prompt, s::shortUsage), earlier);
    } catch (RuntimeException e) {
      s.discardClient();
      throw e;
    }
    try (AnthropicClient client = s.client();
        ToolSetup.Tools tools = ToolSetup.build(s, request, toolOptions)) {
      Toolbox box = tools.toolbox();
      req = RequestFactory.checkToolChoice(ToolSetup.offer(req, box));
      ToolLoop loop =
          ToolLoop.builder(client)
              .executor(tools.executor())
              .maxIterations(toolOptions.maxIterations)
              .parallelism(toolOptions.parallel)
              .callOptions(s.callOptions())
              .build();
      ToolLoopRenderer renderer =
          new ToolLoopRenderer(
              s,
              format,
              request.showThinking(),
              toolOptions.trace,
              toolOptions.approve && !toolOptions.yes,
              loop::cancel);
      Thread onCtrlC =
          new Thread(
              () -> {
                loop.cancel();
                box.close();
              },
              "anthropic-tool-loop-stop");
      Runtime.getRuntime().addShutdownHook(onCtrlC);
      ToolLoopResult r;
      logged.opening();
      try {
        r = loop.stream(req, renderer);
      } catch (ToolLoopCancelledException e) {
        return ExitCodes.OK; // only a closed stdout cancels here; Ctrl-C ends the JVM with 130
      } catch (ToolExecutionException e) {
        // a tool that could not run at all (an MCP server that crashed): one line, exit 1
        CliException failure = new CliException(ExitCodes.FAILURE, "tool_error", e.getMessage(), e);
        logged.failed("tool-loop", req, failure, null, request.attach);
        throw failure;
      } catch (RuntimeException e) {
        logged.failed("tool-loop", req, e, null, request.attach);
        throw e;
      } finally {
        renderer.endLine();
        removeHook(onCtrlC);
      }
      int code = renderer.finish(r, req, request.usage(), toolOptions.maxIterations);
      s.out().flush();
      logged.answered(
          "tool-loop", req, ExchangeLog.Outcome.of(r, req.messages().size(), null), request.attach);
      return code;
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }
}
