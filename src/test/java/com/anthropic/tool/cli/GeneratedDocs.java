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
    CommandLine cl = new CommandLine(new RootCommand(ctx));
    // the pages must not depend on the terminal that generates them
    cl.setUsageHelpAutoWidth(false);
    cl.setUsageHelpWidth(80);
    return cl;
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
      files.put(PAGES + "/" + name + ".adoc", page.toString());
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
