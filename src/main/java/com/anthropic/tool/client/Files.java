package com.anthropic.tool.client;

import com.anthropic.tool.client.error.InvalidRequestException;
import com.anthropic.tool.client.http.FileBody;
import com.anthropic.tool.client.internal.RawResponse;
import com.anthropic.tool.client.model.FileMetadata;
import com.anthropic.tool.client.model.ListParams;
import com.anthropic.tool.client.model.Page;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * {@code /v1/files} (beta): upload a file once, then refer to it by id in any number of requests.
 * Every call here carries {@code anthropic-beta: files-api-2025-04-14}; so must a Messages request
 * that uses a file id ({@code CallOptions.builder().beta(Files.BETA)}).
 *
 * <pre>{@code
 * FileMetadata f = client.files().upload("paper.pdf", "application/pdf", bytes);
 * MessagesRequest req = MessagesRequest.builder(model, List.of(MessageParam.user(List.of(
 *         ContentBlock.Document.of(new Source.File(f.id())),
 *         ContentBlock.Text.of("Summarise section 2")))), 1024).build();
 * Message m = client.messages(req, CallOptions.builder().beta(Files.BETA).build());
 * try (FileContent content = client.files().download(f.id())) {
 *   content.transferTo(out);
 * }
 * }</pre>
 */
public final class Files {
  /** The beta the Files API needs, on its own calls and on requests that use a file id. */
  public static final String BETA = "files-api-2025-04-14";

  private static final String PATH = "/v1/files";
  private static final Duration MIN_UPLOAD_TIMEOUT = Duration.ofSeconds(120);

  private final AnthropicClient client;

  Files(AnthropicClient client) {
    this.client = client;
  }

  /**
   * The Files API's limit on one file: 500 MB. A larger file is refused before anything is sent
   * ({@link InvalidRequestException} naming both sizes).
   */
  public static final long MAX_UPLOAD_BYTES = 500L * 1024 * 1024;

  /**
   * Uploads bytes as a file ({@code POST /v1/files}, multipart/form-data with one {@code file}
   * part).
   *
   * @param filename the name the API keeps (no directory)
   * @param mimeType the part's content type, e.g. {@code application/pdf}
   */
  public FileMetadata upload(String filename, String mimeType, byte[] content) {
    Objects.requireNonNull(content, "content");
    checkSize(filename, content.length);
    String boundary = boundary(filename, mimeType);
    byte[] body = multipart(boundary, filename, mimeType, content);
    try (RawResponse r =
        client.send(
            "POST", client.url(PATH), body, uploadTimeout(), uploadOptions(boundary), false)) {
      return AnthropicClient.read(AnthropicClient.parse(r), WireShapes::file);
    }
  }

  /**
   * Uploads a file from disk, read as it is sent (constant memory whatever its size); {@code
   * onSent} is told the bytes sent so far (for a progress line). Only a regular file of 1 byte to
   * {@link #MAX_UPLOAD_BYTES} is sent: a FIFO, a device or a directory is refused before anything
   * is opened.
   *
   * <pre>{@code
   * FileMetadata f = client.files().upload(
   *     "paper.pdf", "application/pdf", java.nio.file.Path.of("paper.pdf"), sent -> {});
   * }</pre>
   *
   * @throws InvalidRequestException for anything but a regular file of an allowed size
   */
  public FileMetadata upload(String filename, String mimeType, Path file, LongConsumer onSent) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(onSent, "onSent");
    long size = regularFileSize(file);
    checkSize(filename, size);
    String boundary = boundary(filename, mimeType);
    FileBody body =
        new FileBody(head(boundary, filename, mimeType), file, size, tail(boundary), onSent);
    try (RawResponse r =
        client.send("POST", client.url(PATH), body, uploadTimeout(), uploadOptions(boundary))) {
      return AnthropicClient.read(AnthropicClient.parse(r), WireShapes::file);
    }
  }

  /**
   * The size of a regular file, found without opening it (a FIFO would block an open).
   *
   * @throws InvalidRequestException when it is missing or not a regular file
   */
  public static long regularFileSize(Path file) {
    BasicFileAttributes a;
    try {
      a = java.nio.file.Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      throw new InvalidRequestException("cannot read " + file + ": " + reason(e));
    }
    if (!a.isRegularFile()) {
      throw new InvalidRequestException(
          file
              + " is not a regular file ("
              + (a.isDirectory() ? "a directory" : "a FIFO, socket or device")
              + "); nothing was sent");
    }
    return a.size();
  }

  private static String reason(IOException e) {
    return e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage();
  }

  private static void checkSize(String filename, long size) {
    if (size == 0) {
      throw new InvalidRequestException(filename + ": the file is empty; nothing was sent");
    }
    if (size > MAX_UPLOAD_BYTES) {
      throw new InvalidRequestException(
          filename
              + " is "
              + size
              + " bytes, over the Files API's limit of "
              + MAX_UPLOAD_BYTES
              + " bytes (500 MB); nothing was sent");
    }
  }

  private static String boundary(String filename, String mimeType) {
    if (filename == null || filename.isBlank()) {
      throw new InvalidRequestException("filename must not be empty");
    }
    if (mimeType == null || mimeType.isBlank()) {
      throw new InvalidRequestException("mimeType must not be empty");
    }
    return "anthropic-cli-" + UUID.randomUUID();
  }

  private Duration uploadTimeout() {
    return max(client.options().timeout(), MIN_UPLOAD_TIMEOUT);
  }

  private static CallOptions uploadOptions(String boundary) {
    return options(Map.of("content-type", "multipart/form-data; boundary=" + boundary));
  }

  /**
   * The multipart body: one part named {@code file}; quotes and line breaks in the name escaped.
   */
  static byte[] multipart(String boundary, String filename, String mimeType, byte[] content) {
    byte[] head = head(boundary, filename, mimeType);
    byte[] tail = tail(boundary);
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(head.length + content.length + tail.length);
    out.writeBytes(head);
    out.writeBytes(content);
    out.writeBytes(tail);
    return out.toByteArray();
  }

  private static byte[] head(String boundary, String filename, String mimeType) {
    String safe =
        filename
            .replace("\\", "\\\\")
            .replace("\"", "%22")
            .replace("\r", "%0D")
            .replace("\n", "%0A");
    return ("--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + safe
            + "\"\r\nContent-Type: "
            + mimeType.replace("\r", "").replace("\n", "")
            + "\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] tail(String boundary) {
    return ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
  }

  /** One page of files, newest first ({@code GET /v1/files}). */
  public Page<FileMetadata> list(ListParams params) {
    Objects.requireNonNull(params, "params");
    return AnthropicClient.read(
        json("GET", PATH + params.query()), WireShapes.page(WireShapes::file));
  }

  /** Every file from the page {@code params} names on, further pages fetched lazily. */
  public Stream<FileMetadata> listAll(ListParams params) {
    return Paging.all(params, this::list);
  }

  /** One file's metadata ({@code GET /v1/files/{id}}). */
  public FileMetadata get(String fileId) {
    return AnthropicClient.read(json("GET", PATH + "/" + segment(fileId)), WireShapes::file);
  }

  /**
   * A file's content ({@code GET /v1/files/{id}/content}), read as it arrives: copy it with {@link
   * FileContent#transferTo}, in constant memory. Close it to end the download early.
   */
  public FileContent download(String fileId) {
    RawResponse r =
        client.send(
            "GET",
            client.url(PATH + "/" + segment(fileId) + "/content"),
            null,
            client.options().timeout(),
            options(Map.of("accept", "application/octet-stream, */*")),
            true);
    return new FileContent(r);
  }

  /**
   * Deletes a file ({@code DELETE /v1/files/{id}}).
   *
   * @return the API's answer, {@code {"id":..,"type":"file_deleted"}}
   */
  public JsonObject delete(String fileId) {
    return json("DELETE", PATH + "/" + segment(fileId));
  }

  private JsonObject json(String method, String path) {
    try (RawResponse r =
        client.send(
            method, client.url(path), null, client.options().timeout(), options(Map.of()), false)) {
      return AnthropicClient.parse(r);
    }
  }

  /** The Files beta, and the headers a call sets (content type of an upload, accept). */
  private static CallOptions options(Map<String, String> headers) {
    CallOptions.Builder b = CallOptions.builder().beta(BETA);
    headers.forEach(b::header);
    return b.build();
  }

  private static String segment(String id) {
    return Models.pathSegment(id, "file id");
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
