package com.anthropic.tool.cli;

import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.Source;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** Turns files, stdin bytes and URLs into content blocks, typing files by their content. */
final class Attachments {
  private Attachments() {}

  /** A URL block: {@code .pdf} becomes a URL document, anything else a URL image. */
  static ContentBlock fromUrl(String url) {
    String path;
    try {
      path = URI.create(url).getPath();
    } catch (IllegalArgumentException e) {
      throw CliException.input("not a valid URL: " + url);
    }
    if (path != null && path.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
      return ContentBlock.Document.of(new Source.Url(url));
    }
    return ContentBlock.Image.of(new Source.Url(url));
  }

  static boolean isUrl(String s) {
    String l = s.toLowerCase(Locale.ROOT);
    return l.startsWith("https://") || l.startsWith("http://");
  }

  /** The media type sniffed from the first bytes, or null when it is none we know. */
  static String sniff(byte[] b) {
    if (startsWith(b, 0x89, 'P', 'N', 'G')) {
      return "image/png";
    }
    if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
      return "image/jpeg";
    }
    if (startsWith(b, 'G', 'I', 'F', '8')) {
      return "image/gif";
    }
    if (b.length >= 12
        && startsWith(b, 'R', 'I', 'F', 'F')
        && b[8] == 'W'
        && b[9] == 'E'
        && b[10] == 'B'
        && b[11] == 'P') {
      return "image/webp";
    }
    if (startsWith(b, '%', 'P', 'D', 'F', '-')) {
      return "application/pdf";
    }
    return null;
  }

  /** The MIME type of bytes to upload: sniffed, else text/plain for text, else octet-stream. */
  static String mimeType(byte[] bytes) {
    String type = sniff(bytes);
    if (type != null) {
      return type;
    }
    return asText(bytes) != null ? "text/plain" : "application/octet-stream";
  }

  /** How many bytes of a file's start {@link #mimeTypeOfStart} looks at. */
  static final int SNIFF_BYTES = 64 * 1024;

  /**
   * The MIME type of a file to upload from its first bytes (up to {@link #SNIFF_BYTES}): sniffed,
   * else text/plain when they are UTF-8 without NUL (a character cut at the end is fine), else
   * octet-stream.
   */
  static String mimeTypeOfStart(byte[] start) {
    String type = sniff(start);
    if (type != null) {
      return type;
    }
    int end = start.length;
    // drop a UTF-8 sequence cut by the end of the sample: at most 3 continuation-or-lead bytes
    for (int i = 0; i < 3 && end > 0 && (start[end - 1] & 0xC0) == 0x80; i++) {
      end--;
    }
    if (end > 0 && (start[end - 1] & 0xC0) == 0xC0) {
      end--;
    }
    byte[] whole = start.length == end ? start : java.util.Arrays.copyOf(start, end);
    return start.length < SNIFF_BYTES ? mimeType(start) : mimeType(whole);
  }

  /** Whether an {@code -a} value names an uploaded file ({@code file_…}) rather than a path. */
  static boolean isFileId(String s) {
    return s.matches("file_[A-Za-z0-9]+") && !java.nio.file.Files.exists(java.nio.file.Path.of(s));
  }

  /** A block for an uploaded file: an image for an {@code image/*} type, else a document. */
  static ContentBlock fromFileId(String id, String mimeType) {
    Source source = new Source.File(id);
    return mimeType != null && mimeType.startsWith("image/")
        ? ContentBlock.Image.of(source)
        : ContentBlock.Document.of(source);
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Decodes UTF-8 strictly; null when the bytes are not text. */
  static String asText(byte[] bytes) {
    for (byte x : bytes) {
      if (x == 0) {
        return null;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /**
   * A block for attached bytes: images and PDFs as base64, text as a plain-text document.
   *
   * @param name what to call the input in an error message
   * @param textAsDocument false to make text a plain text block (stdin), true for a document
   */
  static ContentBlock fromBytes(byte[] bytes, String name, boolean textAsDocument) {
    String type = sniff(bytes);
    if (type != null) {
      String data = Base64.getEncoder().encodeToString(bytes);
      if (type.equals("application/pdf")) {
        return ContentBlock.Document.of(new Source.Base64(type, data));
      }
      return ContentBlock.Image.of(new Source.Base64(type, data));
    }
    String text = asText(bytes);
    if (text == null) {
      throw CliException.input(
          name + " is neither text nor a supported image (PNG, JPEG, GIF, WebP) or PDF");
    }
    if (textAsDocument) {
      return ContentBlock.Document.of(new Source.Text("text/plain", text));
    }
    return ContentBlock.Text.of(text);
  }
}
