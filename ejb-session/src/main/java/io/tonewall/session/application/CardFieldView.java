package io.tonewall.session.application;

import io.tonewall.session.domain.CaptureState;
import io.tonewall.session.domain.CardField;
import io.tonewall.session.domain.CardScheme;
import io.tonewall.session.domain.PaymentSession;
import java.io.Serializable;
import java.util.Optional;

/**
 * One card field as agents and integrators may see it: masked.
 *
 * @param field the field
 * @param state capture state
 * @param digitCount digits keyed
 * @param masked one {@code *} per digit, with the last four of a complete number
 * @param brand the card number's brand, once recognised
 */
public record CardFieldView(
    CardField field, CaptureState state, int digitCount, String masked, Optional<CardScheme> brand)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  static CardFieldView of(PaymentSession session, CardField field) {
    return new CardFieldView(
        field,
        session.progress(field).state(),
        session.progress(field).digitCount(),
        session.masked(field),
        field == CardField.NUMBER ? session.numberScheme() : Optional.empty());
  }

  /** True when complete and valid. */
  public boolean complete() {
    return state == CaptureState.COMPLETE;
  }
}
