package com.anthropic.tool.toolbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.model.Tool;
import com.anthropic.tool.client.tools.ToolCall;
import com.anthropic.tool.client.tools.ToolOutput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ToolboxTest {
  private static ToolCall call(String name) {
    return new ToolCall("toolu_1", name, null);
  }

  @Test
  void should_route_by_name_and_name_the_known_tools_for_an_invented_one() throws Exception {
    Toolbox box =
        new Toolbox()
            .add(Tool.of("a", null, null), c -> ToolOutput.ok("from a"))
            .add(Tool.of("b", null, null), c -> ToolOutput.ok("from b"));

    assertEquals("from b", box.execute(call("b")).text());
    ToolOutput invented = box.execute(call("zz"));
    assertTrue(invented.isError());
    assertEquals("there is no tool named zz; the known tools are: a, b", invented.text());
    assertThrows(
        IllegalArgumentException.class, () -> box.add(Tool.of("a", null, null), c -> null));
  }

  @Test
  void should_close_what_it_owns_last_first_once_even_when_one_fails() {
    List<String> closed = new ArrayList<>();
    Toolbox box =
        new Toolbox()
            .own(() -> closed.add("first"))
            .own(
                () -> {
                  closed.add("second");
                  throw new IOException("stuck");
                });

    box.close();
    box.close();

    assertEquals(List.of("second", "first"), closed);
  }

  @Test
  void should_send_a_declined_call_as_an_error_without_running_it() throws Exception {
    List<String> ran = new ArrayList<>();
    Approval approval =
        new Approval(
            c -> {
              ran.add(c.name());
              return ToolOutput.ok("ran");
            },
            c -> c.name().equals("yes"));

    assertEquals("ran", approval.execute(call("yes")).text());
    ToolOutput no = approval.execute(call("no"));

    assertTrue(no.isError());
    assertEquals(Approval.DECLINED, no.text());
    assertEquals(List.of("yes"), ran);
  }

  @Test
  void should_cut_output_on_a_character_boundary_and_say_how_much_was_dropped() throws Exception {
    byte[] text = "ééééé".getBytes(StandardCharsets.UTF_8); // 10 bytes
    ProcessTool.Capture c = new ProcessTool.Capture(new ByteArrayInputStream(text), 5, "t");
    c.join(java.time.Duration.ofSeconds(5));

    assertEquals(
        "éé\n[output cut at 5 bytes (--tool-output-limit): 6 more bytes dropped]", c.text());
  }

  @Test
  void should_keep_toolbox_and_mcp_free_of_cli_and_chat() throws IOException {
    Pattern imp = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    List<String> bad = new ArrayList<>();
    for (String pkg : List.of("toolbox", "mcp")) {
      Path dir = Path.of("src/main/java/com/anthropic/tool", pkg);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
          Matcher m = imp.matcher(Files.readString(p));
          while (m.find()) {
            String i = m.group(1);
            if (i.startsWith("com.anthropic.tool.cli.")
                || i.startsWith("com.anthropic.tool.chat.")
                || i.startsWith("picocli.")
                || i.startsWith("org.jline.")) {
              bad.add(p + " imports " + i);
            }
          }
        }
      }
    }
    assertTrue(Files.isDirectory(Path.of("src/main/java/com/anthropic/tool/toolbox")));
    assertEquals(List.of(), bad);
  }
}
