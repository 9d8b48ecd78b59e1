package com.anthropic.tool.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Bytes to the command line's writer, for contexts without a raw stdout: decoded per line. */
final class WriterStream extends OutputStream {
  private final PrintWriter writer;
  private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

  WriterStream(PrintWriter writer) {
    this.writer = writer;
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    int from = off;
    for (int i = off; i < off + len; i++) {
      if (b[i] == '\n') {
        pending.write(b, from, i + 1 - from);
        writer.write(pending.toString(StandardCharsets.UTF_8));
        pending.reset();
        from = i + 1;
      }
    }
    pending.write(b, from, off + len - from);
  }

  @Override
  public void flush() throws IOException {
    if (pending.size() > 0) {
      writer.write(pending.toString(StandardCharsets.UTF_8));
      pending.reset();
    }
    writer.flush();
    if (writer.checkError()) {
      throw new IOException("stdout closed");
    }
  }
}
