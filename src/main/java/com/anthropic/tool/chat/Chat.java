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
import java.util.concurrent.CompletableFuture;
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
   * @param terminfo where the terminal's capabilities are kept between runs ({@code
   *     $XDG_CACHE_HOME/anthropic-cli/terminfo}), or null
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
      Supplier<List<String>> modelIds,
      Path terminfo) {
    /** Without a terminfo cache. */
    public Io(
        InputStream stdin,
        boolean stdinIsTerminal,
        PrintWriter out,
        PrintWriter err,
        Map<String, String> env,
        boolean colour,
        boolean raw,
        Path history,
        Supplier<List<String>> modelIds) {
      this(stdin, stdinIsTerminal, out, err, env, colour, raw, history, modelIds, null);
    }
  }

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
      try (Terminal built =
          TerminalBuilder.builder()
              .system(false)
              .streams(InputStream.nullInputStream(), java.io.OutputStream.nullOutputStream())
              .type(Terminal.TYPE_DUMB)
              .build()) {
        built.writer().flush();
      }
    } catch (IOException | Console.Cleared | RuntimeException e) {
      // a warm-up that fails only leaves the archive smaller
    }
    ClassLoader loader = Chat.class.getClassLoader();
    for (String name : TERMINAL_CLASSES) {
      try {
        Class.forName(name, false, loader); // loaded, not initialised: no native code runs
      } catch (ClassNotFoundException | LinkageError e) {
        // another JLine version: one class fewer in the archive
      }
    }
  }

  /**
   * The classes that opening a real terminal with the JNI provider loads (from {@code
   * -Xlog:class+load} of {@code chat} in tmux), which a training run without a terminal never
   * reaches: about 40 classes, some 10 ms of a cold start when they come from the jar.
   */
  private static final List<String> TERMINAL_CLASSES =
      List.of(
          "org.jline.nativ.JLineNativeLoader",
          "org.jline.nativ.JLineNativeLoader$1",
          "org.jline.nativ.OSInfo",
          "org.jline.nativ.CLibrary",
          "org.jline.nativ.CLibrary$Termios",
          "org.jline.nativ.CLibrary$WinSize",
          "org.jline.terminal.TerminalBuilder",
          "org.jline.terminal.TerminalBuilder$SystemOutput",
          "org.jline.terminal.spi.SystemStream",
          "org.jline.terminal.impl.AbstractPty",
          "org.jline.terminal.impl.AbstractPty$1",
          "org.jline.terminal.impl.AbstractPty$PtyInputStream",
          "org.jline.terminal.impl.AbstractPty$FileDescriptorCreator",
          "org.jline.terminal.impl.AbstractPosixTerminal",
          "org.jline.terminal.impl.PosixSysTerminal",
          "org.jline.terminal.impl.jni.JniTerminalProvider",
          "org.jline.terminal.impl.jni.JniNativePty",
          "org.jline.terminal.impl.jni.JniNativePty$1",
          "org.jline.terminal.impl.jni.linux.LinuxNativePty",
          "org.jline.terminal.impl.jni.linux.LinuxNativePty$1",
          "org.jline.utils.FastBufferedOutputStream",
          "org.jline.utils.Signals",
          "org.jline.utils.ShutdownHooks",
          "org.jline.utils.ShutdownHooks$1",
          "org.jline.utils.ShutdownHooks$Task",
          "org.jline.utils.AttributedCharSequence$ForceMode",
          "sun.misc.Signal",
          "sun.misc.SignalHandler",
          "sun.misc.Signal$SunMiscHandler",
          "sun.misc.Signal$InternalMiscHandler",
          "java.io.DeleteOnExitHook",
          "java.io.DeleteOnExitHook$1",
          "com.anthropic.tool.chat.PrivateFiles",
          "com.anthropic.tool.chat.Chat$Opening",
          "com.anthropic.tool.chat.AnswerRecorder");

  /** Keeps the terminal's capabilities for the next start, off the path to the prompt. */
  private static void keepTerminalInfo(Io io) {
    Thread t =
        new Thread(
            () -> TerminalInfo.remember(io.terminfo(), io.env().get("TERM")),
            "anthropic-chat-terminfo");
    t.setDaemon(true);
    t.start();
  }

  /**
   * A terminal being opened on another thread: started by {@link #open} as soon as the command
   * knows it will chat, so that opening the terminal (the native library, the line reader, the
   * history) overlaps building the request and the client. Closing it without a session restores
   * the terminal.
   */
  public static final class Opening implements AutoCloseable {
    private final CompletableFuture<JLineConsole> console;
    private volatile Runnable onPrompt = () -> {};

    private Opening(CompletableFuture<JLineConsole> console) {
      this.console = console;
    }

    /** The console, once open; throws when the terminal cannot be opened. */
    JLineConsole console() {
      try {
        return console.join();
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
    }

    /**
     * Runs {@code r} on its own thread once the first prompt is on screen (at once when standard
     * input is not a terminal): work the first answer needs but the prompt does not, such as the
     * TLS set-up.
     */
    public void onPrompt(Runnable r) {
      onPrompt = java.util.Objects.requireNonNull(r, "r");
    }

    void prompted() {
      Thread t = new Thread(onPrompt, "anthropic-chat-after-prompt");
      t.setDaemon(true);
      t.start();
    }

    /** Closes the console if it was opened (for a command that ends before its session). */
    @Override
    public void close() {
      if (console != null) {
        try {
          console.join().close();
        } catch (RuntimeException e) {
          // it never opened
        }
      }
    }
  }

  /**
   * Starts opening the terminal on another thread when standard input is one; otherwise does
   * nothing (the session reads plain lines).
   */
  public static Opening open(Io io) {
    if (!io.stdinIsTerminal()) {
      return new Opening(null);
    }
    CompletableFuture<JLineConsole> f = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                f.complete(openConsole(io));
              } catch (Throwable e) { // NOPMD: handed to the thread that takes the console
                f.completeExceptionally(e);
              }
            },
            "anthropic-chat-terminal");
    t.setDaemon(true);
    t.start();
    return new Opening(f);
  }

  private static JLineConsole openConsole(Io io) {
    java.util.logging.Logger.getLogger("org.jline").setLevel(java.util.logging.Level.OFF);
    TerminalInfo.preload(io.terminfo(), io.env().get("TERM"));
    Terminal terminal;
    try {
      terminal = systemTerminal("jni");
    } catch (IOException | RuntimeException jniFailed) {
      try {
        // exec forks stty for each attribute change (tens of ms), so only when JNI cannot
        terminal = systemTerminal("exec");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open the terminal: " + e.getMessage(), e);
      }
    }
    JLineConsole c =
        new JLineConsole(terminal, io.err(), io.colour(), io.env(), io.history(), io.modelIds());
    return c;
  }

  private static Terminal systemTerminal(String provider) throws IOException {
    boolean jni = provider.equals("jni");
    return TerminalBuilder.builder()
        .system(true)
        // the JNI provider opens the terminal in-process; the others are not even loaded (the
        // builder instantiates every enabled provider, and exec's costs a process)
        .providers(provider)
        .jni(jni)
        .exec(!jni)
        .jna(false)
        .jansi(false)
        .ffm(false)
        .name("anthropic")
        .encoding(StandardCharsets.UTF_8)
        .nativeSignals(true)
        .signalHandler(Terminal.SignalHandler.SIG_IGN)
        .build();
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
    return run(options, io, open(io), start, attachments, greeting);
  }

  /**
   * {@link #run(ChatSession.Options, Io, Conversation, List, String)} on a terminal {@link #open}ed
   * before.
   */
  public static int run(
      ChatSession.Options options,
      Io io,
      Opening opening,
      Conversation start,
      List<ContentBlock> attachments,
      String greeting) {
    if (!io.stdinIsTerminal()) {
      opening.prompted();
      Console plain = new PlainConsole(io.stdin(), io.out(), io.err());
      return new ChatSession(options, plain, start, attachments, false).run();
    }
    JLineConsole console = opening.console();
    try {
      if (greeting != null) {
        PrintWriter w = console.out();
        w.println(
            console.styled() ? MarkdownStyler.DIM + greeting + MarkdownStyler.NORMAL : greeting);
        w.flush();
      }
      keepTerminalInfo(io);
      opening.prompted();
      return new ChatSession(options, console, start, attachments, io.raw()).run();
    } finally {
      console.close();
    }
  }
}
