package com.anthropic.tool.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The saved templates: one file per template, {@code
 * $XDG_CONFIG_HOME/anthropic-cli/templates/NAME.txt}, in the format of {@link TemplateText}, mode
 * 0600 in a directory of mode 0700. A name is {@code [A-Za-z0-9_-]{1,64}}, so it is never a path.
 */
public final class Templates {
  /** What a template's name may be. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private static final String EXT = ".txt";
  private static final long MAX_BYTES = 1 << 20;
  private final Path dir;

  public Templates(XdgPaths paths) {
    this.dir = paths.config().resolve("templates");
  }

  /** The directory the templates are in. */
  public Path dir() {
    return dir;
  }

  /** Whether {@code name} is a valid template name. */
  public static boolean validName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /** The file of the template {@code name}, which must be a valid name. */
  public Path file(String name) {
    if (!validName(name)) {
      throw new IllegalArgumentException("not a template name: " + name);
    }
    return dir.resolve(name + EXT);
  }

  /** The names of the saved templates, sorted; none when the directory is missing. */
  public List<String> names() {
    List<String> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + EXT)) {
      for (Path f : files) {
        String n = f.getFileName().toString();
        n = n.substring(0, n.length() - EXT.length());
        if (validName(n) && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
          out.add(n);
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    Collections.sort(out);
    return out;
  }

  /** The file's text, or empty when there is no such template. */
  public Optional<String> text(String name) {
    Path f = file(name);
    try {
      if (!Files.isRegularFile(f)) {
        return Optional.empty();
      }
      if (Files.size(f) > MAX_BYTES) {
        throw new IllegalArgumentException(f + " is over " + (MAX_BYTES >> 10) + " KB");
      }
      return Optional.of(Files.readString(f, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
    }
  }

  /**
   * The template's options, or empty when there is none of that name.
   *
   * @throws TemplateText.BadTemplateException when the file cannot be read as a template
   */
  public Optional<Map<String, List<String>>> read(String name) {
    return text(name).map(TemplateText::parse);
  }

  /** Saves (or replaces) the template. */
  public Path save(String name, Map<String, List<String>> options) {
    Path f = file(name);
    try {
      PrivateFiles.write(f, TemplateText.format(name, options));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + f + ": " + e.getMessage(), e);
    }
    return f;
  }

  /** Deletes the template; false when there was none. */
  public boolean delete(String name) {
    try {
      return Files.deleteIfExists(file(name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file(name) + ": " + e.getMessage(), e);
    }
  }

  /** The closest saved name to {@code typed}, for a did-you-mean. */
  public Optional<String> closest(String typed) {
    return Suggestions.closest(typed, names());
  }
}
