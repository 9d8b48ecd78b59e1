package com.anthropic.tool.chat;

import com.anthropic.tool.config.Suggestions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The slash commands of a chat session: their names, help, parsing and suggestions. */
public final class SlashCommands {
  private SlashCommands() {}

  /** One command: {@code /name ARG}, what it does. */
  public record Spec(String name, String arg, String help) {
    /** {@code /name ARG} as typed. */
    public String usage() {
      return "/" + name + (arg.isEmpty() ? "" : " " + arg);
    }
  }

  /** Every command, in the order {@code /help} lists them. */
  public static final List<Spec> ALL =
      List.of(
          new Spec("help", "", "this list"),
          new Spec("model", "[ID]", "show or switch the model"),
          new Spec("system", "[TEXT]", "show or set the system prompt (/system - clears it)"),
          new Spec("attach", "FILE|URL", "attach a file or URL to your next message"),
          new Spec("edit", "[TEXT]", "write the next message in $VISUAL or $EDITOR"),
          new Spec("clear", "", "start over: forget every turn"),
          new Spec("retry", "", "ask the last question again"),
          new Spec("undo", "", "drop the last exchange"),
          new Spec("usage", "", "tokens (and estimated cost) of the last answer and the session"),
          new Spec("save", "FILE", "write the conversation as JSON (.md: as Markdown)"),
          new Spec(
              "copy", "[code]", "copy the last answer (or its last code block) to the clipboard"),
          new Spec("exit", "", "end the session (also Ctrl-D)"));

  /** What a line that starts with {@code /} asks for. */
  public sealed interface Parsed {}

  /** A known command with its argument (stripped; empty when none was given). */
  public record Command(String name, String arg) implements Parsed {}

  /** A command that does not exist, with the closest known name when one is close. */
  public record Unknown(String name, Optional<String> suggestion) implements Parsed {
    /** The line to print. */
    public String message() {
      return "unknown command /"
          + name
          + suggestion.map(s -> "; did you mean /" + s + "?").orElse("; /help lists them");
    }
  }

  /** Whether the line is a slash command (a line starting with {@code //} is a message). */
  public static boolean isCommand(String line) {
    return line.startsWith("/") && !line.startsWith("//");
  }

  /** The message a line stands for: {@code //x} sends {@code /x}. */
  public static String messageText(String line) {
    return line.startsWith("//") ? line.substring(1) : line;
  }

  /** Parses a line for which {@link #isCommand} holds. */
  public static Parsed parse(String line) {
    String body = line.substring(1).strip();
    int space = indexOfWhitespace(body);
    String name = (space < 0 ? body : body.substring(0, space)).toLowerCase(Locale.ROOT);
    String arg = space < 0 ? "" : body.substring(space + 1).strip();
    if (name.equals("quit") || name.equals("q")) {
      name = "exit";
    } else if (name.equals("?")) {
      name = "help";
    }
    for (Spec s : ALL) {
      if (s.name().equals(name)) {
        return new Command(name, arg);
      }
    }
    // a unique prefix is enough: /mo for /model
    Spec only = null;
    int matches = 0;
    for (Spec s : ALL) {
      if (!name.isEmpty() && s.name().startsWith(name)) {
        only = s;
        matches++;
      }
    }
    if (matches == 1) {
      return new Command(only.name(), arg);
    }
    return new Unknown(name, suggest(name));
  }

  private static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** The known name closest to {@code name}, when it is within two edits. */
  public static Optional<String> suggest(String name) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Spec s : ALL) {
      int d = Suggestions.distance(name, s.name());
      if (d < bestDistance) {
        best = s.name();
        bestDistance = d;
      }
    }
    int limit = Math.max(1, Math.min(2, name.length() / 2));
    return bestDistance <= limit ? Optional.of(best) : Optional.empty();
  }

  /** The text of {@code /help}. */
  public static String help() {
    StringBuilder sb = new StringBuilder();
    int width = 0;
    for (Spec s : ALL) {
      width = Math.max(width, s.usage().length());
    }
    for (Spec s : ALL) {
      sb.append("  ").append(s.usage());
      sb.append(" ".repeat(width - s.usage().length() + 2)).append(s.help()).append('\n');
    }
    sb.append(
        "Enter sends; Alt-Enter starts a new line; a line \"\"\" opens and closes a block.\n");
    sb.append(
        "Ctrl-C stops an answer or clears the line; Ctrl-R searches history; Ctrl-D quits.\n");
    return sb.toString();
  }
}
