package com.anthropic.tool.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our own directories ({@code anthropic-cli} under an XDG base and below it) are 0700 before a
 * private file goes into them, created so or tightened; the user's directories above are never
 * changed.
 */
class PrivateDirsTest {
  @TempDir Path tmp;

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private static Path dir(Path p, String mode) throws Exception {
    Files.createDirectories(p);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    return p;
  }

  @Test
  void should_create_our_missing_directories_0700_and_the_base_as_mkdir_p_would() throws Exception {
    Path conversations = tmp.resolve("home/.local/share/anthropic-cli/conversations");

    PrivateDirs.ensure(conversations);

    assertEquals("rwx------", mode(conversations));
    assertEquals("rwx------", mode(conversations.getParent()));
    Path share = conversations.getParent().getParent();
    Files.createDirectory(tmp.resolve("probe")); // what this umask gives a plain mkdir
    assertEquals(mode(tmp.resolve("probe")), mode(share));
  }

  @Test
  void should_tighten_our_existing_0755_directories_and_leave_the_users_base_alone()
      throws Exception {
    Path base = dir(tmp.resolve("data"), "rwxr-xr-x");
    Path app = dir(base.resolve("anthropic-cli"), "rwxr-xr-x");
    Path conversations = dir(app.resolve("conversations"), "rwxrwxrwx");

    PrivateDirs.ensure(conversations);

    assertEquals("rwx------", mode(conversations));
    assertEquals("rwx------", mode(app));
    assertEquals("rwxr-xr-x", mode(base));
  }

  @Test
  void should_only_take_bits_away_never_give_the_owner_more() throws Exception {
    Path app = dir(tmp.resolve("cache/anthropic-cli"), "rwxr-x---");

    PrivateDirs.ensure(app);

    assertEquals("rwx------", mode(app));
    Files.setPosixFilePermissions(app, PosixFilePermissions.fromString("r-x------"));
    PrivateDirs.ensure(app);
    assertEquals("r-x------", mode(app));
    Files.setPosixFilePermissions(app, PosixFilePermissions.fromString("rwx------"));
  }

  @Test
  void should_stop_at_the_nearest_anthropic_cli_directory() throws Exception {
    // XDG_CONFIG_HOME itself happens to be named anthropic-cli: only ours below it is changed
    Path base = dir(tmp.resolve("anthropic-cli"), "rwxr-xr-x");
    Path app = dir(base.resolve("anthropic-cli"), "rwxr-xr-x");

    PrivateDirs.ensure(app);

    assertEquals("rwx------", mode(app));
    assertEquals("rwxr-xr-x", mode(base));
  }

  @Test
  void should_leave_an_existing_directory_that_is_not_ours_as_it_is() throws Exception {
    Path other = dir(tmp.resolve("somewhere/else"), "rwxr-xr-x");
    Path missing = tmp.resolve("somewhere/new");

    PrivateDirs.ensure(other);
    PrivateDirs.ensure(missing);

    assertEquals("rwxr-xr-x", mode(other));
    assertEquals("rwx------", mode(missing));
  }
}
