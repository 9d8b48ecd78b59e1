package com.anthropic.tool.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * How {@code --help} (and the pages generated from the same model) is laid out: a one-line synopsis
 * ({@code Usage: anthropic messages [OPTIONS] [PROMPT...]}), the command's own options first, then
 * the options every command shares under their own heading, and no option a command ignores
 * (count-tokens sends no sampling options; completion, mock-server and help make no HTTP call).
 * Those stay accepted, so one set of flags works across commands; they are only not listed.
 */
final class HelpLayout {
  static final String SHARED_OPTIONS = "sharedOptionList";
  static final String SHARED_OPTIONS_HEADING = "sharedOptionListHeading";

  /** The names of the options of {@link GlobalOptions}. */
  private static final Set<String> SHARED =
      CommandSpec.forAnnotatedObject(new GlobalOptions()).options().stream()
          .flatMap(o -> List.of(o.names()).stream())
          .collect(Collectors.toUnmodifiableSet());

  /** Shared options that are about the HTTP call, not listed by commands that make none. */
  private static final Set<String> HTTP =
      Set.of(
          "--api-key",
          "--base-url",
          "--api-version",
          "--beta",
          "--timeout",
          "--max-retries",
          "--no-retries",
          "--debug");

  /** Per command (qualified name), options it accepts but ignores. */
  private static final Map<String, Set<String>> IGNORED =
      Map.of(
          "anthropic count-tokens",
          Set.of(
              "--max-tokens",
              "--temperature",
              "--top-p",
              "--top-k",
              "--stop",
              "--service-tier",
              "--usage",
              "--show-thinking"));

  /** Commands (and their verbs) that make no HTTP call. */
  private static final List<String> NO_HTTP =
      List.of(
          "anthropic completion",
          "anthropic mock-server",
          "anthropic help",
          "anthropic config",
          "anthropic keys",
          "anthropic install");

  private static Set<String> ignored(String command) {
    for (String c : NO_HTTP) {
      if (command.equals(c) || command.startsWith(c + " ")) {
        return HTTP;
      }
    }
    return IGNORED.getOrDefault(command, Set.of());
  }

  private HelpLayout() {}

  /** The command line of the whole program, laid out for help. */
  static CommandLine of(RootCommand root) {
    CommandLine cl = new CommandLine(root);
    apply(cl);
    return cl;
  }

  private static void apply(CommandLine cl) {
    CommandSpec spec = cl.getCommandSpec();
    hideIgnored(spec, ignored(spec.qualifiedName(" ")));
    if (spec.versionProvider() == null && spec.version().length == 0) {
      // every command takes -V/--version (a shared option); each prints the program's version
      spec.versionProvider(new VersionProvider());
    }
    spec.usageMessage().abbreviateSynopsis(true);
    boolean ownOptions =
        spec.options().stream().anyMatch(o -> !o.hidden() && !SHARED.contains(o.longestName()));
    if (ownOptions && spec.usageMessage().optionListHeading().isEmpty()) {
      spec.usageMessage().optionListHeading("%nOptions:%n");
    }
    if (!cl.getSubcommands().isEmpty()
        && "Commands:%n".equals(spec.usageMessage().commandListHeading())) {
      // a blank line before it, as before every other section
      spec.usageMessage().commandListHeading("%nCommands:%n");
    }
    List<String> keys = new ArrayList<>(cl.getHelpSectionKeys());
    int at = keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST);
    if (at >= 0 && !keys.contains(SHARED_OPTIONS)) {
      keys.add(at + 1, SHARED_OPTIONS_HEADING);
      keys.add(at + 2, SHARED_OPTIONS);
    }
    cl.setHelpSectionKeys(keys);
    Map<String, CommandLine.IHelpSectionRenderer> renderers = cl.getHelpSectionMap();
    renderers.put(
        CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, help -> options(help, false));
    renderers.put(
        SHARED_OPTIONS_HEADING,
        help -> options(help, true).isEmpty() ? "" : String.format("%nShared options:%n"));
    renderers.put(SHARED_OPTIONS, help -> options(help, true));
    for (CommandLine sub : cl.getSubcommands().values()) {
      apply(sub);
    }
  }

  private static String options(CommandLine.Help help, boolean shared) {
    List<OptionSpec> chosen = new ArrayList<>();
    for (OptionSpec o : help.commandSpec().options()) {
      if (!o.hidden() && SHARED.contains(o.longestName()) == shared) {
        chosen.add(o);
      }
    }
    if (chosen.isEmpty()) {
      return "";
    }
    return help.optionListExcludingGroups(
        chosen,
        help.createDefaultLayout(),
        help.commandSpec().usageMessage().sortOptions()
            ? CommandLine.Help.createShortOptionNameComparator()
            : null,
        help.createDefaultParamLabelRenderer());
  }

  /** Replaces each ignored option by a hidden copy: still accepted, no longer listed. */
  private static void hideIgnored(CommandSpec spec, Set<String> names) {
    if (names.isEmpty()) {
      return;
    }
    for (OptionSpec o : new ArrayList<>(spec.options())) {
      if (!o.hidden() && names.contains(o.longestName())) {
        spec.remove(o);
        // local: the verbs below keep their own copies (hidden in turn), none is added twice
        spec.addOption(o.toBuilder().hidden(true).scopeType(CommandLine.ScopeType.LOCAL).build());
      }
    }
  }
}
