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

  @Option(
      names = "--replies",
      paramLabel = "FILE",
      description =
          "Answer the first requests with these replies, one per request in order (replies"
              + " separated by a line ---), kept exactly, whitespace and newlines included.")
  java.nio.file.Path replies;

  @Option(
      names = "--pace",
      converter = Ranges.PaceMillis.class,
      paramLabel = "MS",
      description =
          "Milliseconds between the text deltas of a streamed answer (default: 0; a request's"
              + " x-mock-pace header wins).")
  int pace;

  /** The replies of a {@code --replies} file (at most 10 MB). */
  static java.util.List<String> readReplies(java.nio.file.Path file) {
    try {
      if (!java.nio.file.Files.isRegularFile(file)) {
        throw CliException.input("--replies " + file + " is not a regular file");
      }
      if (java.nio.file.Files.size(file) > 10L * 1024 * 1024) {
        throw CliException.input("--replies " + file + " is larger than 10 MB");
      }
      return MockApiServer.replies(
          java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.nio.charset.MalformedInputException e) {
      throw CliException.input("--replies " + file + " is not UTF-8 text");
    } catch (java.io.IOException e) {
      throw CliException.input("cannot read --replies " + file + ": " + e.getMessage());
    }
  }

  @Override
  public Integer call() {
    java.util.List<String> answers = java.util.List.of();
    if (replies != null) {
      answers = readReplies(replies);
    }
    MockApiServer server;
    try {
      server = MockApiServer.start(port, answers, pace);
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
