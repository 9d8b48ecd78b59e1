package com.anthropic.tool.chat;

import com.anthropic.tool.client.model.ContentBlock;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Starts a chat session on the process's terminal, or on plain streams when stdin is not one. */
public final class Chat {
  private Chat() {}

  /**
   * The process around a session.
   *
   * @param colour whether escape sequences may be written (no NO_COLOR, --no-color, TERM=dumb)
   * @param raw no Markdown styling ({@code --raw})
   * @param history the input history file, or null
   * @param modelIds model ids for completing {@code /model}
   */
  public record Io(
      InputStream stdin,
      boolean stdinIsTerminal,
      PrintWriter out,
      PrintWriter err,
      Map<String, String> env,
      boolean colour,
      boolean raw,
      Path history,
      Supplier<List<String>> modelIds) {}

  /**
   * Loads the classes a terminal session needs (line reader, key maps, completion, the JNI terminal
   * provider) by running the line reader on a dumb terminal over an empty input: for the start-up
   * archive's training run, so that the prompt of a real session is ready sooner. Writes nothing.
   */
  public static void warmUp() {
    try (Terminal dumb =
        new org.jline.terminal.impl.DumbTerminal(
            "warm-up",
            Terminal.TYPE_DUMB,
            new java.io.ByteArrayInputStream("/he\t\n".getBytes(StandardCharsets.UTF_8)),
            java.io.OutputStream.nullOutputStream(),
            StandardCharsets.UTF_8)) {
      PrintWriter none = new PrintWriter(java.io.Writer.nullWriter());
      JLineConsole console = new JLineConsole(dumb, none, true, Map.of(), null, List::of);
      while (console.readMessage() != null) {
        // read to the end
      }
      MarkdownStyler styler = new MarkdownStyler(true);
      styler.feed("# a\n**b** `c`\n```\nd\n```\n");
      styler.finish();
      Class.forName("org.jline.terminal.impl.jni.JniTerminalProvider");
    } catch (IOException | Console.Cleared | ClassNotFoundException | RuntimeException e) {
      // a warm-up that fails only leaves the archive smaller
    }
  }

  /**
   * Runs the session until the end of input or {@code /exit}; returns the exit code.
   *
   * @param start the conversation to start from (new or resumed)
   * @param attachments blocks that go with the first message
   * @param greeting a line shown on a terminal before the first prompt (null for none)
   */
  public static int run(
      ChatSession.Options options,
      Io io,
      Conversation start,
      List<ContentBlock> attachments,
      String greeting) {
    if (!io.stdinIsTerminal()) {
      Console plain = new PlainConsole(io.stdin(), io.out(), io.err());
      return new ChatSession(options, plain, start, attachments, false).run();
    }
    java.util.logging.Logger.getLogger("org.jline").setLevel(java.util.logging.Level.OFF);
    Terminal terminal;
    try {
      terminal =
          TerminalBuilder.builder()
              .system(true)
              // the JNI provider opens the terminal in-process; exec forks stty (tens of ms)
              .providers("jni,exec")
              .name("anthropic")
              .encoding(StandardCharsets.UTF_8)
              .nativeSignals(true)
              .signalHandler(Terminal.SignalHandler.SIG_IGN)
              .build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the terminal: " + e.getMessage(), e);
    }
    JLineConsole console =
        new JLineConsole(terminal, io.err(), io.colour(), io.env(), io.history(), io.modelIds());
    try {
      if (greeting != null) {
        PrintWriter w = terminal.writer();
        w.println(
            console.styled() ? MarkdownStyler.DIM + greeting + MarkdownStyler.NORMAL : greeting);
        w.flush();
      }
      return new ChatSession(options, console, start, attachments, io.raw()).run();
    } finally {
      console.close();
    }
  }
}
