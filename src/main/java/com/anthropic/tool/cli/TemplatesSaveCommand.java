package com.anthropic.tool.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code templates save NAME [request options] [--prompt TEXT]}: every request option given, by its
 * long name and the text typed (a relative path of an option that takes a FILE made absolute, so
 * the template works from any directory). Any request option added later is saved the same way.
 */
@Command(
    name = "save",
    description =
        "Save the request options given here (and --prompt) as a template; an existing one of"
            + " that name is replaced.",
    sortOptions = false,
    footerHeading = "%nExamples:%n",
    footer = {
      "  anthropic templates save terse -m haiku -s \"Answer in one sentence.\" -t 0.2",
      "  anthropic templates save review --tool lint.json --prompt 'Review: $input'",
      "  anthropic templates save facts --prompt 'Facts about $topic' --schema fact"
    })
final class TemplatesSaveCommand implements Callable<Integer> {
  @ParentCommand TemplatesCommand parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "[A-Za-z0-9_-], at most 64.")
  String name;

  @Option(
      names = "--prompt",
      paramLabel = "TEXT",
      description =
          "The prompt: $input is standard input (else the PROMPT words), $NAME a -p value;"
              + " $$ is a $.")
  String prompt;

  @Mixin RequestOptions request;

  @Override
  public Integer call() {
    TemplatesCommand.checkName(name);
    if (request.template != null || !request.params.isEmpty()) {
      throw CliException.usage("templates save takes the options themselves, not --template or -p");
    }
    Map<String, List<String>> options = new LinkedHashMap<>();
    for (OptionSpec opt : spec.commandLine().getParseResult().matchedOptions()) {
      String key = opt.longestName().replaceFirst("^-+", "");
      if (opt.inherited() || TemplateApplier.NOT_SAVED.contains(key)) {
        continue; // shared options (credentials, base URL) never go into a template
      }
      List<String> typed = opt.arity().max() == 0 ? List.of("true") : opt.stringValues();
      List<String> values = new ArrayList<>();
      for (String v : typed) {
        values.add(opt.paramLabel().contains("FILE") ? absolute(v) : v);
      }
      options.computeIfAbsent(key, k -> new ArrayList<>()).addAll(values);
    }
    if (prompt != null) {
      options.put("prompt", List.of(prompt));
    }
    if (options.isEmpty()) {
      throw CliException.usage("nothing to save: give request options or --prompt TEXT");
    }
    parent.store().save(name, options);
    return ExitCodes.OK;
  }

  /** A relative path to an existing file, made absolute; anything else (URL, -, file id) as is. */
  private static String absolute(String v) {
    try {
      Path p = Path.of(v);
      return !p.isAbsolute() && Files.exists(p) ? p.toAbsolutePath().normalize().toString() : v;
    } catch (java.nio.file.InvalidPathException e) {
      return v;
    }
  }
}
