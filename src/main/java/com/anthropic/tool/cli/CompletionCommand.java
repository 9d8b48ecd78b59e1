package com.anthropic.tool.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code completion bash|zsh|fish}: prints a completion script built from the command model. */
@Command(
    name = "completion",
    description = "Print a shell completion script (bash, zsh or fish) to stdout.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  source <(anthropic completion bash)     # bash, in ~/.bashrc",
      "  source <(anthropic completion zsh)      # zsh, in ~/.zshrc (uses bashcompinit)",
      "  anthropic completion fish > ~/.config/fish/completions/anthropic.fish",
      "",
      "--model values come from the model list cache that 'anthropic models list' writes."
    })
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "SHELL",
      completionCandidates = Candidates.Shells.class,
      description = "bash, zsh or fish.")
  Completions.Shell shell;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    out.print(Completions.script(shell, spec.root().commandLine()));
    out.flush();
    return ExitCodes.OK;
  }
}
