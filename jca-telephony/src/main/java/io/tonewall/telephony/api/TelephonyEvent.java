package io.tonewall.telephony.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One call event delivered to a {@link TelephonyEventListener}. It never carries a keyed digit:
 * only the field, the digit count, validity, the card brand and the last four digits of a complete
 * card number (which may be stored and shown). Immutable.
 */
public final class TelephonyEvent implements Serializable {

  private static final long serialVersionUID = 1L;

  private final TelephonyEventType type;
  private final String callId;
  private final String sessionId;
  private final CardField field;
  private final int digitCount;
  private final boolean valid;
  private final String brand;
  private final String lastFour;
  private final BreakReason reason;
  private final long suspiciousFrames;
  private final long framesExamined;
  private final TransferOutcome transferOutcome;
  private final int sipStatus;
  private final Instant occurredAt;
  private final boolean ivr;

  private TelephonyEvent(Builder builder) {
    this.type = builder.type;
    this.callId = builder.callId;
    this.sessionId = builder.sessionId;
    this.field = builder.field;
    this.digitCount = builder.digitCount;
    this.valid = builder.valid;
    this.brand = builder.brand;
    this.lastFour = builder.lastFour;
    this.reason = builder.reason;
    this.suspiciousFrames = builder.suspiciousFrames;
    this.framesExamined = builder.framesExamined;
    this.transferOutcome = builder.transferOutcome;
    this.sipStatus = builder.sipStatus;
    this.occurredAt = builder.occurredAt;
    this.ivr = builder.ivr;
  }

  /** Starts an event of {@code type} on call {@code callId} at {@code occurredAt}. */
  public static Builder of(TelephonyEventType type, String callId, Instant occurredAt) {
    return new Builder(type, callId, occurredAt);
  }

  public TelephonyEventType type() {
    return type;
  }

  /** The call's id: its SIP Call-ID on the caller's leg. */
  public String callId() {
    return callId;
  }

  /** The payment session linked to the call, once paired or secured. */
  public Optional<String> sessionId() {
    return Optional.ofNullable(sessionId);
  }

  /** The card field of a field event. */
  public Optional<CardField> field() {
    return Optional.ofNullable(field);
  }

  /** Digits keyed in the field so far (what the console shows as dots). */
  public int digitCount() {
    return digitCount;
  }

  /** For {@link TelephonyEventType#FIELD_COMPLETE}: whether the field passed validation. */
  public boolean valid() {
    return valid;
  }

  /** Card brand of a complete card number, for example {@code VISA}. */
  public Optional<String> brand() {
    return Optional.ofNullable(brand);
  }

  /** Last four digits of a complete, valid card number. */
  public Optional<String> lastFour() {
    return Optional.ofNullable(lastFour);
  }

  /** For {@link TelephonyEventType#BROKEN}: why secure mode ended. */
  public Optional<BreakReason> reason() {
    return Optional.ofNullable(reason);
  }

  /**
   * For {@link TelephonyEventType#LEAK_SUSPECTED} and {@link
   * TelephonyEventType#SECURE_WINDOW_CLOSED}: frames sent to the agent in the secure window that
   * the leak sentinel found suspicious (so far, or in all); 0 otherwise.
   */
  public long suspiciousFrames() {
    return suspiciousFrames;
  }

  /**
   * For {@link TelephonyEventType#LEAK_SUSPECTED} and {@link
   * TelephonyEventType#SECURE_WINDOW_CLOSED}: frames (RTP packets) sent to the agent in the secure
   * window that the leak sentinel examined (so far, or in all); 0 otherwise.
   */
  public long framesExamined() {
    return framesExamined;
  }

  /** For {@link TelephonyEventType#TRANSFER_ENDED}: how the transfer back ended. */
  public Optional<TransferOutcome> transferOutcome() {
    return Optional.ofNullable(transferOutcome);
  }

  /**
   * For {@link TelephonyEventType#TRANSFER_ENDED}: the SIP status that decided the outcome (the
   * REFER's final response, or the status line of the NOTIFY's sipfrag); empty when there was none
   * ({@link TransferOutcome#NO_ANSWER}, or a REFER that could not be sent). Nothing else of the
   * caller's messages is kept.
   */
  public OptionalInt sipStatus() {
    return sipStatus == 0 ? OptionalInt.empty() : OptionalInt.of(sipStatus);
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  /** True for events of an IVR call (Tonewall answered it itself; no agent on the call). */
  public boolean ivr() {
    return ivr;
  }

  @Override
  public String toString() {
    return "TelephonyEvent["
        + type
        + " call="
        + callId
        + (sessionId == null ? "" : " session=" + sessionId)
        + (field == null ? "" : " field=" + field + " digits=" + digitCount)
        + (type == TelephonyEventType.FIELD_COMPLETE ? " valid=" + valid : "")
        + (brand == null ? "" : " brand=" + brand)
        + (reason == null ? "" : " reason=" + reason)
        + (sentinel(type) ? " suspicious=" + suspiciousFrames + "/" + framesExamined : "")
        + (transferOutcome == null ? "" : " transfer=" + transferOutcome)
        + (sipStatus == 0 ? "" : " sipStatus=" + sipStatus)
        + (ivr ? " ivr" : "")
        + "]";
  }

  private static boolean sentinel(TelephonyEventType type) {
    return type == TelephonyEventType.LEAK_SUSPECTED
        || type == TelephonyEventType.SECURE_WINDOW_CLOSED;
  }

  /** Builds a {@link TelephonyEvent}; only the parts that apply to its type are set. */
  public static final class Builder {
    private final TelephonyEventType type;
    private final String callId;
    private final Instant occurredAt;
    private String sessionId;
    private CardField field;
    private int digitCount;
    private boolean valid;
    private String brand;
    private String lastFour;
    private BreakReason reason;
    private long suspiciousFrames;
    private long framesExamined;
    private TransferOutcome transferOutcome;
    private int sipStatus;
    private boolean ivr;

    private Builder(TelephonyEventType type, String callId, Instant occurredAt) {
      this.type = Objects.requireNonNull(type, "type");
      this.callId = Objects.requireNonNull(callId, "callId");
      this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public Builder session(Optional<String> session) {
      this.sessionId = session.orElse(null);
      return this;
    }

    public Builder field(CardField field, int digitCount) {
      this.field = field;
      this.digitCount = digitCount;
      return this;
    }

    public Builder completed(boolean valid, Optional<String> brand, Optional<String> lastFour) {
      this.valid = valid;
      this.brand = brand.orElse(null);
      this.lastFour = lastFour.orElse(null);
      if (this.lastFour != null && !this.lastFour.matches("[0-9]{4}")) {
        throw new IllegalArgumentException("last four must be four digits");
      }
      return this;
    }

    public Builder reason(BreakReason reason) {
      this.reason = reason;
      return this;
    }

    /**
     * The leak sentinel's counts.
     *
     * @throws IllegalArgumentException if a count is negative or more frames are suspicious than
     *     were examined
     */
    public Builder frames(long suspiciousFrames, long framesExamined) {
      if (suspiciousFrames < 0 || framesExamined < suspiciousFrames) {
        throw new IllegalArgumentException(
            "suspicious frames must be 0.." + framesExamined + ", was " + suspiciousFrames);
      }
      this.suspiciousFrames = suspiciousFrames;
      this.framesExamined = framesExamined;
      return this;
    }

    /**
     * The outcome of a transfer back, with the SIP status that decided it if any.
     *
     * @throws IllegalArgumentException if the status is not a SIP status code (100 to 699)
     */
    public Builder transfer(TransferOutcome outcome, OptionalInt status) {
      if (status.isPresent() && (status.getAsInt() < 100 || status.getAsInt() > 699)) {
        throw new IllegalArgumentException("a SIP status is 100..699, was " + status.getAsInt());
      }
      this.transferOutcome = Objects.requireNonNull(outcome, "outcome");
      this.sipStatus = status.orElse(0);
      return this;
    }

    /** Marks the event as one of an IVR call. */
    public Builder ivr(boolean value) {
      this.ivr = value;
      return this;
    }

    public TelephonyEvent build() {
      return new TelephonyEvent(this);
    }
  }
}
