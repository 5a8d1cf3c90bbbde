package io.tonewall.web.api.idempotency;

import io.tonewall.session.idempotency.RequestFingerprint;
import java.util.Optional;

/**
 * A key claimed by the request being answered, kept as a request property between the two filters.
 *
 * @param requestIdInTransaction the claimed record's id when the key was claimed inside the
 *     request's own transaction ({@link AnsweredInOneTransaction}), which the response filter ends
 */
record IdempotencyClaim(
    String apiClientId,
    String key,
    RequestFingerprint fingerprint,
    Optional<String> requestIdInTransaction) {

  static final String PROPERTY = IdempotencyClaim.class.getName();
}
