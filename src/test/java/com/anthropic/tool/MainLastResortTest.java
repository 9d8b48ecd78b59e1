package com.anthropic.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** No thread prints a JVM exception: one {@code error: internal_error:} line, then exit 1. */
class MainLastResortTest {
  private static String failOnThread(Throwable t, boolean debug) throws Exception {
    StringWriter text = new StringWriter();
    CountDownLatch exited = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> {
              throw sneaky(t);
            },
            "mcp-stdout-server");
    reader.setUncaughtExceptionHandler(
        new Main.LastResort(new PrintWriter(text), debug, exited::countDown));
    reader.start();
    reader.join();
    assertTrue(exited.await(10, TimeUnit.SECONDS), "the process is ended");
    return text.toString();
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
    throw (E) t;
  }

  @Test
  void should_turn_an_out_of_memory_error_on_a_reader_thread_into_one_line() throws Exception {
    String err = failOnThread(new OutOfMemoryError("Java heap space"), false);

    assertEquals(
        "error: internal_error: out of memory (Java heap space) (in mcp-stdout-server)\n",
        err.replace(System.lineSeparator(), "\n"));
  }

  @Test
  void should_name_no_exception_class_without_debug_and_show_the_trace_with_it() throws Exception {
    String plain = failOnThread(new IllegalStateException("broken state"), false);
    String debug = failOnThread(new IllegalStateException("broken state"), true);

    assertEquals(1, plain.lines().count(), plain);
    assertTrue(plain.startsWith("error: internal_error: broken state"), plain);
    assertFalse(plain.contains("Exception"), plain);
    assertTrue(debug.contains("\tat "), "a stack trace with --debug: " + debug);
  }
}
