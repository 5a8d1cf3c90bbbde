package io.tonewall.telephony.call;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.tonewall.telephony.api.BreakReason;
import io.tonewall.telephony.api.CapturedCard;
import io.tonewall.telephony.api.CardField;
import io.tonewall.telephony.api.CardFieldSpecification;
import io.tonewall.telephony.api.TelephonyEvent;
import io.tonewall.telephony.api.TelephonyEventType;
import io.tonewall.telephony.dtmf.DtmfKey;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A whole secure capture with the leak sentinel's events, with an event consumer that fails every
 * delivery (so each event is also logged): the card number and expiry appear in no log record (at
 * any level, exceptions included), in no event's text or serialised form, and in no exception
 * message — only inside the card handed over.
 */
class CardDataNowhereTest {

  private static final String CARD = "4111111111111111";
  private static final String EXPIRY = "1230";

  private final List<String> logged = new ArrayList<>();
  private final List<TelephonyEvent> events = new ArrayList<>();
  private final Logger root = Logger.getLogger("io.tonewall");
  private final Handler handler =
      new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
          logged.add(formatter.format(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Level previous;

  @BeforeEach
  void listen() {
    previous = root.getLevel();
    root.setLevel(Level.ALL);
    root.addHandler(handler);
  }

  @AfterEach
  void stopListening() {
    root.removeHandler(handler);
    root.setLevel(previous);
  }

  @Test
  void cardDigits_appearInNoLogEventOrExceptionMessage() throws Exception {
    // given: every event delivery fails, so the registry logs each one
    PairingCodesTest.MutableClock clock =
        new PairingCodesTest.MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    CallRegistry registry =
        new CallRegistry(
            new PairingCodes(6, Duration.ofMinutes(15), clock),
            clock,
            event -> {
              events.add(event);
              throw new IllegalStateException("delivery refused");
            });
    Call call = registry.open("call-card", Optional.empty());
    List<String> exceptionMessages = new ArrayList<>();

    // when
    call.secureFor("s");
    call.requestField("s", CardFieldSpecification.standard(CardField.NUMBER));
    keys(call, CARD + "#");
    call.requestField("s", CardFieldSpecification.standard(CardField.EXPIRY));
    keys(call, EXPIRY + "#");
    call.leakSuspected(1, 10);
    call.secureWindowClosed(1, 200);
    try {
      call.requestField("other", CardFieldSpecification.standard(CardField.NUMBER));
    } catch (Exception e) {
      exceptionMessages.add(String.valueOf(e.getMessage()));
    }
    StringBuilder handedOver = new StringBuilder();
    try (CapturedCard card = call.takeCard("s")) {
      exceptionMessages.add(card.toString());
      card.handOver(fields -> handedOver.append(fields.digits(CardField.NUMBER).orElseThrow()));
    }
    try {
      call.takeCard("s");
    } catch (Exception e) {
      exceptionMessages.add(String.valueOf(e.getMessage()));
    }
    call.broken(BreakReason.HOLD);
    registry.end(call);

    // then
    assertThat(handedOver.toString(), is(CARD));
    assertThat(logged.size(), greaterThan(events.size() - 1));
    assertThat(
        events.stream()
            .map(TelephonyEvent::type)
            .toList()
            .contains(TelephonyEventType.LEAK_SUSPECTED),
        is(true));
    List<String> texts = new ArrayList<>(logged);
    texts.addAll(exceptionMessages);
    for (TelephonyEvent event : events) {
      texts.add(event.toString());
      texts.add(serialised(event));
    }
    for (String text : texts) {
      assertThat(text, not(containsString(CARD)));
      assertThat(text, not(containsString("41111111")));
      assertThat(text, not(containsString(EXPIRY)));
    }
  }

  private static void keys(Call call, String symbols) {
    for (char symbol : symbols.toCharArray()) {
      call.callerKey(DtmfKey.fromSymbol(symbol).orElseThrow());
    }
  }

  private static String serialised(TelephonyEvent event) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(event);
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }
}
