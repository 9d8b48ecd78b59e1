package com.anthropic.tool.toolbox;

import com.anthropic.tool.process.ProcessGroups;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tool processes running now, so that Ctrl-C (a shutdown hook) or the end of a command can kill
 * every one of them with everything it started ({@link ProcessGroups}). {@link #close()} also
 * covers a process that is being started at that moment: it waits (briefly) for every run in flight
 * to end, and a process registered after the close is killed at once.
 */
public final class ProcessRegistry implements AutoCloseable {
  private static final Duration SETTLE = Duration.ofSeconds(3);
  private final Set<Process> running = new LinkedHashSet<>();
  private int inFlight;
  private boolean closed;

  /** A run begins; false when the registry is closed (do not start anything). */
  synchronized boolean enter() {
    if (closed) {
      return false;
    }
    inFlight++;
    return true;
  }

  /** A run has ended (its process is dead or was never started). */
  synchronized void leave() {
    inFlight--;
    notifyAll();
  }

  /** Registers a started process; after {@link #close()} it is killed straight away. */
  void add(Process p) {
    boolean kill;
    synchronized (this) {
      kill = closed;
      if (!kill) {
        running.add(p);
      }
    }
    if (kill) {
      ProcessGroups.kill(p);
    }
  }

  synchronized void remove(Process p) {
    running.remove(p);
  }

  /** How many are running. */
  public synchronized int size() {
    return running.size();
  }

  /** Kills every running process tree and waits for the runs in flight to notice. */
  @Override
  public void close() {
    List<Process> toKill;
    synchronized (this) {
      closed = true;
      toKill = new ArrayList<>(running);
      running.clear();
    }
    ProcessGroups.killAll(toKill);
    long deadline = System.nanoTime() + SETTLE.toNanos();
    synchronized (this) {
      while (inFlight > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        try {
          wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
