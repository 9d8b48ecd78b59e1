package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Model ids are data: a cached id that carries a command substitution is never run by the bash or
 * zsh completion (issue 19, defect 1). Runs the generated script in the real shell against a cache
 * file a hostile server could have left; skips with a message when the shell is not installed.
 */
class CompletionInjectionTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"bash", "zsh"})
  void should_never_run_a_command_hidden_in_a_cached_model_id(String shell) throws Exception {
    Path exe = Path.of("/usr/bin", shell);
    Path binExe = Path.of("/bin", shell);
    assumeTrue(
        Files.isExecutable(exe) || Files.isExecutable(binExe),
        shell + " is not installed: the completion injection test did not run in it");
    Path cache = dir.resolve("cache");
    Path marker = dir.resolve("PWNED");
    Path marker2 = dir.resolve("PWNED2");
    Path marker3 = dir.resolve("PWNED3");
    Files.createDirectories(cache.resolve("anthropic-cli"));
    Files.writeString(
        cache.resolve(Completions.MODEL_CACHE),
        String.join(
            "\n",
            "claude-x$(touch${IFS}" + marker + ")",
            "claude-y`touch " + marker2 + "`",
            "claude-z;touch " + marker3,
            "claude-ok-1",
            "claude-ok-2",
            "$(touch " + marker + ")",
            ""),
        StandardCharsets.UTF_8);
    Path script = dir.resolve("anthropic." + shell);
    Files.writeString(
        script,
        shell.equals("bash")
            ? Completions.bash(GeneratedDocs.commandLine())
            : Completions.zsh(GeneratedDocs.commandLine()));
    String call =
        (shell.equals("zsh") ? "setopt ksharrays\n" : "")
            + "COMP_WORDS=(anthropic messages -m claude-)\n"
            + "COMP_CWORD=3\n"
            + "COMP_LINE='anthropic messages -m claude-'\n"
            + "COMP_POINT=${#COMP_LINE}\n"
            + "_complete_anthropic anthropic claude- -m\n"
            + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    String program = "source " + script + "\n" + call;
    ProcessBuilder pb =
        shell.equals("bash")
            ? new ProcessBuilder("bash", "--norc", "--noprofile", "-c", program)
            : new ProcessBuilder("zsh", "-f", "-c", program);
    pb.environment().put("XDG_CACHE_HOME", cache.toString());
    pb.environment().put("HOME", dir.toString());
    pb.directory(dir.toFile());
    // picocli's script calls compopt, which says so on stderr outside a real TAB: kept apart
    Path stderr = dir.resolve("stderr");
    pb.redirectError(stderr.toFile());
    Process p = pb.start();
    String out = read(p) + "\nstderr: " + Files.readString(stderr);
    assertEquals(0, p.exitValue(), shell + " output: " + out);

    for (Path m : List.of(marker, marker2, marker3)) {
      assertFalse(Files.exists(m), shell + " ran a command from the model cache; output: " + out);
    }
    assertEquals(
        "claude-ok-1\nclaude-ok-2\n",
        out.substring(0, out.indexOf("\nstderr: ")),
        shell + " offers only the ids that look like ids, as they are");
  }

  private static String read(Process p) throws IOException, InterruptedException {
    byte[] bytes = p.getInputStream().readAllBytes();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the shell did not finish");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
