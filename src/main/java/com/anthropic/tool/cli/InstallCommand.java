package com.anthropic.tool.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code install [DIR]}: links the repository's {@code anthropic} launcher into DIR (default {@code
 * ~/.local/bin}), so that {@code anthropic} works from anywhere, and says how to enable completion.
 * The link points at the launcher, which keeps building and running this clone.
 */
@Command(
    name = "install",
    description =
        "Link the launcher into DIR (default ~/.local/bin) and say how to enable completion.",
    footerHeading = "%nExamples:%n",
    footer = {"  ./anthropic install", "  ./anthropic install ~/bin"})
final class InstallCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "DIR",
      arity = "0..1",
      description = "Where to put the link (default: ~/.local/bin).")
  Path dir;

  @Option(names = "--force", description = "Replace an existing DIR/anthropic.")
  boolean force;

  @Option(names = "--launcher", hidden = true, description = "The launcher to link (tests).")
  Path launcher;

  @Override
  public Integer call() {
    var env = root.ctx().env();
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    // absolute, so the PATH hint works from any directory
    Path target = (dir != null ? dir : Path.of(home, ".local", "bin")).toAbsolutePath().normalize();
    Path source = (launcher != null ? launcher : findLauncher()).toAbsolutePath().normalize();
    Path link = target.resolve("anthropic");
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      Files.createDirectories(target);
      if (Files.isSymbolicLink(link)
          && Files.readSymbolicLink(link).toAbsolutePath().normalize().equals(source)) {
        err.println("install: " + link + " already links to " + source);
      } else {
        if (Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          if (!force) {
            throw new CliException(
                ExitCodes.FAILURE,
                "exists",
                link + " exists and is not a link to " + source + "; pass --force to replace it");
          }
          Files.delete(link);
        }
        Files.createSymbolicLink(link, source);
        err.println("install: linked " + link + " -> " + source);
      }
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.FAILURE, "io_error", "cannot link " + link + ": " + e.getMessage());
    }
    out.println(link);
    String path = env.getOrDefault("PATH", "");
    boolean onPath = false;
    for (String p : path.split(":")) {
      onPath |= !p.isEmpty() && Path.of(p).toAbsolutePath().normalize().equals(target);
    }
    if (!onPath) {
      err.println(
          "install: "
              + target
              + " is not on your PATH; add to your shell's rc file: export PATH=\""
              + target
              + ":$PATH\"");
    }
    String shell = env.getOrDefault("SHELL", "");
    if (shell.endsWith("zsh")) {
      err.println("install: for completion add to ~/.zshrc: source <(anthropic completion zsh)");
    } else if (shell.endsWith("fish")) {
      err.println(
          "install: for completion run: anthropic completion fish >"
              + " ~/.config/fish/completions/anthropic.fish");
    } else {
      err.println("install: for completion add to ~/.bashrc: source <(anthropic completion bash)");
    }
    err.flush();
    return ExitCodes.OK;
  }

  /**
   * The launcher beside the build output this program runs from: {@code ROOT/anthropic} for {@code
   * ROOT/target/anthropic-cli.jar} (or {@code ROOT/target/classes}).
   */
  private static Path findLauncher() {
    try {
      Path code =
          Path.of(InstallCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path p = code.getParent(); p != null; p = p.getParent()) {
        Path candidate = p.resolve("anthropic");
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate;
        }
        if (p.getFileName() != null && !p.getFileName().toString().equals("target")) {
          break;
        }
      }
    } catch (URISyntaxException | RuntimeException e) {
      // fall through
    }
    throw new CliException(
        ExitCodes.FAILURE,
        "no_launcher",
        "install works from a clone of the repository: run ./anthropic install there");
  }
}
