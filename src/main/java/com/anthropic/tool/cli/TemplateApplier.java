package com.anthropic.tool.cli;

import com.anthropic.tool.config.TemplateText;
import com.anthropic.tool.config.Templates;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code --template NAME}: sets each option the template holds on the command, unless that option
 * was given on the command line (picocli's parse result says which were), so flags given win. The
 * template's prompt and the {@code -p} values are kept on the {@link RequestOptions} for {@link
 * RequestFactory}, which fills the placeholders once it knows standard input.
 */
final class TemplateApplier {
  /** Options a template never sets: they choose or fill the template itself. */
  static final Set<String> NOT_SAVED = Set.of("template", "param", "prompt");

  private TemplateApplier() {}

  /**
   * Applies {@code o.template} to the command {@code spec} describes; does nothing the second time.
   *
   * @throws CliException for an unknown or unreadable template, or {@code -p} that fills nothing
   *     (exit 2)
   */
  static void apply(CommandSpec spec, RequestOptions o, Templates store, Consumer<String> warn) {
    if (o.templateApplied) {
      return;
    }
    o.templateApplied = true;
    if (o.template == null) {
      if (!o.params.isEmpty()) {
        throw CliException.usage(
            "-p/--param fills a template's placeholders: give --template NAME");
      }
      return;
    }
    String name = o.template;
    Map<String, List<String>> options = read(store, name);
    Map<String, String> params = params(o.params);
    ParseResult given = spec == null ? null : spec.commandLine().getParseResult();
    for (Map.Entry<String, List<String>> e : options.entrySet()) {
      String key = e.getKey();
      if (NOT_SAVED.contains(key)) {
        continue;
      }
      OptionSpec opt = spec == null ? null : spec.findOption("--" + key);
      if (opt == null || opt.inherited()) {
        warn.accept(
            "template " + name + ": --" + key + " is not an option of this command; ignored");
        continue;
      }
      if (given != null && given.hasMatchedOption(opt)) {
        continue; // the flag given wins
      }
      opt.setValue(value(opt, e.getValue(), name, key));
    }
    List<String> prompt = options.get("prompt");
    if (prompt != null && !prompt.isEmpty()) {
      String text = prompt.get(prompt.size() - 1);
      Set<String> wanted = Placeholders.names(text);
      for (String p : params.keySet()) {
        if (!wanted.contains(p)) {
          throw CliException.usage(
              "-p " + p + ": template " + name + " has no $" + p + " in its prompt");
        }
      }
      for (String w : wanted) {
        if (!w.equals(Placeholders.INPUT) && !params.containsKey(w)) {
          Placeholders.fill("$" + w, params, name); // names the missing one
        }
      }
      o.templatePrompt = text;
    } else if (!params.isEmpty()) {
      throw CliException.usage(
          "-p " + params.keySet().iterator().next() + ": template " + name + " has no prompt");
    }
    o.templateParams = params;
  }

  private static Map<String, List<String>> read(Templates store, String name) {
    if (!Templates.validName(name)) {
      throw CliException.usage(
          "--template: '" + name + "' is not a template name ([A-Za-z0-9_-], at most 64)");
    }
    try {
      return store
          .read(name)
          .orElseThrow(
              () ->
                  CliException.usage(
                      "no template '"
                          + name
                          + "'"
                          + store.closest(name).map(c -> " (did you mean '" + c + "'?)").orElse("")
                          + "; 'anthropic templates list' lists them"));
    } catch (TemplateText.BadTemplateException | UncheckedIOException e) {
      throw CliException.input(
          "template " + name + " (" + store.file(name) + "): " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw CliException.input("template " + name + ": " + e.getMessage());
    }
  }

  /** The {@code -p NAME VALUE} pairs (picocli gives them flat, two by two). */
  private static Map<String, String> params(List<String> flat) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i + 1 < flat.size(); i += 2) {
      String n = flat.get(i);
      if (!Placeholders.validName(n)) {
        throw CliException.usage(
            "-p " + n + ": a placeholder name is a letter or _, then letters, digits or _");
      }
      out.put(n, flat.get(i + 1));
    }
    return out;
  }

  /** The template's text values as the option's type: the last one for a single-valued option. */
  private static Object value(OptionSpec opt, List<String> values, String name, String key) {
    Class<?> type = opt.type();
    if (Collection.class.isAssignableFrom(type)) {
      Class<?> element = opt.auxiliaryTypes().length > 0 ? opt.auxiliaryTypes()[0] : String.class;
      List<Object> out = new ArrayList<>();
      for (String v : values) {
        out.add(scalar(element, v, name, key));
      }
      return out;
    }
    return scalar(type, values.get(values.size() - 1), name, key);
  }

  private static Object scalar(Class<?> type, String v, String name, String key) {
    String where = "template " + name + ": " + key + ": ";
    try {
      if (type == String.class) {
        return v;
      }
      if (type == Integer.class || type == int.class) {
        return Integer.valueOf(v.strip());
      }
      if (type == Long.class || type == long.class) {
        return Long.valueOf(v.strip());
      }
      if (type == Double.class || type == double.class) {
        return Double.valueOf(v.strip());
      }
    } catch (NumberFormatException e) {
      throw CliException.input(where + "not a number: '" + v + "'");
    }
    if (type == Boolean.class || type == boolean.class) {
      String b = v.strip().toLowerCase(Locale.ROOT);
      if (b.equals("true") || b.equals("false")) {
        return Boolean.valueOf(b);
      }
      throw CliException.input(where + "true or false, got '" + v + "'");
    }
    throw CliException.input(where + "this option cannot be set from a template");
  }
}
