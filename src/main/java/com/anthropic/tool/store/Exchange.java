package com.anthropic.tool.store;

import com.anthropic.tool.client.model.MessageParam;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One logged exchange: a row of {@code responses} and what hangs off it.
 *
 * @param id the row's id ({@link Ids}); sorts in time order
 * @param conversationId the conversation it belongs to
 * @param when when the exchange began
 * @param command {@code messages}, {@code stream}, {@code tool-loop} or {@code chat}
 * @param model the model asked
 * @param system the system prompt, or null
 * @param prompt the text the user gave (standard input included)
 * @param response the answer's text (empty when it failed before any)
 * @param usage the tokens, summed over the exchange's API calls; fields null when unknown
 * @param costUsd the estimated cost, or null when unknown
 * @param durationMs how long it took
 * @param stopReason the final stop reason, or null
 * @param requestId the last response's request id, or null
 * @param error null, or {@code TYPE: message}
 * @param status the HTTP status of a failure, or null
 * @param turns the turns this exchange adds to its conversation (question, answers, tool rounds);
 *     empty for a failure that added none
 * @param toolCalls the tool calls the answer made
 * @param attachments what was attached, by reference
 */
public record Exchange(
    String id,
    String conversationId,
    Instant when,
    String command,
    String model,
    String system,
    String prompt,
    String response,
    Tokens usage,
    Double costUsd,
    Long durationMs,
    String stopReason,
    String requestId,
    String error,
    Integer status,
    List<MessageParam> turns,
    List<ToolCallRecord> toolCalls,
    List<AttachmentRef> attachments) {
  public Exchange {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(command, "command");
    usage = usage == null ? Tokens.NONE : usage;
    turns = List.copyOf(turns);
    toolCalls = List.copyOf(toolCalls);
    attachments = List.copyOf(attachments);
  }

  /**
   * The {@code error} column for an error line as the CLI prints it ({@code error: TYPE: message
   * (HTTP 500, request-id ...)}): {@code TYPE: message}.
   */
  public static String errorColumn(String line) {
    String s = line.startsWith("error: ") ? line.substring("error: ".length()) : line;
    return s.replaceFirst(" \\((HTTP \\d+)?(, )?(request-id [^)]*)?\\)$", "");
  }

  /** Token counts; a null field is unknown. */
  public record Tokens(Long input, Long output, Long cacheCreation, Long cacheRead) {
    public static final Tokens NONE = new Tokens(null, null, null, null);
  }

  /** A tool call of the answer and how it ended. */
  public record ToolCallRecord(
      String toolUseId, String name, String input, String output, boolean isError) {}

  /**
   * An attachment by reference: never its bytes.
   *
   * @param path the local path, or null
   * @param fileId the Files API id, or null
   * @param url the URL, or null
   * @param mediaType its media type, or null
   * @param size its size in bytes, or null
   * @param sha256 the SHA-256 of its bytes (hex), or null
   */
  public record AttachmentRef(
      String path, String fileId, String url, String mediaType, Long size, String sha256) {}
}
