package com.anthropic.tool.cli;

import com.anthropic.tool.client.model.Tool;
import com.anthropic.tool.mcp.McpServerException;
import com.anthropic.tool.mcp.StdioMcpServer;
import com.anthropic.tool.text.ControlChars;
import com.anthropic.tool.toolbox.Toolbox;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Starts {@code --mcp} servers into a toolbox. A class of its own so that the MCP SDK (and the
 * Jackson and Reactor classes under it) load only when {@code --mcp} is given: nothing else in
 * {@code cli} names a type of {@code com.anthropic.tool.mcp}.
 */
final class McpTools {
  /** Start-up (npx may download the server first) waits this long, or --tool-timeout if longer. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private McpTools() {}

  /**
   * Starts each server, in order, and adds its tools. Each server is owned by the box as soon as it
   * runs, so a failure later (or Ctrl-C, which closes the box) stops it.
   *
   * @param sources which option gave each tool name so far (for a clash), updated here
   * @throws CliException exit 2 for a command that cannot be split or a tool name given twice, exit
   *     1 for a server that does not start
   */
  static void start(
      Toolbox box,
      ToolOptions opts,
      Map<String, String> env,
      PrintWriter err,
      Map<String, String> sources) {
    Duration callTimeout = Duration.ofMillis(Math.round(opts.toolTimeout * 1000));
    StdioMcpServer.Settings settings =
        new StdioMcpServer.Settings(
            env,
            Path.of("").toAbsolutePath(),
            START_TIMEOUT.compareTo(callTimeout) > 0 ? START_TIMEOUT : callTimeout,
            callTimeout,
            opts.toolOutputLimit,
            null);
    // Ctrl-C while a server starts: stop what runs (the command's own hook comes later)
    Thread onCtrlC = new Thread(box::close, "anthropic-mcp-start-stop");
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    try {
      startEach(box, opts, settings, err, sources);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs
      }
    }
  }

  /** Under --trace a server's stderr is shown as it comes: {@code mcp stderr [N]: LINE}. */
  private static Consumer<String> traceLine(PrintWriter err, int n) {
    String prefix = n == 0 ? "mcp stderr: " : "mcp stderr [" + n + "]: ";
    return line -> {
      err.println(prefix + ControlChars.visible(line)); // a server's words never drive the terminal
      err.flush();
    };
  }

  private static void startEach(
      Toolbox box,
      ToolOptions opts,
      StdioMcpServer.Settings common,
      PrintWriter err,
      Map<String, String> sources) {
    for (int i = 0; i < opts.mcp.size(); i++) {
      String line = opts.mcp.get(i);
      StdioMcpServer.Settings settings =
          opts.trace
              ? common.withStderrLines(traceLine(err, opts.mcp.size() == 1 ? 0 : i + 1))
              : common;
      List<String> command;
      try {
        command = ShellWords.split(line);
      } catch (IllegalArgumentException e) {
        throw CliException.usage("--mcp \"" + line + "\": " + e.getMessage());
      }
      if (command.isEmpty()) {
        throw CliException.usage("--mcp needs a command, such as --mcp \"npx -y SERVER\"");
      }
      StdioMcpServer server;
      try {
        server = StdioMcpServer.launch(command, settings);
        box.own(server);
        server.initialize();
      } catch (McpServerException e) {
        throw new CliException(ExitCodes.FAILURE, "mcp_error", e.getMessage(), e);
      }
      server
          .renamed()
          .forEach(
              (offered, own) ->
                  err.println(
                      "warning: "
                          + server.label()
                          + ": the tool \""
                          + ControlChars.visible(own)
                          + "\" is offered as "
                          + offered
                          + " (the API takes only letters, digits, _ and -, at most 64)"));
      err.flush();
      for (Tool t : server.tools()) {
        ToolSetup.add(box, t, server, "--mcp \"" + line + "\"", sources);
      }
    }
  }
}
