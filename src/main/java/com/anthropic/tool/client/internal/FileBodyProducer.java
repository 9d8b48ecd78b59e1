package com.anthropic.tool.client.internal;

import com.anthropic.tool.client.http.FileBody;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;

/**
 * Sends a {@link FileBody} as the I/O reactor asks for more: the head, the file through one 64 KB
 * buffer, the tail. Memory stays constant whatever the file's size; a file that shrinks while it is
 * sent fails the call (its Content-Length would be a lie), one that grows is sent as it was.
 */
final class FileBodyProducer implements AsyncEntityProducer {
  private static final int CHUNK = 64 * 1024;

  private final FileBody body;
  private final ContentType type;
  private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
  private ByteBuffer pending = ByteBuffer.allocate(0);
  private FileChannel channel;
  private int stage; // 0 head, 1 file, 2 tail, 3 done
  private long fileRead;
  private long sent;

  FileBodyProducer(FileBody body, ContentType type) {
    this.body = body;
    this.type = type;
  }

  @Override
  public boolean isRepeatable() {
    return true;
  }

  @Override
  public String getContentType() {
    return type.toString();
  }

  @Override
  public long getContentLength() {
    return body.length();
  }

  @Override
  public String getContentEncoding() {
    return null;
  }

  @Override
  public boolean isChunked() {
    return false;
  }

  @Override
  public Set<String> getTrailerNames() {
    return Set.of();
  }

  @Override
  public int available() {
    return pending.hasRemaining() || stage < 3 ? CHUNK : 0;
  }

  @Override
  public void produce(DataStreamChannel out) throws IOException {
    while (true) {
      if (!pending.hasRemaining() && !fill()) {
        out.endStream();
        return;
      }
      int n = out.write(pending);
      if (n > 0) {
        sent += n;
        body.onSent().accept(sent);
      }
      if (pending.hasRemaining()) {
        return; // the channel is full: the reactor calls again when it can take more
      }
    }
  }

  /** Loads the next bytes to send into {@link #pending}; false when everything was sent. */
  private boolean fill() throws IOException {
    while (stage < 3) {
      switch (stage) {
        case 0 -> {
          stage = 1;
          pending = ByteBuffer.wrap(body.head());
        }
        case 1 -> {
          if (fileRead >= body.fileSize()) {
            closeFile();
            stage = 2;
            continue;
          }
          if (channel == null) {
            channel = FileChannel.open(body.file(), StandardOpenOption.READ);
          }
          chunk.clear();
          chunk.limit((int) Math.min(CHUNK, body.fileSize() - fileRead));
          int n = channel.read(chunk);
          if (n < 0) {
            throw new IOException(
                body.file() + " became shorter while it was sent (" + fileRead + " bytes read)");
          }
          fileRead += n;
          chunk.flip();
          pending = chunk;
        }
        default -> {
          stage = 3;
          pending = ByteBuffer.wrap(body.tail());
        }
      }
      if (pending.hasRemaining()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void failed(Exception cause) {
    releaseResources();
  }

  @Override
  public void releaseResources() {
    closeFile();
  }

  private void closeFile() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing was written through it
      }
      channel = null;
    }
  }
}
