package io.tonewall.session.infrastructure.telephony;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.tonewall.session.domain.CardField;
import io.tonewall.session.domain.CardScheme;
import io.tonewall.session.domain.FieldReport;
import io.tonewall.telephony.api.TelephonyEvent;
import io.tonewall.telephony.api.TelephonyEventType;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FieldReportsTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  private static TelephonyEvent.Builder event(
      TelephonyEventType type, io.tonewall.telephony.api.CardField field, int digits) {
    return TelephonyEvent.of(type, "call-1", NOW)
        .session(Optional.of("5b1d3c1e-0000-4000-8000-000000000001"))
        .field(field, digits);
  }

  @Test
  void reportsTheCount_whenADigitIsKeyed() {
    // when
    Optional<FieldReport> report =
        FieldReports.of(
            event(TelephonyEventType.DIGIT_ENTERED, io.tonewall.telephony.api.CardField.NUMBER, 7)
                .build());

    // then
    assertThat(report, is(Optional.of(FieldReport.typing(CardField.NUMBER, 7))));
  }

  @Test
  void reportsAnEmptyField_whenTheCallerClearsIt() {
    // when
    Optional<FieldReport> report =
        FieldReports.of(
            event(TelephonyEventType.FIELD_CLEARED, io.tonewall.telephony.api.CardField.EXPIRY, 0)
                .build());

    // then
    assertThat(report, is(Optional.of(FieldReport.typing(CardField.EXPIRY, 0))));
  }

  @Test
  void reportsBrandAndLastFour_ofACompleteValidNumber() {
    // when
    Optional<FieldReport> report =
        FieldReports.of(
            event(TelephonyEventType.FIELD_COMPLETE, io.tonewall.telephony.api.CardField.NUMBER, 16)
                .completed(true, Optional.of("VISA"), Optional.of("4242"))
                .build());

    // then
    assertThat(
        report,
        is(
            Optional.of(
                new FieldReport(
                    CardField.NUMBER,
                    16,
                    true,
                    true,
                    Optional.of(CardScheme.VISA),
                    Optional.of("4242")))));
  }

  @Test
  void dropsTheBrand_ofOtherFields_andTheLastFour_ofAnInvalidNumber() {
    // when
    Optional<FieldReport> code =
        FieldReports.of(
            event(
                    TelephonyEventType.FIELD_COMPLETE,
                    io.tonewall.telephony.api.CardField.SECURITY_CODE,
                    3)
                .completed(true, Optional.of("VISA"), Optional.empty())
                .build());
    Optional<FieldReport> invalid =
        FieldReports.of(
            event(TelephonyEventType.FIELD_COMPLETE, io.tonewall.telephony.api.CardField.NUMBER, 16)
                .completed(false, Optional.of("VISA"), Optional.empty())
                .build());

    // then
    assertThat(code.orElseThrow().scheme(), is(Optional.empty()));
    assertThat(invalid.orElseThrow().valid(), is(false));
    assertThat(invalid.orElseThrow().lastFour(), is(Optional.empty()));
    assertThat(invalid.orElseThrow().scheme(), is(Optional.of(CardScheme.VISA)));
  }

  @Test
  void ignoresFieldsSessionsDoNotCapture_andEventsWithoutAField() {
    // when
    Optional<FieldReport> startDate =
        FieldReports.of(
            event(
                    TelephonyEventType.DIGIT_ENTERED,
                    io.tonewall.telephony.api.CardField.START_DATE,
                    2)
                .build());
    Optional<FieldReport> secure =
        FieldReports.of(TelephonyEvent.of(TelephonyEventType.SECURE, "call-1", NOW).build());

    // then
    assertThat(startDate, is(Optional.empty()));
    assertThat(secure, is(Optional.empty()));
  }
}
