package com.anthropic.tool.cli;

import com.anthropic.tool.mock.MockApiServer;
import java.io.PrintWriter;

/**
 * {@code --mock}: one in-process mock server per run (the answers of {@code mock-server}) that the
 * command's client talks to, on 127.0.0.1, with no key; a {@code note:} line on stderr says so.
 */
final class MockMode {
  /** The line on stderr. */
  static final String NOTE =
      "note: --mock: the answers are canned, from a mock server in this process; nothing leaves"
          + " this machine";

  private static MockApiServer server;
  private static PrintWriter told;

  private MockMode() {}

  /** The base URL of this run's mock server (started, and the note written, on first use). */
  static synchronized String baseUrl(PrintWriter err) {
    if (server == null) {
      server = MockApiServer.start(0);
    }
    if (told != err) {
      // once per run (a run has one stderr)
      told = err;
      err.println(NOTE);
      err.flush();
    }
    return server.baseUrl();
  }
}
