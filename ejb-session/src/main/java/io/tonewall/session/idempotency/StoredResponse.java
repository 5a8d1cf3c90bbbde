package io.tonewall.session.idempotency;

import java.io.Serializable;
import java.util.Optional;

/**
 * The answer given to the first request with a key, replayed to the next ones. API responses never
 * carry card data, so neither does this.
 *
 * @param status HTTP status
 * @param contentType media type of the body, if any
 * @param location the {@code Location} header, if any
 * @param body the body, if any
 */
public record StoredResponse(
    int status, Optional<String> contentType, Optional<String> location, Optional<String> body)
    implements Serializable {}
