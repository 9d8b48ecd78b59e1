package com.anthropic.cli.cli;

import com.anthropic.cli.client.AnthropicClient;
import com.anthropic.cli.config.Settings;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** What every command needs from the root: context, settings, a client, writers. */
final class CommandSupport {
  private final RootCommand root;
  private final CommandSpec spec;
  private Settings settings;

  CommandSupport(RootCommand root, CommandSpec spec) {
    this.root = root;
    this.spec = spec;
  }

  CliContext ctx() {
    return root.ctx();
  }

  GlobalOptions global() {
    return root.global();
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  Settings settings() {
    if (settings == null) {
      try {
        settings = Settings.load(ctx().env());
      } catch (IllegalArgumentException e) {
        throw CliException.input(e.getMessage());
      }
    }
    return settings;
  }

  AnthropicClient client() {
    return ClientFactory.create(global(), settings(), err());
  }

  Style errStyle() {
    return Style.forStream(ctx().stderrIsTerminal(), global().noColor(), ctx().env());
  }

  Style outStyle() {
    return Style.forStream(ctx().stdoutIsTerminal(), global().noColor(), ctx().env());
  }

  MessageOutput output() {
    return new MessageOutput(out(), err(), errStyle(), ctx().stdoutIsTerminal());
  }

  RequestFactory requests() {
    return new RequestFactory(ctx(), settings());
  }

  /** The short usage text printed when a prompt command has nothing to send on a terminal. */
  String shortUsage() {
    return spec.commandLine().getUsageMessage().lines().findFirst().orElse("Usage:").strip();
  }
}
