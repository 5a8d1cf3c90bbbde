package io.tonewall.session.infrastructure.telephony;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import io.tonewall.session.application.PaymentSessions;
import io.tonewall.session.application.SessionView;
import io.tonewall.telephony.api.TelephonyEvent;
import io.tonewall.telephony.api.TelephonyEventType;
import io.tonewall.telephony.api.TransferOutcome;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The end of an IVR transfer ({@code TRANSFER_ENDED}) reaches its session's audit trail. */
class TelephonyEventConsumerTest {

  private static final Instant NOW = Instant.parse("2026-11-23T14:00:00Z");
  private static final UUID SESSION = UUID.fromString("5b1d3c1e-0000-4000-8000-000000000007");

  /** What the consumer asked of the sessions. */
  private final List<String> asked = new ArrayList<>();

  @Test
  void routesTheTransfersOutcomeAndSipStatus_toTheCallsSession() throws Exception {
    // when
    consumer().onEvent(transferEnded(TransferOutcome.ACCEPTED, OptionalInt.of(200)));
    consumer().onEvent(transferEnded(TransferOutcome.NO_ANSWER, OptionalInt.empty()));

    // then
    assertThat(
        asked,
        contains(
            SESSION + " ivr-call-7 ACCEPTED OptionalInt[200]",
            SESSION + " ivr-call-7 NO_ANSWER OptionalInt.empty"));
  }

  @Test
  void ignoresATransferOfACallLinkedToNoSession() throws Exception {
    // when
    consumer()
        .onEvent(
            TelephonyEvent.of(TelephonyEventType.TRANSFER_ENDED, "ivr-call-7", NOW)
                .transfer(TransferOutcome.DECLINED, OptionalInt.of(603))
                .ivr(true)
                .build());

    // then
    assertThat(asked, empty());
  }

  private static TelephonyEvent transferEnded(TransferOutcome outcome, OptionalInt status) {
    return TelephonyEvent.of(TelephonyEventType.TRANSFER_ENDED, "ivr-call-7", NOW)
        .session(Optional.of(SESSION.toString()))
        .transfer(outcome, status)
        .ivr(true)
        .build();
  }

  private TelephonyEventConsumer consumer() throws Exception {
    TelephonyEventConsumer consumer = new TelephonyEventConsumer();
    Field sessions = TelephonyEventConsumer.class.getDeclaredField("sessions");
    sessions.setAccessible(true);
    sessions.set(
        consumer,
        new PaymentSessions() {
          @Override
          public SessionView ivrTransferEnded(
              UUID id, String callId, String outcome, OptionalInt sipStatus) {
            asked.add(id + " " + callId + " " + outcome + " " + sipStatus);
            return null;
          }
        });
    return consumer;
  }
}
