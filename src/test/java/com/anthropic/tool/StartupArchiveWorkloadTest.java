package com.anthropic.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.cli.CliContext;
import com.anthropic.tool.cli.Startup;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The start-up archive holds the classes its workload loads, so the workload must really reach the
 * paths it names: each command line ends as planned against the mock server.
 */
class StartupArchiveWorkloadTest {
  @Test
  void should_run_every_command_of_the_workload_to_its_planned_end_against_the_mock()
      throws Exception {
    List<String> report = new ArrayList<>();
    StringBuilder allOut = new StringBuilder();
    List<String> wrong = new ArrayList<>();
    List<StartupArchiveWorkload.Outcome> outcomes =
        StartupArchiveWorkload.record(
            (args, env) -> {
              ByteArrayOutputStream stdout = new ByteArrayOutputStream();
              StringWriter err = new StringWriter();
              CliContext ctx =
                  new CliContext(
                      env, new ByteArrayInputStream(new byte[0]), false, false, false, stdout);
              PrintWriter out =
                  new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
              int code = Startup.run(args, ctx, out, new PrintWriter(err));
              out.flush();
              allOut.append(stdout.toString(StandardCharsets.UTF_8));
              report.add(
                  String.join(" ", args)
                      + " -> "
                      + code
                      + "\n  out: "
                      + abbreviate(stdout.toString(StandardCharsets.UTF_8))
                      + "\n  err: "
                      + abbreviate(err.toString()));
              return code;
            });
    for (StartupArchiveWorkload.Outcome o : outcomes) {
      if (o.exitCode() != o.run().exitCode()) {
        wrong.add(o.run().args() + " ended " + o.exitCode() + ", planned " + o.run().exitCode());
      }
    }
    assertTrue(outcomes.size() >= 10, "a workload of " + outcomes.size() + " runs");
    assertEquals(List.of(), wrong, String.join("\n", report));
    String all = allOut.toString();
    assertTrue(all.contains("mock answer to: hi"), all);
    assertTrue(all.contains("\"custom_id\":\"q-49\""), "the batch results were downloaded");
  }

  private static String abbreviate(String s) {
    String one = s.replace("\n", "\\n");
    return one.length() > 300 ? one.substring(0, 300) + "..." : one;
  }
}
