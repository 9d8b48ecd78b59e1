package com.anthropic.tool.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What {@code messages}, {@code stream} and {@code count-tokens} take besides their own {@code
 * --format}: the request options of CLI.md and the {@code PROMPT} words, and the way to the root's
 * context and shared options. Every field starts at its default, so {@link FastPath} can run a
 * command built with {@code new} exactly as picocli would have left it ({@code StartupDefaultsTest}
 * checks that).
 */
final class PromptInput {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Mixin RequestOptions request = new RequestOptions();

  @Parameters(paramLabel = "PROMPT", description = "Prompt words, joined with spaces.")
  List<String> prompt = new ArrayList<>();

  /** The command's support, from the root command picocli ran it under. */
  CommandSupport support() {
    return new CommandSupport((RootCommand) spec.root().userObject(), spec);
  }
}
