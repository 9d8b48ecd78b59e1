package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@link FastPath} runs {@code messages WORD...}, {@code stream WORD...} and a bare {@code chat}
 * with command objects as {@code new} leaves them. That is only the same as picocli's run while
 * every option's default is its field's initial value: an option that gains a {@code defaultValue},
 * a default provider, or a value picocli sets some other way would silently differ on the fast
 * path. This test parses the same line with picocli and compares every option and parameter, the
 * shared ones included, with the fast path's.
 */
class StartupDefaultsTest {

  @ParameterizedTest
  @ValueSource(strings = {"messages hi there", "stream hi", "chat"})
  void should_start_every_option_at_the_value_picocli_gives_it(String line) {
    String[] args = line.split(" ");
    RootCommand root = new RootCommand(context());
    CommandLine cl = HelpLayout.of(root);
    ParseResult parsed = cl.parseArgs(args);
    ParseResult sub = parsed.subcommand();
    assertNotNull(sub, line);
    CommandSpec picocli = sub.commandSpec();

    Object fast = FastPath.command(args);
    assertNotNull(fast, "the fast path takes " + line);
    assertEquals(picocli.userObject().getClass(), fast.getClass(), line);
    Map<String, Object> fastValues = values(CommandSpec.forAnnotatedObject(fast));
    fastValues.putAll(values(CommandSpec.forAnnotatedObject(FastPath.global())));

    Map<String, Object> picocliValues = values(picocli);
    assertTrue(
        picocliValues.containsKey("--format") || line.equals("chat"), picocliValues::toString);
    assertTrue(picocliValues.containsKey("--model"), picocliValues::toString);
    assertTrue(picocliValues.containsKey("--base-url"), "shared options are compared too");
    List<String> differ = new ArrayList<>();
    for (Map.Entry<String, Object> e : picocliValues.entrySet()) {
      if (!fastValues.containsKey(e.getKey())) {
        differ.add(e.getKey() + ": unknown to the fast path");
      } else if (!Objects.equals(e.getValue(), fastValues.get(e.getKey()))) {
        differ.add(
            e.getKey() + ": picocli " + e.getValue() + ", fast path " + fastValues.get(e.getKey()));
      }
    }
    assertTrue(
        differ.isEmpty(),
        "`"
            + line
            + "` would run with other values on the fast path than through picocli (an option"
            + " gained a default? make it the field's initial value, or take that option off"
            + " FastPath): "
            + differ);
  }

  /** Every option (by longest name) and positional parameter (by label) with its value. */
  private static Map<String, Object> values(CommandSpec spec) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (OptionSpec o : spec.options()) {
      values.put(o.longestName(), copy(o));
    }
    for (ArgSpec p : spec.positionalParameters()) {
      values.put(p.paramLabel(), copy(p));
    }
    return values;
  }

  private static Object copy(ArgSpec a) {
    Object v = a.getValue();
    return v instanceof List<?> l ? List.copyOf(l) : v;
  }

  private static CliContext context() {
    return new CliContext(Map.of(), new ByteArrayInputStream(new byte[0]), false, false, false);
  }
}
