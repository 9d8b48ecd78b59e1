package com.anthropic.tool.cli;

import com.anthropic.tool.mock.MockApiServer;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mock-server}: a local stand-in for the API. Prints the base URL on stdout, a hint on
 * stderr, then serves until the process is stopped (or, in tests, the thread is interrupted).
 */
@Command(
    name = "mock-server",
    description = {
      "Serve a local stand-in for the API on 127.0.0.1 with deterministic answers; prints its"
          + " base URL. For testing scripts and CI pipelines without a key.",
      "Stop it with Ctrl-C. See docs/mock-server.md for the answers and the x-mock-* knobs."
    },
    sortOptions = false,
    footerHeading = "%nExamples:%n",
    footer = {
      "  anthropic mock-server --port 8080 &",
      "  export ANTHROPIC_BASE_URL=http://127.0.0.1:8080 ANTHROPIC_API_KEY=mock",
      "  anthropic messages hi"
    })
final class MockServerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      converter = Ranges.Port.class,
      paramLabel = "N",
      description = "Port on 127.0.0.1 (default: 0, any free port).")
  int port;

  @Override
  public Integer call() {
    MockApiServer server;
    try {
      server = MockApiServer.start(port);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof BindException) {
        throw CliException.usage(
            "cannot listen on 127.0.0.1:"
                + port
                + " ("
                + e.getCause().getMessage()
                + "); pick another --port, or 0 for any free port");
      }
      throw e;
    }
    try (server) {
      PrintWriter out = spec.commandLine().getOut();
      out.println(server.baseUrl());
      out.flush();
      PrintWriter err = spec.commandLine().getErr();
      err.println("mock-server: listening; in another shell:");
      err.println("  export ANTHROPIC_BASE_URL=" + server.baseUrl() + " ANTHROPIC_API_KEY=mock");
      err.println("mock-server: Ctrl-C stops it");
      err.flush();
      server.awaitClose();
      return ExitCodes.OK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.INTERRUPTED;
    }
  }
}
