package com.anthropic.tool.client.tools;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.CallOptions;
import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.Delta;
import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.model.StreamEvent;
import com.anthropic.tool.client.model.Usage;
import com.anthropic.tool.client.stream.MessageStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The call, execute tools, reply loop. Each round sends the request with the conversation so far;
 * when the answer asks for client tools ({@code tool_use} blocks), every call goes to the executor
 * and the loop appends the assistant turn exactly as received (thinking, signatures, server-tool
 * and unknown blocks included) and one user turn with the {@code tool_result} blocks in the model's
 * order, then sends again with the request's tools, tool choice, system prompt and other fields
 * unchanged. It stops when the model answers without client tools, refuses, or after {@code
 * maxIterations} API calls; a {@code pause_turn} answer is sent back as it is so that the model can
 * go on.
 *
 * <pre>{@code
 * ToolLoopResult r = ToolLoop.builder(client)
 *     .executor(call -> ToolOutput.ok("It is 21 °C in " + call.input().get("city").getAsString()))
 *     .build().run(request);
 * out.println(r.finalMessage().text());
 * }</pre>
 *
 * <p>{@link #stream} does the same with streamed rounds (every round with the retry rules of {@link
 * AnthropicClient#messagesStream}) and hands text deltas, events and tool calls to a {@link
 * ToolLoopListener} while it runs. An executor that throws ends the loop with a {@link
 * ToolExecutionException}; {@link #cancel()}, from any thread, closes the exchange in flight,
 * interrupts the running tools and ends it with a {@link ToolLoopCancelledException}; both carry
 * the transcript so far. A cancellation also interrupts the thread that runs the loop, so a wait
 * before a retry ends at once and no request is sent after it. API errors are thrown as the client
 * throws them.
 *
 * <p>A {@code ToolLoop} may be run again after a run has ended; {@link #cancel()} applies to the
 * run in progress.
 */
public final class ToolLoop {
  /** The default bound on API calls per run. */
  public static final int DEFAULT_MAX_ITERATIONS = 10;

  /**
   * The {@code is_error} result of a call whose input could not be parsed as a JSON object (a
   * stream cut inside the {@code tool_use}, or JSON nested deeper than the parser allows): such a
   * call is never run.
   */
  public static final String UNPARSED_INPUT =
      "the tool input could not be parsed as a JSON object (it was cut short or nested too"
          + " deeply); the call was not run";

  /** The one warning line a command prints for such a call of tool {@code name}. */
  public static String unparsedInputWarning(String name) {
    return "warning: the input of tool "
        + name
        + " could not be parsed as a JSON object (cut short or nested too deeply); it was not run";
  }

  private final AnthropicClient client;
  private final ToolExecutor executor;
  private final int maxIterations;
  private final int parallelism;
  private final UnaryOperator<List<MessageParam>> sent;
  private final CallOptions callOptions;
  private final Object lock = new Object();
  private volatile boolean cancelled;
  private MessageStream current;
  private List<Future<ToolOutput>> running = List.of();
  private Thread runner;

  private ToolLoop(Builder b) {
    this.client = b.client;
    this.executor = Objects.requireNonNull(b.executor, "executor");
    this.maxIterations = b.maxIterations;
    this.parallelism = b.parallelism;
    this.sent = b.sent;
    this.callOptions = b.callOptions;
  }

  public static Builder builder(AnthropicClient client) {
    return new Builder(Objects.requireNonNull(client, "client"));
  }

  /** Runs the loop with non-streaming calls. */
  public ToolLoopResult run(MessagesRequest request) {
    return run(request, new ToolLoopListener() {});
  }

  /** Runs the loop with non-streaming calls, reporting each message and tool call. */
  public ToolLoopResult run(MessagesRequest request, ToolLoopListener listener) {
    return loop(request, listener, false);
  }

  /** Runs the loop with streamed calls, handing text and events to the listener as they arrive. */
  public ToolLoopResult stream(MessagesRequest request, ToolLoopListener listener) {
    return loop(request, listener, true);
  }

  /**
   * Stops the run in progress: the HTTP exchange in flight is closed and running tools are
   * interrupted; the run then throws {@link ToolLoopCancelledException}. Any thread; idempotent.
   */
  public void cancel() {
    MessageStream s;
    List<Future<ToolOutput>> tools;
    synchronized (lock) {
      cancelled = true;
      s = current;
      tools = running;
      if (runner != null) {
        // ends a wait before a retry (or a connection being made) at once: no request leaves
        // after the cancellation, and no retry is reported; from the loop's own thread (a
        // listener, a sleeper) it marks the thread, so the next retry check stops; the loop
        // clears the mark when it ends
        runner.interrupt();
      }
    }
    if (s != null) {
      s.close();
    }
    for (Future<ToolOutput> f : tools) {
      f.cancel(true);
    }
  }

  private ToolLoopResult loop(MessagesRequest request, ToolLoopListener listener, boolean stream) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(listener, "listener");
    List<MessageParam> transcript = new ArrayList<>(request.messages());
    Usage usage = null;
    ExecutorService pool = null;
    synchronized (lock) {
      runner = Thread.currentThread();
    }
    try {
      for (int round = 1; ; round++) {
        if (cancelled) {
          throw new ToolLoopCancelledException(transcript, usage, null);
        }
        MessagesRequest req =
            request.toBuilder().messages(sent.apply(List.copyOf(transcript))).stream(false).build();
        Set<Integer> cut = new HashSet<>();
        Message m =
            stream ? streamRound(req, listener, transcript, usage, cut) : call(req, listener);
        usage = Usages.add(usage, m.usage());
        transcript.add(MessageParam.assistant(m.content()));
        listener.onMessage(m, round);
        Set<String> unparsed = unparsedCalls(m, cut);
        for (ContentBlock.ToolUse u : m.toolUses()) {
          if (unparsed.contains(u.id())) {
            listener.onUnparsedInput(new ToolCall(u.id(), u.name(), null));
          }
        }
        String stop = m.stopReason();
        if ("refusal".equals(stop)) {
          return new ToolLoopResult(m, transcript, usage, round, ToolLoopResult.Outcome.REFUSED);
        }
        boolean pause = "pause_turn".equals(stop);
        List<ContentBlock.ToolUse> uses = "max_tokens".equals(stop) ? List.of() : m.toolUses();
        if (!pause && uses.isEmpty()) {
          return new ToolLoopResult(m, transcript, usage, round, ToolLoopResult.Outcome.COMPLETED);
        }
        if (round >= maxIterations) {
          return new ToolLoopResult(
              m, transcript, usage, round, ToolLoopResult.Outcome.MAX_ITERATIONS);
        }
        if (pause) {
          continue; // the assistant turn goes back as it is and the model carries on
        }
        if (pool == null) {
          pool = Executors.newFixedThreadPool(parallelism, new DaemonThreads());
        }
        transcript.add(
            MessageParam.user(execute(pool, uses, unparsed, listener, transcript, usage)));
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
      boolean wasCancelled;
      synchronized (lock) {
        current = null;
        running = List.of();
        runner = null;
        wasCancelled = cancelled;
        cancelled = false;
      }
      if (wasCancelled) {
        Thread.interrupted(); // the interrupt was the cancellation's, not the caller's
      }
    }
  }

  private Message call(MessagesRequest req, ToolLoopListener listener) {
    Message m = client.messages(req, callOptions);
    String text = m.text();
    if (!text.isEmpty()) {
      listener.onText(text);
    }
    return m;
  }

  /**
   * The ids of the tool_use blocks whose input is no JSON object: cut (by block index, as the
   * stream's accumulator found them) or not an object in the message.
   */
  private static Set<String> unparsedCalls(Message m, Set<Integer> cutBlocks) {
    Set<String> ids = new HashSet<>();
    List<ContentBlock> content = m.content();
    for (int i = 0; i < content.size(); i++) {
      if (content.get(i) instanceof ContentBlock.ToolUse u
          && (u.input() == null || cutBlocks.contains(i))) {
        ids.add(u.id());
      }
    }
    return ids;
  }

  private Message streamRound(
      MessagesRequest req,
      ToolLoopListener listener,
      List<MessageParam> transcript,
      Usage usage,
      Set<Integer> cut) {
    try (MessageStream s = client.messagesStream(req, callOptions)) {
      synchronized (lock) {
        current = s;
      }
      if (cancelled) {
        s.close();
      }
      s.onIdle(listener::onIdle);
      Message m =
          s.consume(
              e -> {
                listener.onEvent(e);
                if (e instanceof StreamEvent.ContentBlockDelta d
                    && d.delta() instanceof Delta.Text t) {
                  listener.onText(t.text());
                }
              });
      if (s.isClosed() || cancelled) {
        throw new ToolLoopCancelledException(transcript, usage, m);
      }
      cut.addAll(s.unparsedToolInputs().keySet());
      return m;
    } catch (RuntimeException e) {
      if (cancelled && !(e instanceof ToolLoopCancelledException)) {
        throw new ToolLoopCancelledException(transcript, usage, null);
      }
      throw e;
    } finally {
      synchronized (lock) {
        current = null;
      }
    }
  }

  private List<ContentBlock> execute(
      ExecutorService pool,
      List<ContentBlock.ToolUse> uses,
      Set<String> unparsed,
      ToolLoopListener listener,
      List<MessageParam> transcript,
      Usage usage) {
    List<ToolCall> calls = new ArrayList<>();
    for (ContentBlock.ToolUse u : uses) {
      calls.add(new ToolCall(u.id(), u.name(), u.input() == null ? null : u.input().deepCopy()));
    }
    calls.forEach(listener::onToolCall);
    List<Future<ToolOutput>> futures = new ArrayList<>();
    synchronized (lock) {
      for (ToolCall c : calls) {
        futures.add(
            unparsed.contains(c.id())
                ? CompletableFuture.completedFuture(ToolOutput.error(UNPARSED_INPUT))
                : pool.submit(() -> executor.execute(c)));
      }
      running = futures;
    }
    if (cancelled) {
      futures.forEach(f -> f.cancel(true));
    }
    List<ContentBlock> results = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      ToolCall c = calls.get(i);
      ToolOutput out;
      try {
        out = futures.get(i).get();
      } catch (CancellationException e) {
        throw new ToolLoopCancelledException(transcript, usage, null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        futures.forEach(f -> f.cancel(true));
        throw new ToolLoopCancelledException(transcript, usage, null);
      } catch (ExecutionException e) {
        futures.forEach(f -> f.cancel(true));
        if (cancelled) {
          throw new ToolLoopCancelledException(transcript, usage, null);
        }
        throw new ToolExecutionException(c, e.getCause(), transcript, usage);
      }
      if (out == null) {
        futures.forEach(f -> f.cancel(true));
        throw new ToolExecutionException(
            c, new NullPointerException("the executor returned null"), transcript, usage);
      }
      listener.onToolResult(c, out);
      results.add(out.toResult(c.id()));
    }
    synchronized (lock) {
      running = List.of();
    }
    return results;
  }

  /** Configures a loop. */
  public static final class Builder {
    private final AnthropicClient client;
    private ToolExecutor executor;
    private int maxIterations = DEFAULT_MAX_ITERATIONS;
    private int parallelism = 4;
    private UnaryOperator<List<MessageParam>> sent = UnaryOperator.identity();
    private CallOptions callOptions = CallOptions.none();

    private Builder(AnthropicClient client) {
      this.client = client;
    }

    /** Runs the calls (required). */
    public Builder executor(ToolExecutor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** The most API calls per run (default 10), pause_turn continuations included. */
    public Builder maxIterations(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxIterations must be at least 1, got " + n);
      }
      this.maxIterations = n;
      return this;
    }

    /** How many calls of one assistant turn run at once (default 4). */
    public Builder parallelism(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("parallelism must be at least 1, got " + n);
      }
      this.parallelism = n;
      return this;
    }

    /**
     * What each round sends for the transcript so far (default: the transcript as it is), for
     * example the same turns with a prompt-caching breakpoint moved to the newest user turn. The
     * transcript the loop keeps and returns is not changed.
     */
    public Builder messagesSent(UnaryOperator<List<MessageParam>> rewrite) {
      this.sent = Objects.requireNonNull(rewrite, "rewrite");
      return this;
    }

    /** Per-call options (headers, betas, timeout, retries) for every round (default: none). */
    public Builder callOptions(CallOptions options) {
      this.callOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    public ToolLoop build() {
      return new ToolLoop(this);
    }
  }

  private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
    private final AtomicInteger n = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "anthropic-tool-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
