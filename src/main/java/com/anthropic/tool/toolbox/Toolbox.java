package com.anthropic.tool.toolbox;

import com.anthropic.tool.client.model.Tool;
import com.anthropic.tool.client.tools.ToolCall;
import com.anthropic.tool.client.tools.ToolExecutor;
import com.anthropic.tool.client.tools.ToolOutput;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tools of one session, from every source (local commands, MCP servers, Java code): their
 * definitions for the request and one {@link ToolExecutor} that routes each call by name. A name
 * the model invents gets an {@code is_error} result naming the known tools. {@link #close()} stops
 * every source (processes, servers), last added first; it is idempotent and safe from a shutdown
 * hook.
 */
public final class Toolbox implements ToolExecutor, AutoCloseable {
  private final Map<String, Entry> byName = new LinkedHashMap<>();
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private final Object closeLock = new Object();
  private boolean closed;

  private record Entry(Tool tool, ToolExecutor executor) {}

  /**
   * Adds a tool.
   *
   * @throws IllegalArgumentException when a tool of that name is already there
   */
  public synchronized Toolbox add(Tool tool, ToolExecutor executor) {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(executor, "executor");
    if (byName.containsKey(tool.name())) {
      throw new IllegalArgumentException("two tools are named " + tool.name());
    }
    byName.put(tool.name(), new Entry(tool, executor));
    return this;
  }

  /**
   * Closed by {@link #close()}: a server, a process registry, ... Once the box is closed (Ctrl-C
   * while things start), a resource handed over is closed at once.
   */
  public Toolbox own(AutoCloseable resource) {
    Objects.requireNonNull(resource, "resource");
    synchronized (this) {
      if (!closed) {
        resources.push(resource);
        return this;
      }
    }
    try {
      resource.close();
    } catch (Exception ignored) {
      // as in close()
    }
    return this;
  }

  /** The definitions to send, in the order added. */
  public synchronized List<Tool> tools() {
    List<Tool> out = new ArrayList<>();
    byName.values().forEach(e -> out.add(e.tool()));
    return out;
  }

  /** Whether a tool of this name is here. */
  public synchronized boolean has(String name) {
    return byName.containsKey(name);
  }

  @Override
  public ToolOutput execute(ToolCall call) throws Exception {
    Entry e;
    List<String> known;
    synchronized (this) {
      e = byName.get(call.name());
      known = new ArrayList<>(byName.keySet());
    }
    if (e == null) {
      return ToolOutput.error(
          "there is no tool named "
              + call.name()
              + "; the known tools are: "
              + (known.isEmpty() ? "(none)" : String.join(", ", known)));
    }
    return e.executor().execute(call);
  }

  /**
   * Stops every owned resource, last added first. A second caller (the command ending while a
   * Ctrl-C hook stops things) waits until the first has finished, so the JVM cannot halt halfway.
   */
  @Override
  public void close() {
    synchronized (closeLock) {
      List<AutoCloseable> toClose;
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        toClose = new ArrayList<>(resources);
        resources.clear();
      }
      for (AutoCloseable r : toClose) {
        try {
          r.close();
        } catch (Exception ignored) {
          // stopping the rest matters more than one that failed to stop
        }
      }
    }
  }
}
