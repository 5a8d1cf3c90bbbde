package io.tonewall.session.infrastructure.jca;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.tonewall.session.application.CardFieldSpec;
import io.tonewall.session.domain.CardField;
import io.tonewall.session.domain.SessionMode;
import io.tonewall.telephony.api.CardFieldSpecification;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TelephonyCardCaptureTest {

  @Test
  void asksTheAdapterForTheFieldsLengthRules_terminator_andTheSessionsTimeout() {
    // when
    CardFieldSpecification number =
        TelephonyCardCapture.specification(CardFieldSpec.of(CardField.NUMBER));
    CardFieldSpecification code =
        TelephonyCardCapture.specification(CardFieldSpec.of(CardField.SECURITY_CODE));

    // then
    assertThat(number.field(), is(io.tonewall.telephony.api.CardField.NUMBER));
    assertThat(number.minDigits(), is(12));
    assertThat(number.maxDigits(), is(19));
    assertThat(number.terminator(), is('#'));
    assertThat(number.overallTimeout(), is(CardFieldSpec.DEFAULT_TIMEOUT));
    assertThat(number.interDigitTimeout(), is(Duration.ofSeconds(10)));
    assertThat(code.field(), is(io.tonewall.telephony.api.CardField.SECURITY_CODE));
    assertThat(code.minDigits(), is(3));
    assertThat(code.maxDigits(), is(4));
  }

  @Test
  void pausesNoLongerThanTheWholeField_whenTheFieldIsShort() {
    // when
    CardFieldSpecification expiry =
        TelephonyCardCapture.specification(
            new CardFieldSpec(CardField.EXPIRY, 4, '#', Duration.ofSeconds(5)));

    // then
    assertThat(expiry.interDigitTimeout(), is(Duration.ofSeconds(5)));
    assertThat(expiry.overallTimeout(), is(Duration.ofSeconds(5)));
  }

  @Test
  void servesAgentAssistedSessionsOnly() {
    // given
    TelephonyCardCapture capture = new TelephonyCardCapture();

    // then
    assertThat(capture.serves(SessionMode.AGENT_ASSIST), is(true));
    assertThat(capture.serves(SessionMode.IVR), is(false));
    assertThat(capture.serves(SessionMode.DIGITAL), is(false));
  }
}
