package com.anthropic.tool.cli;

import com.anthropic.tool.client.Pricing;
import com.anthropic.tool.config.PrivateFiles;
import com.anthropic.tool.config.Suggestions;
import com.anthropic.tool.config.XdgPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place a model name becomes the model id sent: {@code -m}, {@code --model} of every
 * command, the config file's and {@code $ANTHROPIC_MODEL}'s model, a template's, chat's {@code
 * /model}.
 *
 * <p>A name is looked up only when it could be an alias ({@link #NAME}, not beginning {@code
 * claude-}): a full model id is returned at once, with no file read (the start-up fast path stays
 * fast). Then, in order: the user's aliases ({@code $XDG_CONFIG_HOME/anthropic-cli/aliases.txt},
 * {@code NAME MODEL} a line, {@code #} comments); the built-in {@code sonnet}, {@code opus}, {@code
 * haiku}: the newest model (by {@code created_at}) whose id contains that word in the cached model
 * list that {@code anthropic models} writes, else {@link ModelDefaults#ALIASES}. Any other name is
 * sent as given (the API decides).
 */
final class ModelAliases {
  /** What an alias name may be. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private static final long MAX_BYTES = 64 << 10;
  private final Path file;
  private final ModelCache cache;

  ModelAliases(XdgPaths paths) {
    this.file = paths.config().resolve("aliases.txt");
    this.cache = new ModelCache(paths.cache());
  }

  Path file() {
    return file;
  }

  /** Whether {@code name} may be an alias name (a full model id may not). */
  static boolean aliasName(String name) {
    return name != null && NAME.matcher(name).matches() && !name.startsWith("claude-");
  }

  /** The model id {@code name} stands for; {@code name} itself when it is no alias. */
  String resolve(String name) {
    if (!aliasName(name)) {
      return name;
    }
    String user = user().get(name);
    if (user != null) {
      return ModelDefaults.ALIASES.containsKey(user) ? builtIn(user) : user;
    }
    return ModelDefaults.ALIASES.containsKey(name) ? builtIn(name) : name;
  }

  /** Every alias and the model it resolves to: the built-in ones, then the user's (which win). */
  Map<String, String> all() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String b : List.of("sonnet", "opus", "haiku")) {
      out.put(b, builtIn(b));
    }
    for (String name : user().keySet()) {
      out.put(name, resolve(name));
    }
    return out;
  }

  /**
   * The warning for chat's {@code /model}: empty when {@code name} is an alias or a known model (in
   * the cached list, the built-in table or the price table), else a line naming the closest known
   * name.
   */
  Optional<String> unknown(String name) {
    if (!resolve(name).equals(name)) {
      return Optional.empty();
    }
    Set<String> known = new LinkedHashSet<>();
    cache.dated().forEach(d -> known.add(d.id()));
    known.addAll(ModelDefaults.ALIASES.values());
    if (known.contains(name) || Pricing.priceOf(name).isPresent()) {
      return Optional.empty();
    }
    known.addAll(all().keySet());
    return Optional.of(
        name
            + " is neither a known model nor an alias; it is sent as given"
            + Suggestions.closest(name, known).map(c -> " (did you mean '" + c + "'?)").orElse(""));
  }

  /** The newest cached model of the family, else the built-in table's. */
  private String builtIn(String family) {
    String word = family.toLowerCase(Locale.ROOT);
    ModelCache.Dated best = null;
    for (ModelCache.Dated d : cache.dated()) {
      if (d.id().toLowerCase(Locale.ROOT).contains(word)
          && (best == null || time(d).isAfter(time(best)))) {
        best = d;
      }
    }
    return best != null ? best.id() : ModelDefaults.ALIASES.get(family);
  }

  private static Instant time(ModelCache.Dated d) {
    try {
      return Instant.parse(d.createdAt());
    } catch (DateTimeParseException e) {
      try {
        return java.time.OffsetDateTime.parse(d.createdAt()).toInstant();
      } catch (DateTimeParseException e2) {
        return Instant.MIN;
      }
    }
  }

  /** The user's aliases in file order; none when the file is missing or unreadable. */
  Map<String, String> user() {
    Map<String, String> out = new LinkedHashMap<>();
    try {
      for (String line : ModelCache.lines(file, MAX_BYTES)) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        String[] parts = l.split("\\s+", 2);
        if (parts.length == 2 && aliasName(parts[0]) && ModelCache.isId(parts[1])) {
          out.put(parts[0], parts[1]);
        }
      }
    } catch (NoSuchFileException e) {
      return out;
    } catch (IOException | RuntimeException e) {
      return out;
    }
    return out;
  }

  /** Adds or replaces the user's alias. */
  void set(String name, String model) {
    Map<String, String> aliases = user();
    aliases.put(name, model);
    write(aliases);
  }

  /** Removes the user's alias; false when there was none. */
  boolean remove(String name) {
    Map<String, String> aliases = user();
    if (aliases.remove(name) == null) {
      return false;
    }
    write(aliases);
    return true;
  }

  private void write(Map<String, String> aliases) {
    StringBuilder sb =
        new StringBuilder("# anthropic model aliases: NAME MODEL a line ('anthropic aliases')\n");
    aliases.forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
    try {
      PrivateFiles.write(file, sb.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
