package com.anthropic.cli.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the picocli command line with the project's error handling; used by Main and tests. */
public final class Cli {
  private Cli() {}

  /** Runs the command line and returns the exit code. */
  public static int run(String[] args, CliContext ctx, PrintWriter out, PrintWriter err) {
    RootCommand root = new RootCommand(ctx);
    CommandLine cl = new CommandLine(root);
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
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("error: usage_error: " + ex.getMessage().replace('\n', ' ').strip());
          err.flush();
          return ExitCodes.USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof CliException && "usage".equals(((CliException) ex).type())) {
            err.println(ex.getMessage());
            err.flush();
            return ((CliException) ex).exitCode();
          }
          boolean debug = root.global != null && root.global.debug();
          out.flush();
          return ErrorReporter.report(ex, err, debug);
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
