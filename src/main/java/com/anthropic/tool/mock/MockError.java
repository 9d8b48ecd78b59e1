package com.anthropic.tool.mock;

/** An error the mock answers with, in the API's error shape. */
final class MockError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String type;

  MockError(int status, String type, String message) {
    super(message);
    this.status = status;
    this.type = type;
  }

  static MockError invalid(String message) {
    return new MockError(400, "invalid_request_error", message);
  }

  static MockError notFound(String message) {
    return new MockError(404, "not_found_error", message);
  }

  /** The error for a status, as the x-mock-status knob asks for it. */
  static MockError forStatus(int status) {
    return new MockError(status, typeFor(status), messageFor(status));
  }

  int status() {
    return status;
  }

  String type() {
    return type;
  }

  static String typeFor(int status) {
    switch (status) {
      case 400:
        return "invalid_request_error";
      case 401:
        return "authentication_error";
      case 402:
        return "billing_error";
      case 403:
        return "permission_error";
      case 404:
        return "not_found_error";
      case 413:
        return "request_too_large";
      case 429:
        return "rate_limit_error";
      case 504:
        return "timeout_error";
      case 529:
        return "overloaded_error";
      default:
        return "api_error";
    }
  }

  private static String messageFor(int status) {
    switch (status) {
      case 401:
        return "invalid x-api-key (mock error requested by x-mock-status)";
      case 429:
        return "Number of requests has exceeded your rate limit (mock error requested by"
            + " x-mock-status)";
      case 529:
        return "Overloaded (mock error requested by x-mock-status)";
      default:
        return "mock error requested by x-mock-status: " + status;
    }
  }
}
