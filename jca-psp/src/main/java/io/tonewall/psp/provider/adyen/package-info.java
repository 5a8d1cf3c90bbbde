/**
 * Adyen Checkout API v71 over plain HTTP: {@code /payments} (card, stored payment method,
 * zero-value authorisation storing the card), {@code /payments/{pspReference}/captures}, {@code
 * /cancels} and {@code /refunds}, technical cancel by merchant reference, {@code X-API-Key} and
 * {@code Idempotency-Key} headers, {@code resultCode} and {@code refusalReason} mapped to the
 * adapter's outcomes.
 */
package io.tonewall.psp.provider.adyen;
