package com.anthropic.tool.cli;

import com.anthropic.tool.client.model.ModelInfo;
import com.anthropic.tool.config.PrivateDirs;
import com.anthropic.tool.config.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The model ids on disk ({@code $XDG_CACHE_HOME/anthropic-cli/models.txt}, one id a line) for shell
 * completion of {@code --model}, and {@code models.tsv} (id and {@code created_at}) for the aliases
 * of {@link ModelAliases}. Short-lived; written atomically, mode 0600 in a 0700 directory. Failing
 * to read or write it is never an error. Model ids come from a server (or a proxy), so they are
 * data: only ids that look like ids ({@link #ID}) are kept or read back; shell completion offers
 * these words and must never be handed a shell's special character.
 */
final class ModelCache {
  static final Duration TTL = Duration.ofHours(1);

  /** What a model id looks like: letters, digits and {@code . _ : @ -}, at most 128 of them. */
  static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

  private final Path file;
  private final Path dated;

  ModelCache(Path cacheDir) {
    this.file = cacheDir.resolve("models.txt");
    this.dated = cacheDir.resolve("models.tsv");
  }

  Path file() {
    return file;
  }

  /** The cached ids when the file is younger than the TTL. */
  Optional<List<String>> fresh(Instant now) {
    try {
      FileTime t = Files.getLastModifiedTime(file);
      if (Duration.between(t.toInstant(), now).compareTo(TTL) > 0) {
        return Optional.empty();
      }
      return Optional.of(lines(file, MAX_DATED_BYTES).stream().filter(ModelCache::isId).toList());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Replaces the cache with these models: their ids in {@code models.txt} and, for {@link
   * ModelAliases}, {@code id<TAB>created_at} lines in {@code models.tsv}; false when it could not
   * be written.
   */
  boolean writeModels(List<ModelInfo> models, Consumer<String> warning) {
    valid(models.stream().map(ModelInfo::id).toList(), warning); // names what is left out
    List<ModelInfo> kept = models.stream().filter(m -> isId(m.id())).toList();
    if (!write(kept.stream().map(ModelInfo::id).toList())) {
      return false;
    }
    StringBuilder sb = new StringBuilder();
    for (ModelInfo m : kept) {
      String created = m.createdAt() == null ? "" : m.createdAt().strip();
      sb.append(m.id()).append('\t').append(looksLikeTime(created) ? created : "").append('\n');
    }
    try {
      PrivateFiles.write(dated, sb.toString());
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /**
   * The cached models with their release times ({@code models.tsv}), whatever their age, in file
   * order; none when there is no such file or it cannot be read. Lines that do not look like an id
   * and a time are skipped.
   */
  List<Dated> dated() {
    List<Dated> out = new ArrayList<>();
    try {
      for (String line : lines(dated, MAX_DATED_BYTES)) {
        int tab = line.indexOf('\t');
        String id = tab < 0 ? line.strip() : line.substring(0, tab);
        String created = tab < 0 ? "" : line.substring(tab + 1).strip();
        if (isId(id)) {
          out.add(new Dated(id, looksLikeTime(created) ? created : ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    return out;
  }

  /** A cached model id and its {@code created_at} (RFC 3339, or empty when unknown). */
  record Dated(String id, String createdAt) {}

  private static final long MAX_DATED_BYTES = 1 << 20;
  private static final Pattern TIME = Pattern.compile("[0-9T:.+Z-]{1,40}");

  private static boolean looksLikeTime(String t) {
    return TIME.matcher(t).matches();
  }

  static boolean isId(String s) {
    return s != null && ID.matcher(s).matches();
  }

  /**
   * The ids that look like ids; the others are left out and named in one {@code warning} sentence
   * (shown visibly: a control character in one never reaches the terminal).
   */
  static List<String> valid(List<String> ids, Consumer<String> warning) {
    List<String> kept = ids.stream().filter(ModelCache::isId).toList();
    int dropped = ids.size() - kept.size();
    if (dropped > 0) {
      String first = ids.stream().filter(s -> !isId(s)).findFirst().orElse("");
      String shown = first.length() > 60 ? first.substring(0, 60) + "…" : first;
      warning.accept(
          "left "
              + (dropped == 1 ? "1 model id" : dropped + " model ids")
              + " out of the completion cache: not [A-Za-z0-9._:@-], at most 128 characters"
              + " (first: \""
              + com.anthropic.tool.text.ControlChars.visible(shown)
              + "\")");
    }
    return kept;
  }

  /**
   * Replaces the cache with these ids (only those that look like ids); returns false when it could
   * not be written.
   */
  boolean write(List<String> ids) {
    ids = ids.stream().filter(ModelCache::isId).toList();
    Path dir = file.getParent();
    Path tmp = null;
    try {
      PrivateDirs.ensure(dir);
      tmp = Files.createTempFile(dir, ".models", ".tmp"); // 0600 on POSIX
      Files.write(tmp, (String.join("\n", ids) + "\n").getBytes(StandardCharsets.UTF_8));
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort
        }
      }
      return false;
    }
  }

  /**
   * The lines of a small file of ours that a user or another program may have replaced: none when
   * it is not a regular file (a FIFO would hang every command) or is over {@code max} bytes.
   */
  static List<String> lines(Path f, long max) throws IOException {
    if (!Files.isRegularFile(f) || Files.size(f) > max) {
      return List.of();
    }
    return Files.readAllLines(f, StandardCharsets.UTF_8);
  }
}
