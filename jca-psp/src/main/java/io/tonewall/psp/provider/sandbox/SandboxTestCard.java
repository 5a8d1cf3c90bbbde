package io.tonewall.psp.provider.sandbox;

import io.tonewall.psp.api.DeclineReason;
import java.util.Optional;

/**
 * The sandbox's test card numbers and what each one does. Any other valid number is approved.
 * Numbers follow Stripe's well-known test cards where Stripe has one.
 */
public enum SandboxTestCard {
  VISA_APPROVED("4242424242424242", Behaviour.APPROVE, null),
  MASTERCARD_APPROVED("5555555555554444", Behaviour.APPROVE, null),
  AMEX_APPROVED("378282246310005", Behaviour.APPROVE, null),
  INSUFFICIENT_FUNDS("4000000000009995", Behaviour.DECLINE, DeclineReason.INSUFFICIENT_FUNDS),
  DO_NOT_HONOUR("4000000000000002", Behaviour.DECLINE, DeclineReason.DO_NOT_HONOUR),
  EXPIRED_CARD("4000000000000069", Behaviour.DECLINE, DeclineReason.EXPIRED_CARD),
  INVALID_SECURITY_CODE("4000000000000127", Behaviour.DECLINE, DeclineReason.INVALID_SECURITY_CODE),
  INVALID_CARD_NUMBER("4000000000000010", Behaviour.DECLINE, DeclineReason.INVALID_CARD_NUMBER),
  SUSPECTED_FRAUD("4100000000000019", Behaviour.DECLINE, DeclineReason.SUSPECTED_FRAUD),
  AUTHENTICATION_REQUIRED(
      "4000002760003184", Behaviour.DECLINE, DeclineReason.AUTHENTICATION_REQUIRED),
  PROCESSING_ERROR("4000000000000119", Behaviour.FAIL, null),
  TIMEOUT_AFTER_AUTHORISING("4000000000000028", Behaviour.TIME_OUT_AFTER_ACTING, null),
  TIMEOUT_BEFORE_ACQUIRER("4000000000000036", Behaviour.TIME_OUT_BEFORE_ACTING, null);

  /** What the sandbox does with a card. */
  public enum Behaviour {
    APPROVE,
    DECLINE,
    /** Rejected by the acquirer as a processing error: FAILED, nothing authorised. */
    FAIL,
    /** The acquirer authorises, the answer is lost: UNKNOWN, status finds it authorised. */
    TIME_OUT_AFTER_ACTING,
    /** The request is lost on the way: UNKNOWN, status finds nothing. */
    TIME_OUT_BEFORE_ACTING
  }

  private final char[] number;
  private final Behaviour behaviour;
  private final Optional<DeclineReason> declineReason;

  SandboxTestCard(String number, Behaviour behaviour, DeclineReason declineReason) {
    this.number = number.toCharArray();
    this.behaviour = behaviour;
    this.declineReason = Optional.ofNullable(declineReason);
  }

  /** The test card number, for tests and documentation. */
  public String number() {
    return new String(number);
  }

  public Behaviour behaviour() {
    return behaviour;
  }

  public Optional<DeclineReason> declineReason() {
    return declineReason;
  }

  /** The test card with these digits, if any. */
  static Optional<SandboxTestCard> matching(char[] digits, int length) {
    for (SandboxTestCard card : values()) {
      if (card.number.length == length && equalDigits(card.number, digits, length)) {
        return Optional.of(card);
      }
    }
    return Optional.empty();
  }

  private static boolean equalDigits(char[] a, char[] b, int length) {
    boolean equal = true;
    for (int i = 0; i < length; i++) {
      equal &= a[i] == b[i];
    }
    return equal;
  }
}
