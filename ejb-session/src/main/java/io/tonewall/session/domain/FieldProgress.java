package io.tonewall.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Optional;

/**
 * The capture progress of one card field as stored with its session: state, digit count, brand and
 * last four of a complete number. Column names come from the owning entity's attribute overrides.
 */
@Embeddable
public class FieldProgress {

  @Enumerated(EnumType.STRING)
  @Column(name = "capture_state", nullable = false, length = 16)
  private CaptureState state;

  @Column(name = "digit_count", nullable = false)
  private int digitCount;

  @Enumerated(EnumType.STRING)
  @Column(name = "brand", length = 16)
  private CardScheme scheme;

  @Column(name = "last_four", length = 4)
  private String lastFour;

  protected FieldProgress() {
    // for JPA
  }

  private FieldProgress(CaptureState state, int digitCount, CardScheme scheme, String lastFour) {
    this.state = state;
    this.digitCount = digitCount;
    this.scheme = scheme;
    this.lastFour = lastFour;
  }

  static FieldProgress notRequested() {
    return new FieldProgress(CaptureState.NOT_REQUESTED, 0, null, null);
  }

  static FieldProgress requested() {
    return new FieldProgress(CaptureState.REQUESTED, 0, null, null);
  }

  static FieldProgress of(FieldReport report) {
    CaptureState state =
        !report.complete()
            ? CaptureState.REQUESTED
            : report.valid() ? CaptureState.COMPLETE : CaptureState.INVALID;
    return new FieldProgress(
        state,
        report.digitCount(),
        report.scheme().orElse(null),
        state == CaptureState.COMPLETE ? report.lastFour().orElse(null) : null);
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

  public Optional<CardScheme> scheme() {
    return Optional.ofNullable(scheme);
  }

  public Optional<String> lastFour() {
    return Optional.ofNullable(lastFour);
  }

  /**
   * The masked form shown to agents and integrators: one {@code *} per digit keyed, with the last
   * four of a complete card number, e.g. {@code ************4242}.
   */
  public String masked() {
    if (lastFour != null && digitCount >= 4) {
      return "*".repeat(digitCount - 4) + lastFour;
    }
    return "*".repeat(digitCount);
  }
}
