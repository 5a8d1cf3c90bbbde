package io.tonewall.web.api.dto;

/**
 * Body of {@code POST /api/v1/sessions}.
 *
 * @param mode {@code AGENT_ASSIST} (default), {@code IVR} or {@code DIGITAL}
 * @param transactionType {@code SALE} (default), {@code AUTHORISE}, {@code TOKENISE} or {@code
 *     REFUND}
 * @param amount amount in minor units of {@code currency}; 0 for {@code TOKENISE}
 * @param currency ISO 4217 code, for example {@code GBP}
 * @param merchantReference the integrator's own reference (optional, up to 64 characters)
 * @param customer agent fields to prefill (optional)
 * @param pspConfiguration the PSP configuration id (optional, default {@code sandbox})
 * @param callReference the call to link: SIP Call-ID or header value (optional, up to 128)
 */
public record CreateSessionRequest(
    String mode,
    String transactionType,
    Long amount,
    String currency,
    String merchantReference,
    CustomerBody customer,
    String pspConfiguration,
    String callReference) {}
