package io.tonewall.session.infrastructure.webhook;

/**
 * What one HTTP attempt of a webhook came to.
 *
 * @param succeeded the receiver answered 2xx
 * @param outcome a short description for the delivery record: {@code HTTP 503}, or the exception
 *     type and message of a failed connection (never the body sent)
 */
public record DeliveryAttempt(boolean succeeded, String outcome) {}
