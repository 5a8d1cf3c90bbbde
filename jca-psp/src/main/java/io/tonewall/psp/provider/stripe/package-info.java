/**
 * Stripe over plain HTTP: PaymentIntents confirmed at once (manual capture for pre-authorisations
 * and capture on commit), captures, cancels, refunds, SetupIntents on a Customer for tokens,
 * form-encoded bodies with an {@code Idempotency-Key} header on every POST, and Stripe's error
 * objects ({@code type}, {@code code}, {@code decline_code}) mapped to the adapter's outcomes.
 */
package io.tonewall.psp.provider.stripe;
