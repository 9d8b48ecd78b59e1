package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.Faults;
import com.anthropic.tool.client.RawServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, item 14: a {@code --timeout} under a second fires while events keep arriving less often
 * than it allows. The server paces its events every 500 ms (that pacing is the fault under test);
 * with {@code --timeout 0.2} the stream must end as a timeout long before the 4 s the server would
 * take to finish it. Before the fix the I/O reactor's 1 s select interval let every gap pass.
 */
class SubSecondTimeoutTest {
  static final long PACE_MS = 500;
  static final int EVENTS = 16;

  static void paced(Socket s) throws IOException {
    OutputStream o = s.getOutputStream();
    o.write(Faults.head(200, Faults.headers("text/event-stream"), -1));
    o.write(Faults.chunk(FaultMatrixTest.START.getBytes(StandardCharsets.UTF_8)));
    o.flush();
    try {
      for (int i = 0; i < EVENTS; i++) {
        Thread.sleep(PACE_MS); // the server's pace, not a wait for the client
        o.write(Faults.chunk(FaultMatrixTest.PING.getBytes(StandardCharsets.UTF_8)));
        o.flush();
      }
      o.write(Faults.chunk(FaultMatrixTest.END.getBytes(StandardCharsets.UTF_8)));
      o.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      o.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException clientGone) {
      // the client timed out and closed: what this test wants
    }
    s.close();
  }

  @Test
  void should_time_out_a_stream_whose_events_come_slower_than_a_sub_second_timeout()
      throws Exception {
    try (RawServer server = new RawServer(SubSecondTimeoutTest::paced)) {
      long t0 = System.nanoTime();
      CommandHarness.Result r =
          new CommandHarness()
              .env("ANTHROPIC_BASE_URL", server.baseUrl())
              .env("ANTHROPIC_API_KEY", "sk-test")
              .run("stream", "--timeout", "0.2", "--max-retries", "0", "hi");
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertEquals(5, r.exitCode(), r.describe());
      assertTrue(r.err().contains("timeout"), r.describe());
      assertTrue(ms < PACE_MS * EVENTS / 2, "took " + ms + " ms\n" + r.describe());
    }
  }
}
