package io.tonewall.web.api.security;

import jakarta.ws.rs.core.Response;

/**
 * A token request refused with an RFC 6749 §5.2 error: {@code invalid_request}, {@code
 * invalid_client} (401), {@code unsupported_grant_type} or {@code invalid_scope}.
 */
final class TokenRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String error;
  private final Response.Status status;

  private TokenRequestException(String error, Response.Status status, String description) {
    super(description);
    this.error = error;
    this.status = status;
  }

  static TokenRequestException invalidRequest(String description) {
    return new TokenRequestException("invalid_request", Response.Status.BAD_REQUEST, description);
  }

  /** 401 with a {@code Basic} challenge (RFC 6749 §5.2). */
  static TokenRequestException invalidClient(String description) {
    return new TokenRequestException("invalid_client", Response.Status.UNAUTHORIZED, description);
  }

  static TokenRequestException unsupportedGrantType(String description) {
    return new TokenRequestException(
        "unsupported_grant_type", Response.Status.BAD_REQUEST, description);
  }

  static TokenRequestException invalidScope(String description) {
    return new TokenRequestException("invalid_scope", Response.Status.BAD_REQUEST, description);
  }

  String error() {
    return error;
  }

  Response.Status status() {
    return status;
  }
}
