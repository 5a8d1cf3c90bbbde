package io.tonewall.session.notification;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which Adyen events Tonewall acts on, and how. */
class NotificationActionTest {

  @ParameterizedTest
  @CsvSource({
    "REFUND, true, REFUND_SUCCEEDED",
    "REFUND, false, REFUND_FAILED",
    "CANCEL_OR_REFUND, true, REFUND_SUCCEEDED",
    "CANCEL_OR_REFUND, false, REFUND_FAILED",
    "REFUND_FAILED, true, REFUND_FAILED",
    "REFUNDED_REVERSED, true, REFUND_FAILED",
    "REFUND_FAILED, false, NONE",
    "CAPTURE, true, NONE",
    "CAPTURE, false, CAPTURE_FAILED",
    "CAPTURE_FAILED, true, CAPTURE_FAILED",
    "AUTHORISATION, true, NONE",
    "CANCELLATION, true, NONE",
    "CHARGEBACK, true, NONE",
    "REPORT_AVAILABLE, true, NONE",
    "SOMETHING_NEW, true, NONE"
  })
  void mapsEventAndSuccessToAnAction(String eventCode, boolean success, NotificationAction action) {
    assertThat(NotificationAction.of(eventCode, success), is(action));
  }

  @ParameterizedTest
  @CsvSource({
    "REFUND, REFUND_REFUSED",
    "CANCEL_OR_REFUND, REFUND_REFUSED",
    "REFUND_FAILED, REFUND_FAILED",
    "REFUNDED_REVERSED, REFUNDED_REVERSED"
  })
  void namesTheFailureAfterTheEvent(String eventCode, String reason) {
    assertThat(NotificationAction.failureReason(eventCode), is(reason));
  }
}
