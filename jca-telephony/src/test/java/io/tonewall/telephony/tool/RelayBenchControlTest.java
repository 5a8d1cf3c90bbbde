package io.tonewall.telephony.tool;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.tonewall.telephony.api.TelephonyMetrics;
import io.tonewall.telephony.call.Call;
import io.tonewall.telephony.call.CallRegistry;
import io.tonewall.telephony.call.PairingCodes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RelayBenchControlTest {

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T19:00:00Z"), ZoneOffset.UTC);
  private final CallRegistry calls =
      new CallRegistry(new PairingCodes(6, Duration.ofMinutes(15), clock), clock, e -> {});
  private final AtomicInteger stops = new AtomicInteger();
  private final RelayBenchControl control =
      new RelayBenchControl(
          calls,
          () -> new TelephonyMetrics(1, 2, 0, 0, 1, 4, 0, 3, 10, 0, 0, 0),
          stops::incrementAndGet);

  @Test
  void securesAndReleasesALiveCall() {
    // given
    Call call = calls.open("call-1", Optional.empty());

    // when
    String secured = control.handle("secure call-1");
    boolean secureAfterSecuring = call.secure();
    String released = control.handle("release call-1\r");

    // then
    assertThat(secured, is("ok"));
    assertThat(secureAfterSecuring, is(true));
    assertThat(released, is("ok"));
    assertThat(call.secure(), is(false));
    assertThat(call.sessionId(), is(Optional.empty()));
  }

  @Test
  void pairingCode_leavesACodeOutstanding_soUnpairedCallsListen() {
    // when
    String reply = control.handle("pairing-code");

    // then
    assertThat(reply, is("ok"));
    assertThat(calls.pairingCodesOutstanding(), is(1));
  }

  @Test
  void answersMetricsAndStop() {
    // when
    String metrics = control.handle("metrics");
    String stopped = control.handle("stop");

    // then
    assertThat(metrics, is("calls=1 sessions=1 ports=4 dialogs=2 malformed=3"));
    assertThat(stopped, is("ok"));
    assertThat(stops.get(), is(1));
  }

  @Test
  void refusesUnknownCalls_unknownCommandsAndMissingArguments() {
    // when / then
    assertThat(control.handle("secure nobody"), is("error no live call nobody"));
    assertThat(
        control.handle("secure"), is("error secure needs exactly one argument: the SIP Call-ID"));
    assertThat(control.handle("release a b"), startsWith("error release needs exactly one"));
    assertThat(control.handle("hangup call-1"), startsWith("error unknown command 'hangup'"));
    assertThat(control.handle(""), startsWith("error unknown command ''"));
    assertThat(stops.get(), is(0));
  }
}
