package com.anthropic.tool.cli;

import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.model.Tool;
import com.anthropic.tool.client.tools.ToolExecutor;
import com.anthropic.tool.client.tools.ToolOutput;
import com.anthropic.tool.toolbox.Approval;
import com.anthropic.tool.toolbox.ProcessRegistry;
import com.anthropic.tool.toolbox.ProcessTool;
import com.anthropic.tool.toolbox.Toolbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link Toolbox} of a command from {@code --tool} files and {@code --mcp} servers, and
 * the request that offers all of them. Shared by {@code tool-loop} and {@code chat}: the toolbox is
 * a plain {@link ToolExecutor}, so the code that runs the loop needs nothing from this package.
 */
final class ToolSetup {
  private ToolSetup() {}

  /** A toolbox and the executor to hand to the loop (the toolbox behind --approve, if given). */
  record Tools(Toolbox toolbox, ToolExecutor executor) implements AutoCloseable {
    /** Stops every tool process and server. */
    @Override
    public void close() {
      toolbox.close();
    }
  }

  /**
   * Loads the tools and starts the MCP servers. On failure everything started is stopped again.
   *
   * @throws CliException exit 2 for a bad tool file, exit 1 for an MCP server that fails
   */
  static Tools build(CommandSupport s, RequestOptions request, ToolOptions opts) {
    Toolbox box = new Toolbox();
    try {
      ProcessRegistry processes = new ProcessRegistry();
      box.own(processes);
      // the one environment of every tool process, local and MCP: no credential in it
      Map<String, String> toolEnv = ProcessTool.withoutCredentials(s.ctx().env());
      ProcessTool.Settings settings =
          new ProcessTool.Settings(
              toolEnv,
              Path.of("").toAbsolutePath(),
              Duration.ofMillis(Math.round(opts.toolTimeout * 1000)),
              opts.toolOutputLimit,
              processes);
      RequestFactory files = s.requests();
      Map<String, String> sources = new HashMap<>();
      for (String path : request.tools) {
        RequestFactory.LocalTool local = files.loadTool(path);
        if (local.command().isEmpty()) {
          throw CliException.input(
              "--tool "
                  + path
                  + ": no \"command\" to run the tool with (an array such as"
                  + " [\"./weather.sh\"])");
        }
        add(
            box,
            local.tool(),
            new ProcessTool(
                local.tool().name(),
                ToolCommand.resolve(path, local.command(), s.ctx().env()),
                settings),
            "--tool " + path,
            sources);
      }
      if (!opts.mcp.isEmpty()) {
        McpTools.start(box, opts, toolEnv, s.err(), sources);
      }
      ToolExecutor executor = box;
      if (opts.approve && !opts.yes) {
        TtyAsker asker = TtyAsker.open(s.ctx());
        box.own(asker);
        executor = new Approval(box, call -> !box.has(call.name()) || asker.approve(call));
      }
      return new Tools(box, executor);
    } catch (RuntimeException e) {
      box.close();
      throw e;
    }
  }

  /**
   * Adds a tool; a name already given is exit 2 naming both sources.
   *
   * @param source the option that gives it ({@code --tool FILE}, {@code --mcp "COMMAND"})
   * @param sources the source of every tool name added so far
   */
  static void add(
      Toolbox box, Tool tool, ToolExecutor exec, String source, Map<String, String> sources) {
    String other = sources.putIfAbsent(tool.name(), source);
    if (other != null) {
      throw CliException.input(
          "two tools are named " + tool.name() + ": one from " + other + ", one from " + source);
    }
    box.add(tool, exec);
  }

  /**
   * The request with every toolbox tool offered, and a tool of the request that nothing here can
   * run (one from {@code --request}) answered with an error rather than left hanging.
   */
  static MessagesRequest offer(MessagesRequest req, Toolbox box) {
    List<Tool> tools = new ArrayList<>(req.tools());
    for (Tool t : req.tools()) {
      if (!box.has(t.name()) && t.raw() != null && !t.raw().has("type")) {
        String name = t.name();
        box.add(
            t,
            call ->
                ToolOutput.error(
                    "the tool " + name + " has no local command here (give it with --tool FILE)"));
      }
    }
    for (Tool t : box.tools()) {
      if (tools.stream().noneMatch(x -> x.name().equals(t.name()))) {
        tools.add(t);
      }
    }
    return req.toBuilder().tools(tools).build();
  }
}
