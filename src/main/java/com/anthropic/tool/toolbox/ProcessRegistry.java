package com.anthropic.tool.toolbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tool processes running now, so that Ctrl-C (a shutdown hook) or the end of a command can kill
 * every one of them with its whole process tree.
 */
public final class ProcessRegistry implements AutoCloseable {
  private final Set<Process> running = ConcurrentHashMap.newKeySet();

  void add(Process p) {
    running.add(p);
  }

  void remove(Process p) {
    running.remove(p);
  }

  /** How many are running. */
  public int size() {
    return running.size();
  }

  /** Kills every running process tree. */
  @Override
  public void close() {
    for (Process p : new ArrayList<>(running)) {
      killTree(p);
    }
    running.clear();
  }

  /** Kills the process and all its descendants (children first seen, then the process). */
  public static void killTree(Process p) {
    List<ProcessHandle> tree = new ArrayList<>();
    try {
      p.toHandle().descendants().forEach(tree::add);
    } catch (RuntimeException ignored) {
      // the process ended meanwhile
    }
    p.destroyForcibly();
    for (ProcessHandle h : tree) {
      h.destroyForcibly();
    }
  }
}
