package com.anthropic.tool.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs a command line through picocli with the project's error handling: what {@link Startup#run}
 * falls back to when no shortcut applies.
 */
final class Cli {
  private Cli() {}

  /** Runs the command line and returns the exit code. */
  static int run(String[] args, CliContext ctx, PrintWriter out, PrintWriter err) {
    RootCommand root = new RootCommand(ctx);
    CommandLine cl = HelpLayout.of(root);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setColorScheme(
        CommandLine.Help.defaultColorScheme(
            Style.forStream(ctx.stdoutIsTerminal(), Startup.flag(args, "--no-color"), ctx.env())
                    .enabled()
                ? CommandLine.Help.Ansi.ON
                : CommandLine.Help.Ansi.OFF));
    Style errStyle =
        Style.forStream(ctx.stderrIsTerminal(), Startup.flag(args, "--no-color"), ctx.env());
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
}
