package io.tonewall.telephony.ivr;

/**
 * What a link id stands for: the payment session and the language its caller hears.
 *
 * @param sessionId the payment session
 * @param language a language of the {@link PromptLibrary}
 */
public record IvrLink(String sessionId, String language) {}
