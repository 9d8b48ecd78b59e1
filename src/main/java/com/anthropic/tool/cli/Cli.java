package com.anthropic.tool.cli;

import com.anthropic.tool.client.AnthropicClient;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/** Builds the picocli command line with the project's error handling; used by Main and tests. */
public final class Cli {
  private Cli() {}

  /** Runs the command line and returns the exit code. */
  public static int run(String[] args, CliContext ctx, PrintWriter out, PrintWriter err) {
    Integer fast = FastPath.run(args, ctx, out, err);
    if (fast != null) {
      out.flush();
      err.flush();
      return fast;
    }
    RootCommand root = new RootCommand(ctx);
    CommandLine cl = HelpLayout.of(root);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setColorScheme(
        CommandLine.Help.defaultColorScheme(
            Style.forStream(
                        ctx.stdoutIsTerminal(),
                        java.util.Arrays.asList(args).contains("--no-color"),
                        ctx.env())
                    .enabled()
                ? CommandLine.Help.Ansi.ON
                : CommandLine.Help.Ansi.OFF));
    Style errStyle =
        Style.forStream(
            ctx.stderrIsTerminal(),
            java.util.Arrays.asList(args).contains("--no-color"),
            ctx.env());
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          err.println(errStyle.prefixed("error: usage_error: " + UsageErrors.message(ex)));
          err.flush();
          return ExitCodes.USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) ->
            onExecutionException(
                ex,
                out,
                err,
                root.global != null && root.global.debug(),
                errStyle,
                ctx.env(),
                () -> ClientFactory.credentialSource(root.global, ctx.env())));
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** What a command's failure prints, and its exit code. */
  static int onExecutionException(
      Exception ex,
      PrintWriter out,
      PrintWriter err,
      boolean debug,
      Style errStyle,
      Map<String, String> env,
      java.util.function.Supplier<String> keySource) {
    if (ex instanceof CliException c && "usage".equals(c.type())) {
      err.println(ex.getMessage());
      err.flush();
      return c.exitCode();
    }
    out.flush();
    return ErrorReporter.report(ex, err, debug, errStyle, env, keySource);
  }

  /**
   * Starts the TLS set-up on another thread when these arguments will call an https URL, so that it
   * overlaps argument parsing and request building instead of delaying the first connection.
   */
  public static void prewarm(String[] args, Map<String, String> env) {
    boolean callsApi = false;
    String baseUrl = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (HELP_OR_VERSION.contains(a)) {
        return;
      }
      callsApi |= API_COMMANDS.contains(a);
      if (a.equals("--base-url") && i + 1 < args.length) {
        baseUrl = args[i + 1];
      } else if (a.startsWith("--base-url=")) {
        baseUrl = a.substring("--base-url=".length());
      }
    }
    if (!callsApi) {
      return;
    }
    if (baseUrl == null) {
      baseUrl = env.get("ANTHROPIC_BASE_URL");
    }
    if (baseUrl == null || baseUrl.isBlank()) {
      baseUrl = env.get("ANTHROPIC_API_BASE");
    }
    if (baseUrl == null || baseUrl.isBlank() || baseUrl.strip().startsWith("https:")) {
      AnthropicClient.prewarmTls();
    }
  }

  private static final Set<String> HELP_OR_VERSION = Set.of("-h", "--help", "-V", "--version");
  private static final Set<String> API_COMMANDS =
      Set.of(
          "messages", "stream", "count-tokens", "models", "batches", "files", "tool-loop", "chat");
}
