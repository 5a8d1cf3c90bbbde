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
 * @param language IVR sessions: the prompts' language (default {@code en}; one of the languages the
 *     IVR has prompts in)
 * @param afterIvr IVR sessions: {@code HANG_UP} (default) or {@code TRANSFER_BACK} once the outcome
 *     is announced
 * @param surchargeAccepted true when the caller already accepted the surcharge the PSP
 *     configuration adds (required for IVR sessions of such a configuration)
 */
public record CreateSessionRequest(
    String mode,
    String transactionType,
    Long amount,
    String currency,
    String merchantReference,
    CustomerBody customer,
    String pspConfiguration,
    String callReference,
    String language,
    String afterIvr,
    Boolean surchargeAccepted) {}
