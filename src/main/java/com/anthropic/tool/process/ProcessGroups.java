package com.anthropic.tool.process;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starting tool processes (local tools and MCP servers) in a session, hence a process group, of
 * their own, and killing every process they started. Java cannot call {@code setsid(2)}: the
 * command is started through util-linux {@code setsid} when it is installed. A process group of its
 * own means the terminal's signals (Ctrl-C, Ctrl-Z, a closed terminal) reach the CLI only, and the
 * CLI kills the whole group: {@code kill -TERM -- -PGID}, then {@code KILL} after a short grace
 * period, which also reaches children re-parented after their parent died. Where there is no {@code
 * setsid} (or no {@code kill}), the process and its descendants are killed one by one.
 */
public final class ProcessGroups {
  /** How long a group has to end after TERM before it gets KILL. */
  static final long GRACE_MILLIS = 300;

  private static final String SETSID = executable("setsid");
  private static final String KILL = executable("kill");

  private ProcessGroups() {}

  /** Whether commands start in a process group of their own here. */
  public static boolean available() {
    return SETSID != null && KILL != null;
  }

  /**
   * The command to start so that {@code command} runs in a session of its own (its pid is its
   * process group id); the command itself where that is not possible.
   */
  public static List<String> inOwnGroup(List<String> command) {
    if (!available()) {
      return List.copyOf(command);
    }
    List<String> c = new ArrayList<>(command.size() + 2);
    c.add(SETSID);
    c.add("--wait"); // never fork away from the process Java waits for
    c.addAll(command);
    return c;
  }

  /**
   * Starts the builder's command in a process group of its own ({@link #inOwnGroup}). A command
   * that cannot be found or run is started as it is, so that it fails as Java reports it.
   */
  public static Process start(ProcessBuilder pb) throws IOException {
    List<String> command = pb.command();
    if (!available() || command.isEmpty() || !runnable(command.get(0), pb)) {
      return pb.start();
    }
    List<String> original = List.copyOf(command);
    pb.command(inOwnGroup(original));
    try {
      return pb.start();
    } finally {
      pb.command(original);
    }
  }

  private static boolean runnable(String program, ProcessBuilder pb) {
    if (program.contains("/")) {
      File f = new File(program);
      if (!f.isAbsolute() && pb.directory() != null) {
        f = new File(pb.directory(), program);
      }
      return f.isFile() && f.canExecute();
    }
    String path = pb.environment().get("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      File f = new File(dir.isEmpty() ? "." : dir, program);
      if (f.isFile() && f.canExecute()) {
        return true;
      }
    }
    return false;
  }

  /** Kills a started process with everything it started (TERM, a grace period, then KILL). */
  public static void kill(Process p) {
    killAll(List.of(p));
  }

  /** Kills each process with everything it started; the grace period is shared. */
  public static void killAll(Collection<Process> processes) {
    if (processes.isEmpty()) {
      return;
    }
    List<ProcessHandle> tree = new ArrayList<>();
    List<Long> groups = new ArrayList<>();
    long own = groupOf(ProcessHandle.current().pid());
    for (Process p : processes) {
      try {
        p.toHandle().descendants().forEach(tree::add);
      } catch (RuntimeException ignored) {
        // it ended meanwhile
      }
      long pgid = groupOf(p.pid());
      // a leader that died leaves its group behind (pgid unknown then): it is still its pid
      if (available() && p.pid() != own && (pgid == p.pid() || pgid < 0)) {
        groups.add(p.pid());
      }
    }
    signal("TERM", groups);
    for (Process p : processes) {
      p.destroy();
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
    for (Process p : processes) {
      try {
        p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    signal("KILL", groups);
    for (Process p : processes) {
      p.destroyForcibly();
    }
    for (ProcessHandle h : tree) {
      h.destroyForcibly();
    }
  }

  /** Sends a signal to each process group (never this process's own). */
  private static void signal(String name, List<Long> groups) {
    if (groups.isEmpty()) {
      return;
    }
    List<String> c = new ArrayList<>(List.of(KILL, "-" + name, "--"));
    for (long g : groups) {
      c.add("-" + g);
    }
    try {
      Process k =
          new ProcessBuilder(c)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      k.waitFor(2, TimeUnit.SECONDS);
    } catch (IOException e) {
      // no kill after all: the process and its descendants are killed one by one
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The process group of a process (from /proc), or -1 when unknown (it ended, no /proc). */
  static long groupOf(long pid) {
    try {
      String stat =
          Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
      // pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses, so start after the
      // last ')'
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[2]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static String executable(String name) {
    for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
      File f = new File(dir, name);
      if (f.canExecute()) {
        return f.getPath();
      }
    }
    return null;
  }
}
