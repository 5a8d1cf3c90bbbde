package io.tonewall.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * The capture progress of one card field as stored with its session: capture state and digit count.
 * Column names come from the owning entity's attribute overrides. The brand and last four of a
 * complete card number are kept by the session itself.
 */
@Embeddable
public class FieldProgress {

  @Enumerated(EnumType.STRING)
  @Column(name = "capture_state", nullable = false, length = 16)
  private CaptureState state;

  @Column(name = "digit_count", nullable = false)
  private int digitCount;

  protected FieldProgress() {
    // for JPA
  }

  private FieldProgress(CaptureState state, int digitCount) {
    this.state = state;
    this.digitCount = digitCount;
  }

  static FieldProgress notRequested() {
    return new FieldProgress(CaptureState.NOT_REQUESTED, 0);
  }

  static FieldProgress requested() {
    return new FieldProgress(CaptureState.REQUESTED, 0);
  }

  static FieldProgress of(FieldReport report) {
    CaptureState state =
        !report.complete()
            ? CaptureState.REQUESTED
            : report.valid() ? CaptureState.COMPLETE : CaptureState.INVALID;
    return new FieldProgress(state, report.digitCount());
  }

  public CaptureState state() {
    return state;
  }

  public int digitCount() {
    return digitCount;
  }

  /** True when complete and valid. */
  public boolean isComplete() {
    return state == CaptureState.COMPLETE;
  }

  /** The masked form: one {@code *} per digit keyed. */
  public String masked() {
    return "*".repeat(digitCount);
  }
}
