package io.tonewall.web.api.dto;

/**
 * Body of {@code POST /api/v1/sessions/{id}/secure} (optional).
 *
 * @param callReference the call to link and secure (SIP Call-ID or reference header value); null:
 *     the session's own call
 */
public record SecureBody(String callReference) {}
