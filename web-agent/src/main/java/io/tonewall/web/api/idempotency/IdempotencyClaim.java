package io.tonewall.web.api.idempotency;

/**
 * A key claimed by the request being answered, kept as a request property between the two filters.
 */
record IdempotencyClaim(String apiClientId, String key) {

  static final String PROPERTY = IdempotencyClaim.class.getName();
}
