package io.tonewall.session.infrastructure.jca;

import io.tonewall.psp.api.InvalidCardException;
import io.tonewall.psp.api.PaymentCard;
import io.tonewall.session.application.CallUnavailableException;
import io.tonewall.session.application.CardUse;
import io.tonewall.session.domain.InvalidSessionInputException;
import io.tonewall.session.domain.PaymentRejectedException;
import io.tonewall.telephony.api.CallNotSecureException;
import io.tonewall.telephony.api.CapturedCard;
import io.tonewall.telephony.api.CardField;
import io.tonewall.telephony.api.CardFieldSpecification;
import io.tonewall.telephony.api.CardFields;
import io.tonewall.telephony.api.CardHandOverException;
import io.tonewall.telephony.api.IvrAnnouncement;
import io.tonewall.telephony.api.IvrEnding;
import io.tonewall.telephony.api.TelephonyConnection;
import io.tonewall.telephony.api.TelephonyConnectionFactory;
import io.tonewall.telephony.api.TelephonyStatus;
import io.tonewall.telephony.api.UnknownCallException;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.resource.ResourceException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The session beans' door to the telephony adapter. Its connection factory is the application's
 * {@code java:app/eis/tonewall/telephony}: an application-scoped resource in the EAR, mapped to the
 * global {@code eis/tonewall/telephony} on Payara Micro (see config/).
 *
 * <p>Every method joins the caller's JTA transaction (the pool is {@code XATransaction}): secure
 * mode switched on in a transaction that rolls back is switched off again by the adapter. The
 * adapter's refusals about a call ({@code UnknownCallException}, {@code CallNotSecureException})
 * become {@link CallUnavailableException}; any other failure {@link AdapterUnavailableException}.
 */
@Stateless
public class TelephonyGateway {

  @Resource(lookup = "java:app/eis/tonewall/telephony")
  private TelephonyConnectionFactory connections;

  /**
   * The adapter's listening state.
   *
   * @throws AdapterUnavailableException when the adapter cannot be reached
   */
  public TelephonyStatus status() {
    try (TelephonyConnection connection = connections.getConnection()) {
      return connection.status();
    } catch (ResourceException e) {
      throw new AdapterUnavailableException("telephony adapter: " + e.getMessage(), e);
    }
  }

  /**
   * The id of the live call with this Call-ID or reference header value, if there is one. Outside
   * any transaction: it changes nothing.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Optional<String> findCall(UUID sessionId, String reference) {
    return call(sessionId, connection -> connection.findCall(reference));
  }

  /**
   * A pairing code for the session; when the agent dials it, the call is linked ({@code PAIRED}).
   */
  public String allocatePairingCode(UUID sessionId) {
    return call(sessionId, connection -> connection.allocatePairingCode(sessionId.toString()));
  }

  /** Links the call to the session and masks the caller's keys (undone on rollback). */
  public void secureCall(String callId, UUID sessionId) {
    call(
        sessionId,
        connection -> {
          connection.secureCall(callId, sessionId.toString());
          return callId;
        });
  }

  /** Starts capturing a card field on the call. */
  public void requestField(String callId, UUID sessionId, CardFieldSpecification specification) {
    call(
        sessionId,
        connection -> {
          connection.requestField(callId, sessionId.toString(), specification);
          return callId;
        });
  }

  /** Wipes a field on the call; capture starts over if it is being captured. */
  public void resetField(String callId, UUID sessionId, CardField field) {
    call(
        sessionId,
        connection -> {
          connection.resetField(callId, sessionId.toString(), field);
          return callId;
        });
  }

  /**
   * Wipes every field captured on the call for the session; the call stays linked.
   *
   * @return false when the call has gone or is no longer linked to the session (nothing to wipe:
   *     the adapter wiped it then)
   */
  public boolean wipeFields(String callId, UUID sessionId) {
    return tolerant(
        sessionId,
        connection -> {
          for (CardField field : CardField.values()) {
            connection.resetField(callId, sessionId.toString(), field);
          }
        });
  }

  /**
   * Masking off, captured digits wiped, the call unlinked from the session.
   *
   * @return false when the call has gone or is no longer linked to the session
   */
  public boolean releaseCall(String callId, UUID sessionId) {
    return tolerant(sessionId, connection -> connection.releaseCall(callId, sessionId.toString()));
  }

  /**
   * A link id for an IVR session: the transferred caller keys it (or it is appended to the IVR
   * number) to join the call to the session; withdrawn if the transaction rolls back.
   *
   * @throws io.tonewall.session.domain.InvalidSessionInputException when the IVR has no prompts in
   *     the language (the adapter's message names the ones it has)
   */
  public String allocateLinkId(UUID sessionId, String language) {
    try {
      return call(
          sessionId, connection -> connection.allocateLinkId(sessionId.toString(), language));
    } catch (IllegalArgumentException e) {
      throw new InvalidSessionInputException(e.getMessage());
    }
  }

  /**
   * Queues an announcement on the session's IVR call; it plays once this transaction commits.
   *
   * @return false when the call has ended, is no longer the session's or is not an IVR call
   */
  public boolean announce(String callId, UUID sessionId, IvrAnnouncement announcement) {
    return tolerant(
        sessionId, connection -> connection.announce(callId, sessionId.toString(), announcement));
  }

  /**
   * Ends the session's IVR call once its queued prompts have played (after this transaction
   * commits): BYE, or a transfer back.
   *
   * @return false when the call has ended, is no longer the session's or is not an IVR call
   */
  public boolean endIvrCall(String callId, UUID sessionId, IvrEnding ending) {
    return tolerant(
        sessionId, connection -> connection.endIvrCall(callId, sessionId.toString(), ending));
  }

  /**
   * Takes the call's captured card, turns it into the PSP adapter's {@link PaymentCard} and hands
   * that to {@code use}, all inside this one call: neither card object leaves this method, and both
   * are wiped when it returns or throws. The call no longer holds the digits afterwards.
   *
   * @throws CallUnavailableException when the call has ended or holds no captured card
   * @throws PaymentRejectedException when the captured fields do not make a card
   */
  public <T> T handOver(String callId, UUID sessionId, CardUse<T> use) {
    AtomicReference<T> result = new AtomicReference<>();
    call(
        sessionId,
        connection -> {
          try (CapturedCard captured = connection.takeCard(callId, sessionId.toString())) {
            captured.handOver(
                fields -> {
                  try (PaymentCard card = paymentCard(fields)) {
                    result.set(use.use(card));
                  }
                });
          } catch (CardHandOverException e) {
            throw rethrown(e);
          }
          return callId;
        });
    return result.get();
  }

  /** The PSP adapter's card, copied from the captured arrays (which are wiped after this). */
  private static PaymentCard paymentCard(CardFields fields) {
    try {
      return PaymentCard.of(
          fields.digits(CardField.NUMBER).orElse(null),
          fields.digits(CardField.EXPIRY).orElse(null),
          fields.digits(CardField.SECURITY_CODE).orElse(null));
    } catch (InvalidCardException e) {
      // its message names the field, never a digit
      throw new PaymentRejectedException("captured card refused: " + e.getMessage(), e);
    }
  }

  /** What the card's user threw, as it was (its own exceptions mean what they say). */
  private static RuntimeException rethrown(CardHandOverException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    return new IllegalStateException("the card hand-over failed", cause);
  }

  private <T> T call(UUID sessionId, TelephonyCall<T> work) {
    try (TelephonyConnection connection = connections.getConnection()) {
      return work.on(connection);
    } catch (UnknownCallException | CallNotSecureException e) {
      throw new CallUnavailableException(sessionId, e.getMessage());
    } catch (ResourceException e) {
      throw new AdapterUnavailableException("telephony adapter: " + e.getMessage(), e);
    }
  }

  /** Runs work whose refusal about the call means there is nothing left to do (not an error). */
  private boolean tolerant(UUID sessionId, TelephonyStep work) {
    try (TelephonyConnection connection = connections.getConnection()) {
      work.on(connection);
      return true;
    } catch (UnknownCallException | CallNotSecureException e) {
      return false;
    } catch (ResourceException e) {
      throw new AdapterUnavailableException(
          "telephony adapter, session " + sessionId + ": " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface TelephonyStep {
    void on(TelephonyConnection connection) throws ResourceException;
  }

  @FunctionalInterface
  private interface TelephonyCall<T> {
    T on(TelephonyConnection connection) throws ResourceException;
  }
}
