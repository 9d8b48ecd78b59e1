package com.anthropic.tool.chat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: slash command names, model ids after {@code /model}, paths after {@code /attach}.
 */
final class ChatCompleter implements Completer {
  private final Supplier<List<String>> modelIds;

  ChatCompleter(Supplier<List<String>> modelIds) {
    this.modelIds = modelIds;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    List<String> words = line.words();
    if (words.isEmpty() || !words.get(0).startsWith("/")) {
      return;
    }
    if (line.wordIndex() == 0) {
      for (SlashCommands.Spec s : SlashCommands.ALL) {
        candidates.add(
            new Candidate("/" + s.name(), "/" + s.name(), null, s.help(), null, null, true));
      }
      return;
    }
    if (line.wordIndex() != 1) {
      return;
    }
    String command = words.get(0);
    if (command.equals("/model")) {
      for (String id : modelIds.get()) {
        candidates.add(new Candidate(id));
      }
    } else if (command.equals("/attach") || command.equals("/save")) {
      String typed = line.word().substring(0, line.wordCursor());
      files(typed, candidates);
    }
  }

  /** The entries of the directory {@code typed} is in, named as typed so far. */
  static void files(String typed, List<Candidate> candidates) {
    int slash = typed.lastIndexOf('/');
    String dirPart = slash < 0 ? "" : typed.substring(0, slash + 1);
    String home = System.getProperty("user.home");
    Path dir;
    if (dirPart.isEmpty()) {
      dir = Path.of(".");
    } else if (dirPart.startsWith("~/")) {
      dir = Path.of(home, dirPart.substring(2));
    } else {
      dir = Path.of(dirPart);
    }
    try (Stream<Path> entries = Files.list(dir)) {
      entries.forEach(
          p -> {
            String name = p.getFileName().toString();
            boolean isDir = Files.isDirectory(p);
            String value = dirPart + name + (isDir ? "/" : "");
            candidates.add(
                new Candidate(value, name + (isDir ? "/" : ""), null, null, null, null, !isDir));
          });
    } catch (IOException | RuntimeException e) {
      // nothing to offer
    }
  }
}
