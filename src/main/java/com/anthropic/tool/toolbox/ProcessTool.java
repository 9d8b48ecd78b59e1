package com.anthropic.tool.toolbox;

import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.tools.ToolCall;
import com.anthropic.tool.client.tools.ToolExecutor;
import com.anthropic.tool.client.tools.ToolOutput;
import com.anthropic.tool.process.ProcessGroups;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A tool that is a local command: it runs directly (never through a shell) with the tool input JSON
 * on stdin; its stdout is the result, a non-zero exit is an {@code is_error} result with its
 * stderr. A run longer than the timeout kills the whole process tree; output beyond the limit is
 * cut with a marker saying how much was dropped.
 */
public final class ProcessTool implements ToolExecutor {
  private final String name;
  private final List<String> command;
  private final Settings settings;

  /**
   * How tool processes run.
   *
   * @param env the whole environment of the process (pass the user's, credentials removed: see
   *     {@link #withoutCredentials})
   * @param dir the working directory
   * @param timeout longest run before the process tree is killed
   * @param outputLimit most bytes of stdout (and of stderr) kept
   * @param processes where running processes are registered, so they can all be killed at once
   */
  public record Settings(
      Map<String, String> env,
      Path dir,
      Duration timeout,
      long outputLimit,
      ProcessRegistry processes) {
    public Settings {
      env = Map.copyOf(env);
      Objects.requireNonNull(dir, "dir");
      Objects.requireNonNull(timeout, "timeout");
      Objects.requireNonNull(processes, "processes");
      if (outputLimit < 0) {
        throw new IllegalArgumentException("outputLimit must not be negative");
      }
    }
  }

  public ProcessTool(String name, List<String> command, Settings settings) {
    this.name = Objects.requireNonNull(name, "name");
    this.command = List.copyOf(command);
    this.settings = Objects.requireNonNull(settings, "settings");
    if (command.isEmpty()) {
      throw new IllegalArgumentException("tool " + name + " has an empty command");
    }
  }

  /**
   * The variables the CLI reads that can carry a credential of the API: the key, the token, and the
   * extra headers (which may hold an {@code x-api-key} or {@code Authorization} header). No tool
   * process, local or MCP, gets them.
   */
  public static final List<String> CREDENTIAL_VARIABLES =
      List.of("ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_CUSTOM_HEADERS");

  /**
   * The environment of every tool process, local tools and MCP servers alike: the user's minus
   * {@link #CREDENTIAL_VARIABLES}.
   */
  public static Map<String, String> withoutCredentials(Map<String, String> env) {
    Map<String, String> copy = new java.util.HashMap<>(env);
    CREDENTIAL_VARIABLES.forEach(copy::remove);
    return copy;
  }

  @Override
  public ToolOutput execute(ToolCall call) throws InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(settings.dir().toFile());
    pb.environment().clear();
    pb.environment().putAll(settings.env());
    if (!settings.processes().enter()) {
      throw new InterruptedException("the tools are being stopped");
    }
    Process p;
    try {
      p = ProcessGroups.start(pb);
    } catch (IOException e) {
      settings.processes().leave();
      return ToolOutput.error("cannot run " + command.get(0) + ": " + e.getMessage());
    }
    settings.processes().add(p);
    try {
      Capture out = new Capture(p.getInputStream(), settings.outputLimit(), name + "-stdout");
      Capture err = new Capture(p.getErrorStream(), settings.outputLimit(), name + "-stderr");
      byte[] input = Json.write(call.input()).getBytes(StandardCharsets.UTF_8);
      Thread feeder = new Thread(() -> feed(p.getOutputStream(), input), name + "-stdin");
      feeder.setDaemon(true);
      feeder.start();
      long deadline = System.nanoTime() + settings.timeout().toNanos();
      if (!p.waitFor(settings.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
        ProcessGroups.kill(p);
        out.join(Duration.ofSeconds(1));
        err.join(Duration.ofSeconds(1));
        return ToolOutput.error(
            "the tool "
                + name
                + " ran longer than "
                + seconds(settings.timeout())
                + " (--tool-timeout) and was stopped"
                + tail(out));
      }
      // the output may still be in the pipes: read it to the end (within the time left)
      long left = Math.max(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(200));
      out.join(Duration.ofNanos(left));
      err.join(Duration.ofMillis(200));
      int status = p.exitValue();
      if (status != 0) {
        String text = err.text();
        return ToolOutput.error(
            text.isBlank() ? "the tool " + name + " exited with status " + status : text);
      }
      return ToolOutput.ok(out.text());
    } catch (InterruptedException e) {
      ProcessGroups.kill(p);
      throw e;
    } finally {
      if (p.isAlive()) {
        ProcessGroups.kill(p);
      }
      settings.processes().remove(p);
      settings.processes().leave();
    }
  }

  private static String tail(Capture out) {
    String text = out.text();
    return text.isEmpty() ? "" : "; its output so far:\n" + text;
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + " s" : (ms / 1000.0) + " s";
  }

  private static void feed(OutputStream stdin, byte[] input) {
    try (stdin) {
      stdin.write(input);
    } catch (IOException ignored) {
      // the tool does not read its input (or ended first): that is its business
    }
  }

  /** Drains a stream on its own thread, keeping the first {@code limit} bytes. */
  static final class Capture {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final long limit;
    private final Thread thread;
    private long dropped;

    Capture(InputStream in, long limit, String name) {
      this.limit = limit;
      this.thread = new Thread(() -> drain(in), name);
      thread.setDaemon(true);
      thread.start();
    }

    private void drain(InputStream in) {
      byte[] buf = new byte[8192];
      try (in) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          synchronized (this) {
            int keep = (int) Math.max(0, Math.min(n, limit - kept.size()));
            kept.write(buf, 0, keep);
            dropped += n - keep;
          }
        }
      } catch (IOException ignored) {
        // the process was killed: keep what arrived
      }
    }

    void join(Duration max) throws InterruptedException {
      thread.join(Math.max(1, max.toMillis()));
    }

    /** What was kept, decoded, with the cut marker when bytes were dropped. */
    synchronized String text() {
      byte[] b = kept.toByteArray();
      int end = b.length;
      if (dropped > 0) {
        // do not cut a UTF-8 character in half
        while (end > 0 && (b[end - 1] & 0xC0) == 0x80) {
          end--;
        }
        if (end > 0 && (b[end - 1] & 0x80) != 0) {
          end--;
        }
      }
      String s = new String(b, 0, end, StandardCharsets.UTF_8);
      if (dropped > 0) {
        long total = dropped + (b.length - end);
        s +=
            "\n[output cut at "
                + limit
                + " bytes (--tool-output-limit): "
                + total
                + " more bytes dropped]";
      }
      return s;
    }
  }
}
