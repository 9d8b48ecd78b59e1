package com.anthropic.tool.chat;

import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.config.PrivateDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Saved conversations: one JSON file per conversation, {@code ID.json}, in {@code
 * $XDG_DATA_HOME/anthropic-cli/conversations/} (mode 0600 files in 0700 directories), rewritten
 * atomically after every turn so a crash never leaves a broken file. Holds no key or header.
 */
public final class ConversationStore {
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private final Path dir;

  public ConversationStore(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /**
   * A fresh id: the UTC start time and four random hex digits, e.g. {@code 20261202-221503-9f3a}.
   */
  public static String newId(Instant now) {
    return ID_TIME.format(now)
        + "-"
        + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
  }

  /** Saves the conversation; the problem when it could not be written (never thrown). */
  public Optional<String> save(Conversation c) {
    try {
      PrivateDirs.ensure(dir);
      PrivateFiles.writeAtomically(file(c.id()), Json.write(c.toJson()) + "\n");
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  Path file(String id) {
    return dir.resolve(id + ".json");
  }

  /** A saved conversation with when it was last written. */
  public record Entry(Conversation conversation, Instant updated, Path file) {}

  /** Every saved conversation that can be read, the most recently written first. */
  public List<Entry> list() {
    List<Entry> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = p.getFileName().toString();
        if (!name.endsWith(".json") || name.startsWith(".")) {
          continue;
        }
        try {
          out.add(new Entry(read(p), Files.getLastModifiedTime(p).toInstant(), p));
        } catch (IOException | IllegalArgumentException e) {
          // not ours or unreadable: left out of the list
        }
      }
    } catch (IOException e) {
      return out;
    }
    out.sort(
        Comparator.comparing(Entry::updated).thenComparing(e -> e.conversation().id()).reversed());
    return out;
  }

  /** The most recently written conversation. */
  public Optional<Conversation> latest() {
    List<Entry> all = list();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0).conversation());
  }

  /**
   * A conversation by id (or a unique start of one), or from a file path.
   *
   * @throws IllegalArgumentException naming what was not found or not readable
   */
  public Conversation load(String idOrFile) {
    Path asFile = Path.of(idOrFile);
    if (idOrFile.contains("/") || idOrFile.endsWith(".json") && Files.isRegularFile(asFile)) {
      return readOrFail(asFile);
    }
    Path exact = file(idOrFile);
    if (Files.isRegularFile(exact)) {
      return readOrFail(exact);
    }
    List<Entry> matches =
        list().stream().filter(e -> e.conversation().id().startsWith(idOrFile)).toList();
    if (matches.size() == 1) {
      return matches.get(0).conversation();
    }
    if (matches.isEmpty()) {
      throw new IllegalArgumentException(
          "no saved conversation " + idOrFile + " (chat --list shows them)");
    }
    throw new IllegalArgumentException(
        idOrFile + " matches " + matches.size() + " conversations; give more of the id");
  }

  private static Conversation readOrFail(Path p) {
    try {
      return read(p);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + p, e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + p + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(p + ": " + e.getMessage(), e);
    }
  }

  private static Conversation read(Path p) throws IOException {
    return Conversation.fromJson(Json.parseObject(Files.readString(p, StandardCharsets.UTF_8)));
  }
}
