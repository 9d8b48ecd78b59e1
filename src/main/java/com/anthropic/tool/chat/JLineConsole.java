package com.anthropic.tool.chat;

import com.anthropic.tool.config.PrivateDirs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jline.keymap.KeyMap;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * A person at a terminal: JLine line editing (Emacs keys, Ctrl-R reverse search, history kept in a
 * 0600 file), Alt-Enter for a new line, bracketed paste, tab completion of slash commands, model
 * ids and file names. Ctrl-C while a line is typed clears it; Ctrl-D on an empty line ends.
 */
final class JLineConsole implements Console {
  static final String PROMPT = "> ";
  static final String MORE = ". ";
  private final Terminal terminal;
  private final LineReader reader;
  private final PrintWriter err;
  private final boolean colour;
  private final Map<String, String> env;
  private final Path history;
  private volatile Runnable interrupt;
  private boolean closed;

  /**
   * @param history the input history file (made 0600 in a 0700 directory), or null for none
   * @param modelIds model ids for completing {@code /model}
   */
  JLineConsole(
      Terminal terminal,
      PrintWriter err,
      boolean colour,
      Map<String, String> env,
      Path history,
      Supplier<List<String>> modelIds) {
    this.terminal = terminal;
    this.err = err;
    this.colour = colour && !Terminal.TYPE_DUMB.equals(terminal.getType());
    this.env = env;
    this.history = preparedHistory(history);
    LineReaderBuilder b =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("anthropic-chat")
            .completer(new ChatCompleter(modelIds))
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .option(LineReader.Option.AUTO_FRESH_LINE, true)
            .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
            .option(LineReader.Option.HISTORY_REDUCE_BLANKS, false)
            .variable(LineReader.SECONDARY_PROMPT_PATTERN, MORE)
            .variable(LineReader.HISTORY_SIZE, 2000)
            .variable(LineReader.HISTORY_FILE_SIZE, 2000)
            .variable(LineReader.DISABLE_HISTORY, true);
    if (this.history != null) {
      b.variable(LineReader.HISTORY_FILE, this.history);
    }
    this.reader = b.build();
    // Alt-Enter (ESC CR) inserts a new line instead of sending
    reader
        .getWidgets()
        .put(
            "chat-newline",
            () -> {
              reader.getBuffer().write('\n');
              return true;
            });
    reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference("chat-newline"), KeyMap.alt('\r'));
    reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference("chat-newline"), KeyMap.alt('\n'));
    terminal.handle(
        Terminal.Signal.INT,
        s -> {
          Runnable r = interrupt;
          if (r != null) {
            r.run();
          }
        });
  }

  private static Path preparedHistory(Path file) {
    if (file == null) {
      return null;
    }
    try {
      PrivateDirs.ensure(file.getParent());
      if (!Files.exists(file)) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      return file;
    } catch (IOException | UnsupportedOperationException e) {
      return null; // no history rather than no chat
    }
  }

  @Override
  public String readMessage() throws Cleared {
    String line = read(PROMPT);
    if (line == null || !line.strip().equals(PlainConsole.BLOCK)) {
      remember(line);
      return line;
    }
    List<String> block = new ArrayList<>();
    while (true) {
      String next = read(MORE);
      if (next == null || next.strip().equals(PlainConsole.BLOCK)) {
        String message = String.join("\n", block);
        remember(message);
        return message;
      }
      block.add(next);
    }
  }

  /**
   * Adds a message to the input history as one entry: the line reader keeps none itself (its
   * history is disabled while reading), so a {@code """} block is one entry, not its lines and
   * markers, and an answer to a tool question is none.
   */
  private void remember(String message) {
    if (message == null || message.isBlank()) {
      return;
    }
    reader.variable(LineReader.DISABLE_HISTORY, false);
    try {
      reader.getHistory().add(message);
    } finally {
      reader.variable(LineReader.DISABLE_HISTORY, true);
    }
  }

  private String read(String prompt) throws Cleared {
    try {
      return reader.readLine(prompt);
    } catch (UserInterruptException e) {
      throw new Cleared();
    } catch (EndOfFileException e) {
      return null;
    } finally {
      keepHistoryPrivate();
    }
  }

  @Override
  public boolean confirm(String question) throws Cleared {
    terminal.writer().flush();
    try {
      String a = reader.readLine(question).strip().toLowerCase(java.util.Locale.ROOT);
      return a.equals("y") || a.equals("yes");
    } catch (UserInterruptException e) {
      throw new Cleared();
    } catch (EndOfFileException e) {
      return false;
    }
  }

  private void keepHistoryPrivate() {
    if (history != null) {
      try {
        Files.setPosixFilePermissions(history, PosixFilePermissions.fromString("rw-------"));
      } catch (IOException | UnsupportedOperationException e) {
        // best effort: the file was created 0600
      }
    }
  }

  @Override
  public PrintWriter out() {
    return terminal.writer();
  }

  @Override
  public PrintWriter info() {
    return terminal.writer();
  }

  @Override
  public PrintWriter err() {
    terminal.writer().flush();
    return err;
  }

  @Override
  public boolean interactive() {
    return true;
  }

  @Override
  public boolean styled() {
    return colour;
  }

  @Override
  public int width() {
    int w = terminal.getWidth();
    return w > 0 ? w : 80;
  }

  @Override
  public int height() {
    int h = terminal.getHeight();
    return h > 0 ? h : 24;
  }

  @Override
  public boolean clipboard() {
    return !Terminal.TYPE_DUMB.equals(terminal.getType());
  }

  @Override
  public boolean hyperlinks() {
    return colour && TerminalFeatures.hyperlinks(env);
  }

  @Override
  public void onInterrupt(Runnable r) {
    interrupt = r;
  }

  @Override
  public Optional<String> edit(String initial) {
    String editor = env.get("VISUAL");
    if (editor == null || editor.isBlank()) {
      editor = env.get("EDITOR");
    }
    if (editor == null || editor.isBlank() || Terminal.TYPE_DUMB.equals(terminal.getType())) {
      return Optional.empty();
    }
    Path tmp = null;
    try {
      tmp =
          Files.createTempFile(
              "anthropic-chat-",
              ".md",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tmp, initial, StandardCharsets.UTF_8);
      List<String> command = new ArrayList<>(List.of(editor.strip().split("\\s+")));
      command.add(tmp.toString());
      terminal.pause();
      try {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
          return Optional.of("");
        }
      } finally {
        terminal.resume();
      }
      return Optional.of(Files.readString(tmp, StandardCharsets.UTF_8));
    } catch (IOException e) {
      err.println("error: io_error: cannot run the editor " + editor + ": " + e.getMessage());
      err.flush();
      return Optional.of("");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("");
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a temporary file in the temp directory
        }
      }
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      reader.getHistory().save();
    } catch (IOException | RuntimeException e) {
      // history is a convenience
    }
    keepHistoryPrivate();
    try {
      terminal.close();
    } catch (IOException e) {
      // ending anyway
    }
  }
}
