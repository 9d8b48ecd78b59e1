package com.anthropic.tool.client.error;

import com.anthropic.tool.client.http.Headers;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Optional;

/**
 * The API answered with an error: an HTTP status of 400 or more, or an {@code error} event in a
 * stream (then {@link #status()} is 0).
 *
 * <p>{@link #of} picks the subclass for the status family (or, on a stream, for the error type).
 *
 * <pre>{@code
 * try {
 *   client.messages(request);
 * } catch (RateLimitException | OverloadedException e) { // 429, 529: come back later
 *   err.println("busy: " + e.headers().first("retry-after").orElse("?") + " s");
 * } catch (ApiException e) {
 *   err.println(e.status() + " " + e.type() + ": " + e.errorMessage()
 *       + e.requestId().map(id -> " (request-id " + id + ")").orElse(""));
 * }
 * }</pre>
 */
public class ApiException extends AnthropicException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String errorMessage;
  private final String requestId;
  private final transient Headers headers;
  private final String body;

  protected ApiException(
      int status,
      String type,
      String errorMessage,
      String requestId,
      Headers headers,
      String body) {
    super(describe(status, type, errorMessage == null ? summarise(body) : errorMessage));
    this.status = status;
    this.type = type;
    this.errorMessage = errorMessage == null ? summarise(body) : errorMessage;
    this.requestId = requestId;
    this.headers = headers == null ? Headers.empty() : headers;
    this.body = body == null ? "" : body;
  }

  private static String describe(int status, String type, String message) {
    StringBuilder sb = new StringBuilder();
    if (type != null) {
      sb.append(type).append(": ");
    }
    sb.append(message);
    if (status > 0) {
      sb.append(" (HTTP ").append(status).append(')');
    }
    return sb.toString();
  }

  /** HTTP status, or 0 when the error arrived as a stream event. */
  public int status() {
    return status;
  }

  /** The API's error type (e.g. {@code overloaded_error}), or null when the body had none. */
  public String type() {
    return type;
  }

  /** The API's human message (or a summary of a body that was not the usual JSON). */
  public String errorMessage() {
    return errorMessage;
  }

  /** The {@code request-id} header or the body's {@code request_id}, when known. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  public Headers headers() {
    return headers;
  }

  /** The raw response body (or the stream event's data). */
  public String body() {
    return body;
  }

  /** Builds the right subclass from an HTTP error response. */
  public static ApiException fromResponse(int status, Headers headers, String body) {
    String type = null;
    String message = null;
    String requestId = headers.first("request-id").orElse(null);
    JsonObject error = null;
    try {
      JsonElement parsed = JsonParser.parseString(body);
      if (parsed.isJsonObject()) {
        JsonObject root = parsed.getAsJsonObject();
        if (root.has("error") && root.get("error").isJsonObject()) {
          error = root.getAsJsonObject("error");
        }
        if (requestId == null && root.has("request_id") && !root.get("request_id").isJsonNull()) {
          requestId = root.get("request_id").getAsString();
        }
      }
    } catch (RuntimeException notJson) {
      // handled below: the body is described instead
    }
    if (error != null) {
      type = stringOrNull(error, "type");
      message = stringOrNull(error, "message");
    }
    if (message == null) {
      message = summarise(body);
    }
    return of(status, type, message, requestId, headers, body);
  }

  /** Builds the right subclass from a stream's {@code error} event payload. */
  public static ApiException fromStreamError(JsonObject data, String rawData) {
    JsonObject error =
        data.has("error") && data.get("error").isJsonObject()
            ? data.getAsJsonObject("error")
            : null;
    String type = error == null ? null : stringOrNull(error, "type");
    String message = error == null ? null : stringOrNull(error, "message");
    String requestId = stringOrNull(data, "request_id");
    return of(
        0,
        type == null ? "api_error" : type,
        message == null ? "error event in stream" : message,
        requestId,
        Headers.empty(),
        rawData);
  }

  private static String stringOrNull(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsString();
  }

  /** A one-line human summary of a body that is not the API's JSON error shape. */
  static String summarise(String body) {
    String trimmed = body == null ? "" : body.strip();
    if (trimmed.isEmpty()) {
      return "empty response body";
    }
    String title = null;
    int t = trimmed.toLowerCase(java.util.Locale.ROOT).indexOf("<title>");
    if (t >= 0) {
      int end = trimmed.toLowerCase(java.util.Locale.ROOT).indexOf("</title>", t);
      if (end > t) {
        title = trimmed.substring(t + 7, end).strip();
      }
    }
    if (title != null && !title.isEmpty()) {
      return title;
    }
    if (trimmed.startsWith("<")) {
      // an HTML page from a proxy: keep its words, not its tags
      String words =
          trimmed
              .replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
              .replaceAll("<[^>]*>", " ")
              .strip();
      if (!words.isEmpty()) {
        trimmed = words;
      }
    }
    String oneLine = trimmed.replaceAll("\\s+", " ");
    return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
  }

  /** Picks the subclass from the status, or from the error type when there is no status. */
  public static ApiException of(
      int status, String type, String message, String requestId, Headers headers, String body) {
    int family = status > 0 ? status : statusForType(type);
    if (family == 400) {
      return new BadRequestException(status, type, message, requestId, headers, body);
    } else if (family == 401) {
      return new AuthenticationException(status, type, message, requestId, headers, body);
    } else if (family == 403) {
      return new PermissionDeniedException(status, type, message, requestId, headers, body);
    } else if (family == 404) {
      return new NotFoundException(status, type, message, requestId, headers, body);
    } else if (family == 413) {
      return new RequestTooLargeException(status, type, message, requestId, headers, body);
    } else if (family == 429) {
      return new RateLimitException(status, type, message, requestId, headers, body);
    } else if (family == 529) {
      return new OverloadedException(status, type, message, requestId, headers, body);
    } else if (family >= 500) {
      return new InternalServerException(status, type, message, requestId, headers, body);
    }
    return new ApiException(status, type, message, requestId, headers, body);
  }

  /** The API's error type for a status, for bodies that carry none (proxy pages, empty bodies). */
  public static String typeForStatus(int status) {
    switch (status) {
      case 400:
        return "invalid_request_error";
      case 401:
        return "authentication_error";
      case 403:
        return "permission_error";
      case 404:
        return "not_found_error";
      case 413:
        return "request_too_large";
      case 429:
        return "rate_limit_error";
      case 529:
        return "overloaded_error";
      default:
        return "api_error";
    }
  }

  /**
   * The HTTP status family of an API error type (0 when unknown): the inverse of {@link
   * #typeForStatus}.
   */
  public static int statusForType(String type) {
    if (type == null) {
      return 0;
    }
    switch (type) {
      case "invalid_request_error":
        return 400;
      case "authentication_error":
        return 401;
      case "permission_error":
      case "billing_error":
        return 403;
      case "not_found_error":
        return 404;
      case "request_too_large":
        return 413;
      case "rate_limit_error":
        return 429;
      case "overloaded_error":
        return 529;
      case "api_error":
      case "timeout_error":
        return 500;
      default:
        return 0;
    }
  }
}
