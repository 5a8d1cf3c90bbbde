package io.tonewall.web.api.dto;

/**
 * An amount: for an additional payment, a part payment, a new payment or a refund.
 *
 * @param amount minor units
 * @param currency ISO 4217 code
 * @param transactionType for a new payment: {@code SALE} (default), {@code AUTHORISE} or {@code
 *     TOKENISE}
 */
public record AmountBody(Long amount, String currency, String transactionType) {}
