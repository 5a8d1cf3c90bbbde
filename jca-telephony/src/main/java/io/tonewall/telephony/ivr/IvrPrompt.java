package io.tonewall.telephony.ivr;

import io.tonewall.telephony.api.CardField;
import io.tonewall.telephony.api.IvrAnnouncement;

/**
 * Every prompt the IVR plays, by file name ({@code <language>/<name>.wav}). No prompt speaks a
 * digit.
 */
public enum IvrPrompt {
  ENTER_LINK_ID("enter-link-id"),
  LINK_NOT_RECOGNISED("link-not-recognised"),
  ENTER_CARD_NUMBER("enter-card-number"),
  ENTER_EXPIRY("enter-expiry"),
  ENTER_SECURITY_CODE("enter-security-code"),
  ENTER_START_DATE("enter-start-date"),
  ENTER_ISSUE_NUMBER("enter-issue-number"),
  NOT_VALID("not-valid"),
  NO_ENTRY("no-entry"),
  PAYMENT_APPROVED("payment-approved"),
  PAYMENT_DECLINED("payment-declined"),
  PAYMENT_FAILED("payment-failed"),
  OUTCOME_UNKNOWN("outcome-unknown"),
  CARD_SAVED("card-saved"),
  SESSION_CANCELLED("session-cancelled"),
  TOO_MANY_ATTEMPTS("too-many-attempts"),
  TRANSFERRING("transferring"),
  GOODBYE("goodbye");

  private final String fileName;

  IvrPrompt(String name) {
    this.fileName = name + ".wav";
  }

  /** The file name in a language's folder, e.g. {@code enter-card-number.wav}. */
  public String fileName() {
    return fileName;
  }

  /** The prompt asking for {@code field}. */
  public static IvrPrompt askingFor(CardField field) {
    return switch (field) {
      case NUMBER -> ENTER_CARD_NUMBER;
      case EXPIRY -> ENTER_EXPIRY;
      case SECURITY_CODE -> ENTER_SECURITY_CODE;
      case START_DATE -> ENTER_START_DATE;
      case ISSUE_NUMBER -> ENTER_ISSUE_NUMBER;
    };
  }

  /** The prompt of {@code announcement}. */
  public static IvrPrompt of(IvrAnnouncement announcement) {
    return switch (announcement) {
      case PAYMENT_APPROVED -> PAYMENT_APPROVED;
      case PAYMENT_DECLINED -> PAYMENT_DECLINED;
      case PAYMENT_FAILED -> PAYMENT_FAILED;
      case OUTCOME_UNKNOWN -> OUTCOME_UNKNOWN;
      case CARD_SAVED -> CARD_SAVED;
      case SESSION_CANCELLED -> SESSION_CANCELLED;
      case TOO_MANY_ATTEMPTS -> TOO_MANY_ATTEMPTS;
    };
  }
}
