package io.tonewall.web.api.dto;

/**
 * Body of {@code POST /api/v1/token-payments}: pay with a token from an earlier {@code TOKENISE}
 * session, without card details.
 *
 * @param token the PSP token (up to 255 characters)
 * @param amount minor units, above 0
 * @param currency ISO 4217 code
 * @param transactionType {@code SALE} (default) or {@code AUTHORISE}
 * @param pspConfiguration the configuration that issued the token (default {@code sandbox})
 * @param merchantReference the integrator's own reference (optional, up to 64 characters)
 * @param callReference the call the payment is taken on (optional, up to 128): the payment then
 *     shows in the call's history, which follows transfers
 */
public record TokenPaymentBody(
    String token,
    Long amount,
    String currency,
    String transactionType,
    String pspConfiguration,
    String merchantReference,
    String callReference) {}
