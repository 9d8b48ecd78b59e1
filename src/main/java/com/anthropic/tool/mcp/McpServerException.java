package com.anthropic.tool.mcp;

/**
 * An MCP server could not be used: it did not start, did not answer {@code initialize} or {@code
 * tools/list}, or ended during a call. The message names the server's command and, when it wrote
 * any, its last stderr lines.
 */
public final class McpServerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  McpServerException(String message) {
    super(message);
  }
}
