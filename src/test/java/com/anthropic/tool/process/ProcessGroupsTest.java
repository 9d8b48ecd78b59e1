package com.anthropic.tool.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.anthropic.tool.client.tools.ToolCall;
import com.anthropic.tool.client.tools.ToolOutput;
import com.anthropic.tool.toolbox.ProcessRegistry;
import com.anthropic.tool.toolbox.ProcessTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tool processes run in a process group of their own, and killing one kills every process it
 * started, children re-parented after their parent died included.
 */
class ProcessGroupsTest {
  @TempDir Path tmp;

  @BeforeEach
  void needsSetsid() {
    assumeTrue(ProcessGroups.available(), "no setsid or kill here: tool processes share our group");
  }

  /** Waits for a process the test does not own to end; fails naming it otherwise. */
  private static void assertEnds(long pid, String what) throws Exception {
    Optional<ProcessHandle> h = ProcessHandle.of(pid);
    if (h.isPresent()) {
      try {
        h.get().onExit().get(10, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        throw new AssertionError(what + " (pid " + pid + ") still runs", e);
      }
    }
  }

  private long awaitPid(Path file) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (Files.exists(file)) {
        String s = Files.readString(file).strip();
        if (!s.isEmpty() && s.endsWith(";")) {
          return Long.parseLong(s.substring(0, s.length() - 1));
        }
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("the script never wrote " + file);
  }

  @Test
  void should_start_in_a_group_of_its_own_and_kill_a_child_whose_parent_died() throws Exception {
    Path pid = tmp.resolve("orphan.pid");
    Process p =
        ProcessGroups.start(
            new ProcessBuilder(
                "sh", "-c", "(sleep 881.25 & echo \"$!;\" > " + pid + "); exec sleep 882.25"));
    long orphan = awaitPid(pid);

    assertEquals(p.pid(), ProcessGroups.groupOf(p.pid()), "the leader of its own group");
    assertNotEquals(
        ProcessGroups.groupOf(ProcessHandle.current().pid()), ProcessGroups.groupOf(p.pid()));
    assertEquals(p.pid(), ProcessGroups.groupOf(orphan), "the orphan stays in the group");

    ProcessGroups.kill(p);

    assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    assertEnds(orphan, "the child re-parented after its parent died");
  }

  @Test
  void should_kill_the_whole_group_of_a_tool_that_runs_too_long() throws Exception {
    Path pid = tmp.resolve("child.pid");
    ProcessRegistry registry = new ProcessRegistry();
    ProcessTool tool =
        new ProcessTool(
            "slow",
            List.of(
                "sh",
                "-c",
                "cat >/dev/null; sleep 881.5 & echo \"$!;\" > " + pid + "; sleep 882.5"),
            new ProcessTool.Settings(
                Map.of("PATH", System.getenv("PATH")),
                tmp,
                Duration.ofMillis(1500),
                1000,
                registry));

    ToolOutput out = tool.execute(new ToolCall("toolu_1", "slow", null));

    assertTrue(out.isError(), out.text());
    assertEnds(awaitPid(pid), "the tool's background child");
    assertEquals(0, registry.size());
  }

  @Test
  void should_start_a_command_that_cannot_be_found_as_java_reports_it() {
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            java.io.IOException.class,
            () -> ProcessGroups.start(new ProcessBuilder(tmp.resolve("no-such").toString())));
    assertTrue(e.getMessage().contains("no-such"), e.getMessage());
  }
}
