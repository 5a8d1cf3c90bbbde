package io.tonewall.session.infrastructure.telephony;

import io.tonewall.session.domain.CardField;
import io.tonewall.session.domain.CardScheme;
import io.tonewall.session.domain.FieldReport;
import io.tonewall.telephony.api.TelephonyEvent;
import io.tonewall.telephony.api.TelephonyEventType;
import java.util.Optional;

/**
 * Turns the adapter's field events into the session's {@link FieldReport}s: digit counts, validity,
 * and for a complete card number its brand and last four — the only card facts an event carries.
 */
final class FieldReports {

  private FieldReports() {}

  /**
   * The session's card field of an event; empty for fields sessions do not capture (start date,
   * issue number) and for events without a field.
   */
  static Optional<CardField> field(TelephonyEvent event) {
    return event
        .field()
        .flatMap(
            field ->
                switch (field) {
                  case NUMBER -> Optional.of(CardField.NUMBER);
                  case EXPIRY -> Optional.of(CardField.EXPIRY);
                  case SECURITY_CODE -> Optional.of(CardField.SECURITY_CODE);
                  case START_DATE, ISSUE_NUMBER -> Optional.empty();
                });
  }

  /**
   * The progress an event reports: digits keyed so far ({@code DIGIT_ENTERED}, {@code
   * FIELD_CLEARED}) or the field's completion ({@code FIELD_COMPLETE}); empty for other events.
   */
  static Optional<FieldReport> of(TelephonyEvent event) {
    Optional<CardField> field = field(event);
    if (field.isEmpty()) {
      return Optional.empty();
    }
    TelephonyEventType type = event.type();
    if (type == TelephonyEventType.DIGIT_ENTERED || type == TelephonyEventType.FIELD_CLEARED) {
      return Optional.of(FieldReport.typing(field.get(), event.digitCount()));
    }
    if (type != TelephonyEventType.FIELD_COMPLETE) {
      return Optional.empty();
    }
    boolean number = field.get() == CardField.NUMBER;
    return Optional.of(
        new FieldReport(
            field.get(),
            event.digitCount(),
            true,
            event.valid(),
            number ? event.brand().map(CardScheme::named) : Optional.empty(),
            number && event.valid() ? event.lastFour() : Optional.empty()));
  }
}
