package com.anthropic.tool.cli;

import com.anthropic.tool.client.error.AnthropicException;
import com.anthropic.tool.client.error.ApiException;
import com.anthropic.tool.client.error.ApiTimeoutException;
import com.anthropic.tool.client.error.AuthenticationException;
import com.anthropic.tool.client.error.ConnectionException;
import com.anthropic.tool.client.error.InvalidRequestException;
import com.anthropic.tool.client.error.InvalidResponseException;
import com.anthropic.tool.client.error.MissingCredentialsException;
import com.anthropic.tool.client.error.OverloadedException;
import com.anthropic.tool.client.error.PermissionDeniedException;
import com.anthropic.tool.client.error.RateLimitException;
import com.anthropic.tool.client.tools.ToolExecutionException;
import com.anthropic.tool.config.XdgPaths;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/** Turns any failure into one {@code error:} line on stderr and the exit code of CLI.md. */
public final class ErrorReporter {
  /** The hint after a missing key, naming the config file the environment actually points at. */
  static String noKeyHelp(Map<String, String> env) {
    return "no API key: set ANTHROPIC_API_KEY, pass --api-key KEY, or run 'anthropic keys set'"
        + " (it stores api-key in "
        + configPathForPeople(env)
        + "); to try it offline without a key: anthropic mock-server";
  }

  /** The config file path, with the home directory shown as {@code ~}. */
  static String configPathForPeople(Map<String, String> env) {
    Path file = XdgPaths.from(env).configFile();
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    if (home != null && !home.isBlank()) {
      Path h = Path.of(home);
      if (file.startsWith(h) && !file.equals(h)) {
        return "~/" + h.relativize(file);
      }
    }
    return file.toString();
  }

  private static final java.util.regex.Pattern CONTROL =
      java.util.regex.Pattern.compile("[\\x00-\\x1f\\x7f\\x80-\\x9f]");

  private ErrorReporter() {}

  /** A line and an exit code for a failure. */
  record Report(String line, int exitCode) {}

  static Report describe(Throwable t) {
    return describe(t, Map.of());
  }

  static Report describe(Throwable t, Map<String, String> env) {
    return describe(t, env, () -> null);
  }

  /**
   * @param keySource where the credential came from ({@code --api-key}, {@code ANTHROPIC_API_KEY},
   *     {@code api-key in ~/.config/…}), named after a 401; asked only then
   */
  static Report describe(Throwable t, Map<String, String> env, Supplier<String> keySource) {
    Throwable e = unwrap(t);
    if (e instanceof CliException) {
      CliException c = (CliException) e;
      return new Report(line(c.type(), c.getMessage()), c.exitCode());
    }
    if (e instanceof MissingCredentialsException) {
      return new Report(line("authentication_error", noKeyHelp(env)), ExitCodes.AUTH);
    }
    if (e instanceof InvalidRequestException) {
      return new Report(line("invalid_request", e.getMessage()), ExitCodes.USAGE);
    }
    if (e instanceof ApiException) {
      ApiException a = (ApiException) e;
      StringBuilder sb = new StringBuilder();
      sb.append(
          line(
              a.type() == null ? ApiException.typeForStatus(a.status()) : a.type(),
              a.errorMessage()));
      if (a instanceof AuthenticationException) {
        String source = keySource.get();
        if (source != null) {
          sb.append("; the key came from ").append(source);
        }
      }
      String suffix = "";
      if (a.status() > 0) {
        suffix = "HTTP " + a.status();
      }
      if (a.requestId().isPresent()) {
        suffix += (suffix.isEmpty() ? "" : ", ") + "request-id " + a.requestId().get();
      }
      if (!suffix.isEmpty()) {
        sb.append(" (").append(suffix).append(')');
      }
      return new Report(sb.toString(), exitCodeFor(a));
    }
    if (e instanceof ApiTimeoutException) {
      return new Report(line("timeout_error", e.getMessage()), ExitCodes.NETWORK);
    }
    if (e instanceof ConnectionException) {
      return new Report(line("connection_error", e.getMessage()), ExitCodes.NETWORK);
    }
    if (e instanceof InvalidResponseException) {
      return new Report(line("invalid_response", e.getMessage()), ExitCodes.FAILURE);
    }
    if (e instanceof UncheckedIOException u) {
      // the wrapper's own message when it was given one ("cannot write F: …"), else the cause's
      // (never "java.io.IOException: …")
      String own = u.getMessage();
      boolean given = own != null && !own.equals(String.valueOf(u.getCause()));
      return new Report(
          line("io_error", given ? own : u.getCause().getMessage()), ExitCodes.FAILURE);
    }
    if (e instanceof ToolExecutionException) {
      // a tool that could not run at all (an MCP server that crashed): as tool-loop words it
      return new Report(line("tool_error", e.getMessage()), ExitCodes.FAILURE);
    }
    if (e instanceof AnthropicException) {
      // a type of its own, so the line never reads "error: error: ..."
      return new Report(line("client_error", e.getMessage()), ExitCodes.FAILURE);
    }
    String msg = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    return new Report(line("internal_error", msg), ExitCodes.FAILURE);
  }

  static int exitCodeFor(ApiException a) {
    if (a instanceof AuthenticationException || a instanceof PermissionDeniedException) {
      return ExitCodes.AUTH;
    }
    if (a instanceof RateLimitException || a instanceof OverloadedException) {
      return ExitCodes.RATE_LIMITED;
    }
    return ExitCodes.FAILURE;
  }

  private static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while (e instanceof picocli.CommandLine.ExecutionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  private static String line(String type, String message) {
    String m = message == null ? "" : message.replace('\n', ' ').replace('\r', ' ').strip();
    // a control character from a file name or a file's content never reaches the terminal raw
    m = com.anthropic.tool.text.ControlChars.visible(m);
    return "error: " + type + ": " + m;
  }

  /** Prints the report (and the stack trace with --debug) and returns the exit code. */
  public static int report(Throwable t, PrintWriter err, boolean debug) {
    return report(t, err, debug, Style.plain(), Map.of(), () -> null);
  }

  /**
   * Prints the report ({@code error:} coloured when the style says so; the hints name the paths of
   * this environment) and returns the exit code.
   */
  static int report(
      Throwable t,
      PrintWriter err,
      boolean debug,
      Style style,
      Map<String, String> env,
      Supplier<String> keySource) {
    Report r = describe(t, env, keySource);
    err.println(style.prefixed(r.line()));
    if (debug) {
      t.printStackTrace(err);
    }
    err.flush();
    return r.exitCode();
  }
}
