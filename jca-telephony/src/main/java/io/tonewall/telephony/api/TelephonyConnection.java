package io.tonewall.telephony.api;

import jakarta.resource.ResourceException;
import java.util.Optional;

/**
 * A handle on the telephony adapter, for the payment session beans. Closing it returns the physical
 * connection to the pool. The handle holds no call state: every call lives in the adapter's call
 * registry, so any handle reaches any call.
 *
 * <p>A call is named by its id, the SIP Call-ID of the caller's leg; a session by the payment
 * session's id. Card digits never pass through this interface except inside {@link CapturedCard}.
 */
public interface TelephonyConnection extends AutoCloseable {

  /** What the adapter is doing right now: whether SIP listens, and on which port. */
  TelephonyStatus status() throws ResourceException;

  /** Counters of live calls, dialogs, transactions and RTP ports. */
  TelephonyMetrics metrics() throws ResourceException;

  /**
   * The id of the live call whose SIP Call-ID, or value of the configured reference header, is
   * {@code reference}.
   */
  Optional<String> findCall(String reference) throws ResourceException;

  /**
   * A new pairing code for {@code sessionId}, to show on the agent's console; when the agent dials
   * it on a live call, that call is linked to the session ({@code PAIRED} event). A newer code
   * replaces the session's older one.
   */
  String allocatePairingCode(String sessionId) throws ResourceException;

  /**
   * Links the call to the session if it is not linked yet, and masks the caller's keys from the
   * agent from now on ({@code SECURE} event).
   *
   * @throws UnknownCallException when the call has ended or belongs to another session
   */
  void secureCall(String callId, String sessionId) throws ResourceException;

  /**
   * Starts capturing a card field; keys go to it until it completes or times out ({@code
   * DIGIT_ENTERED}, {@code FIELD_COMPLETE}, {@code FIELD_TIMED_OUT} events). On an IVR call the
   * field's prompt plays too ("enter your card number, then hash"), prefixed by "that was not
   * valid" or "no entry received" when the same field last completed invalid or timed out; a key
   * stops the prompt.
   *
   * @throws CallNotSecureException when the call is not secure
   */
  void requestField(String callId, String sessionId, CardFieldSpecification specification)
      throws ResourceException;

  /** Wipes a field; if it is being captured, capture starts over. */
  void resetField(String callId, String sessionId, CardField field) throws ResourceException;

  /**
   * Hands the captured card over for processing, as a copy: the call keeps its digits for an
   * additional payment on the same card (or a rolled-back attempt) until {@link #releaseCall}, a
   * field request or reset, or the end of the call. Close the card (or hand it over) at once: it is
   * wiped when the call ends in any case.
   *
   * @throws CallNotSecureException when no valid card number was captured
   */
  CapturedCard takeCard(String callId, String sessionId) throws ResourceException;

  /**
   * Ends secure mode and unlinks the session from the call; fields not taken are wiped. The call
   * itself goes on.
   */
  void releaseCall(String callId, String sessionId) throws ResourceException;

  /**
   * A new IVR link id for {@code sessionId}: digits only, {@code ivrLinkIdLength} of them (setting,
   * default 6), unique among live ids; a newer id replaces the session's older one. The caller is
   * transferred to {@link TelephonyStatus#ivrTransferNumber()} and keys it (or the transfer carries
   * it as {@code <ivrNumber>-<id>} or {@code ;link=<id>}); the IVR then links the call ({@code
   * PAIRED}, {@code SECURE}, with {@link TelephonyEvent#ivr()}) and speaks {@code language}. In a
   * JTA transaction that rolls back, the id is withdrawn.
   *
   * @param language one of {@link TelephonyStatus#ivrLanguages()}, e.g. {@code en}
   * @throws IllegalArgumentException when the language has no prompts; the message names the
   *     supported ones
   */
  String allocateLinkId(String sessionId, String language) throws ResourceException;

  /**
   * Queues an announcement on an IVR call: it plays after the prompts already queued, and a key
   * does not cut it short.
   *
   * @throws UnknownCallException when the call has ended, is not this session's or is not an IVR
   *     call
   */
  void announce(String callId, String sessionId, IvrAnnouncement announcement)
      throws ResourceException;

  /**
   * Ends an IVR call once its queued prompts have played: "goodbye" and BYE, or "transferring" and
   * a REFER back ({@link IvrEnding#TRANSFER_BACK}); {@code CALL_ENDED} follows as for any call.
   *
   * @throws UnknownCallException when the call has ended, is not this session's or is not an IVR
   *     call
   */
  void endIvrCall(String callId, String sessionId, IvrEnding ending) throws ResourceException;

  @Override
  void close() throws ResourceException;
}
