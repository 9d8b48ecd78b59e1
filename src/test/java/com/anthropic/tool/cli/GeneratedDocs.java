package com.anthropic.tool.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * The generated artefacts, rendered in memory from the current command model: completion scripts
 * ({@code completions/}), one AsciiDoc page per command ({@code docs/commands/}, from picocli's
 * {@link ManPageGenerator}) and their index. The man pages in {@code docs/man/} are those pages
 * converted to roff by Asciidoctor ({@code scripts/generate-docs.sh}); each starts with a stamp
 * naming the SHA-256 of the page it came from, so a stale man page is caught without Asciidoctor.
 *
 * <p>{@code main(projectRoot)} writes the files that changed and removes generated files that no
 * longer have a command. Run it through {@code scripts/generate-docs.sh}.
 */
final class GeneratedDocs {
  static final String REGENERATE = "run scripts/generate-docs.sh";
  static final String COMPLETIONS = "completions";
  static final String PAGES = "docs/commands";
  static final String MAN = "docs/man";

  private GeneratedDocs() {}

  /** A fresh command line of the whole program, as a user's run would build it. */
  static CommandLine commandLine() {
    CliContext ctx = new CliContext(Map.of(), InputStream.nullInputStream(), false, false, false);
    CommandLine cl = HelpLayout.of(new RootCommand(ctx));
    // the pages must not depend on the terminal that generates them
    cl.setUsageHelpAutoWidth(false);
    cl.setUsageHelpWidth(80);
    return cl;
  }

  /**
   * The program and every visible command under it (no aliases, no hidden commands), depth first.
   */
  static List<CommandLine> everyCommand() {
    List<CommandLine> all = new ArrayList<>();
    collect(commandLine(), all);
    return all;
  }

  private static void collect(CommandLine cl, List<CommandLine> out) {
    out.add(cl);
    for (Map.Entry<String, CommandLine> sub : cl.getSubcommands().entrySet()) {
      CommandSpec s = sub.getValue().getCommandSpec();
      if (!s.usageMessage().hidden() && sub.getKey().equals(s.name())) {
        collect(sub.getValue(), out);
      }
    }
  }

  /** Relative path to content of every generated text file except the roff man pages. */
  static Map<String, String> render() {
    Map<String, String> files = new TreeMap<>();
    files.put(COMPLETIONS + "/anthropic.bash", Completions.bash(commandLine()));
    files.put(COMPLETIONS + "/anthropic.zsh", Completions.zsh(commandLine()));
    files.put(COMPLETIONS + "/anthropic.fish", Completions.fish(commandLine().getCommandSpec()));
    List<CommandSpec> specs = new ArrayList<>();
    collect(commandLine().getCommandSpec(), specs);
    StringBuilder index = new StringBuilder();
    index.append("# Command reference\n\n");
    index.append("Generated from the command model by `scripts/generate-docs.sh`; do not edit.\n");
    index.append("Man pages: `man -l docs/man/anthropic.1` (or copy `docs/man/*.1` into a ");
    index.append("`man1` directory).\n\n");
    index.append("| Command | Page | Man page | Does |\n|---|---|---|---|\n");
    String[] version = commandLine().getCommandSpec().version();
    for (CommandSpec spec : specs) {
      if (spec.version().length == 0) {
        spec.version(version); // a man page's source line names the program version
      }
      String name = spec.qualifiedName("-");
      StringWriter page = new StringWriter();
      try (PrintWriter pw = new PrintWriter(page)) {
        ManPageGenerator.writeSingleManPage(pw, spec);
      }
      files.put(PAGES + "/" + name + ".adoc", withManSections(page.toString()));
      String[] description = spec.usageMessage().description();
      index
          .append("| `")
          .append(spec.qualifiedName(" "))
          .append("` | [")
          .append(name)
          .append(".adoc](")
          .append(name)
          .append(".adoc) | [")
          .append(name)
          .append(".1](../man/")
          .append(name)
          .append(".1) | ")
          .append(description.length == 0 ? "" : description[0].replace("|", "\\|"))
          .append(" |\n");
    }
    files.put(PAGES + "/README.md", index.toString());
    return files;
  }

  private static final String EXIT_STATUS_TAG =
      "// tag::picocli-generated-man-section-exit-status[]\n";
  private static final String FOOTER_END = "// end::picocli-generated-man-section-footer[]\n";

  /**
   * The sections a man page has beyond picocli's: EXAMPLES (the help's Examples footer under a man
   * page heading), EXIT STATUS, ENVIRONMENT and FILES (the same on every page: CLI.md's tables).
   */
  static String withManSections(String adoc) {
    String page = adoc.replace("==  Examples:\n", "== Examples\n");
    StringBuilder exit = new StringBuilder("== Exit status\n\n");
    for (String[] row : EXIT_CODES) {
      exit.append("*").append(row[0]).append("*::\n  ").append(row[1]).append("\n\n");
    }
    page = page.replace(EXIT_STATUS_TAG, EXIT_STATUS_TAG + exit);
    StringBuilder more = new StringBuilder();
    more.append("== Environment\n\n");
    for (String[] row : ENVIRONMENT) {
      more.append("*").append(row[0]).append("*::\n  ").append(row[1]).append("\n\n");
    }
    more.append("== Files\n\n");
    for (String[] row : FILES) {
      more.append("_").append(row[0]).append("_::\n  ").append(row[1]).append("\n\n");
    }
    return page.replace(FOOTER_END, FOOTER_END + "\n" + more);
  }

  private static final String[][] EXIT_CODES = {
    {"0", "Success."},
    {"1", "Any other failure (an API error not listed below, an unexpected response)."},
    {"2", "Usage error or invalid input found before sending; nothing was sent."},
    {"3", "Authentication or permission (401, 403, no API key)."},
    {"4", "Rate limited or overloaded after the retries ran out (429, 529)."},
    {"5", "Network failure or timeout."},
    {"130", "Interrupted (Ctrl-C)."},
  };

  private static final String[][] ENVIRONMENT = {
    {"ANTHROPIC_API_KEY", "API key, sent as x-api-key."},
    {"ANTHROPIC_AUTH_TOKEN", "Sent as Authorization: Bearer when no API key is given."},
    {"ANTHROPIC_BASE_URL, ANTHROPIC_API_BASE", "API base URL (default https://api.anthropic.com)."},
    {"ANTHROPIC_API_VERSION", "The anthropic-version header (default 2023-06-01)."},
    {"ANTHROPIC_BETA", "The anthropic-beta header, comma-separated."},
    {
      "ANTHROPIC_TIMEOUT_SECS", "Longest wait to connect or for the next stream event (default 60)."
    },
    {"ANTHROPIC_MODEL", "The default model."},
    {"ANTHROPIC_CUSTOM_HEADERS", "Extra headers, Name: value, one per line."},
    {"HTTPS_PROXY, HTTP_PROXY, NO_PROXY", "Proxies, read as curl reads them."},
    {"NO_COLOR", "No colour when set to a non-empty value."},
    {"FORCE_COLOR", "Colour even when the stream is not a terminal."},
    {
      "XDG_CONFIG_HOME, XDG_STATE_HOME, XDG_DATA_HOME, XDG_CACHE_HOME",
      "Where the files below live."
    },
  };

  private static final String[][] FILES = {
    {
      "$XDG_CONFIG_HOME/anthropic-cli/config.properties",
      "The config file (default ~/.config/...): keys named like the long flags (model=...,"
          + " max-tokens=..., base-url=..., api-key=...); flags and environment win over it."
    },
    {"$XDG_CACHE_HOME/anthropic-cli/", "Caches, such as the model list used by completion."},
    {"$XDG_STATE_HOME/anthropic-cli/history", "Chat input history."},
    {"$XDG_DATA_HOME/anthropic-cli/conversations/", "Saved chat conversations."},
  };

  private static void collect(CommandSpec spec, List<CommandSpec> out) {
    out.add(spec);
    for (Map.Entry<String, CommandLine> sub : spec.subcommands().entrySet()) {
      CommandSpec s = sub.getValue().getCommandSpec();
      if (!s.usageMessage().hidden() && sub.getKey().equals(s.name())) {
        collect(s, out);
      }
    }
  }

  /** The line near the top of a man page (after roff's preprocessor line) naming its source. */
  static String manStamp(String pagePath, String adoc) {
    return ".\\\" Generated from " + pagePath + " (sha256 " + sha256(adoc) + "); do not edit.";
  }

  /** The man page path for an AsciiDoc page path. */
  static String manPath(String pagePath) {
    String base = pagePath.substring(pagePath.lastIndexOf('/') + 1, pagePath.length() - 5);
    return MAN + "/" + base + ".1";
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Files in a generated directory, relative to the root, sorted. */
  static List<String> listed(Path root, String dir, String suffix) throws IOException {
    Path d = root.resolve(dir);
    if (!Files.isDirectory(d)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> dir + "/" + p.getFileName())
          .filter(p -> p.endsWith(suffix))
          .sorted()
          .toList();
    }
  }

  /** Writes the changed files under the project root given as the only argument. */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    Map<String, String> files = render();
    List<String> stale = new ArrayList<>();
    stale.addAll(listed(root, COMPLETIONS, ""));
    stale.addAll(listed(root, PAGES, ".adoc"));
    stale.addAll(listed(root, MAN, ".1"));
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path p = root.resolve(e.getKey());
      stale.remove(e.getKey());
      if (e.getKey().endsWith(".adoc")) {
        stale.remove(manPath(e.getKey()));
      }
      byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
      if (Files.exists(p) && java.util.Arrays.equals(Files.readAllBytes(p), bytes)) {
        continue;
      }
      Files.createDirectories(p.getParent());
      Files.write(p, bytes);
      System.out.println("generated " + e.getKey());
    }
    for (String s : stale) {
      Files.delete(root.resolve(s));
      System.out.println("removed " + s);
    }
  }
}
