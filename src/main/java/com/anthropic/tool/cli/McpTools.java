package com.anthropic.tool.cli;

import com.anthropic.tool.toolbox.Toolbox;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * Starts {@code --mcp} servers into a toolbox. A class of its own so that the MCP SDK (and the
 * Jackson and Reactor classes under it) load only when {@code --mcp} is given.
 */
final class McpTools {
  private McpTools() {}

  static void start(Toolbox box, List<String> commands, Map<String, String> env, PrintWriter err) {
    throw CliException.usage(
        "--mcp is not in this build yet (MCP servers: see docs/tools.md); use --tool FILE");
  }
}
