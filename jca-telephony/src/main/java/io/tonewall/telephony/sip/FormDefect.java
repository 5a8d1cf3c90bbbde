package io.tonewall.telephony.sip;

/**
 * Why a request's raw form breaks RFC 3261's grammar where JAIN-SIP's parser would repair it, and
 * the response it gets. Attached by {@link FormCheckingParser} as the parsed request's application
 * data; the B2BUA answers with it before acting on the request.
 *
 * @param status 400 or 505
 * @param reason the reason phrase sent back
 */
public record FormDefect(int status, String reason) {}
