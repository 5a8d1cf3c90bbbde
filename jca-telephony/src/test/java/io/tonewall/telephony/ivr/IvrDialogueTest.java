package io.tonewall.telephony.ivr;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import io.tonewall.telephony.api.CardField;
import io.tonewall.telephony.api.CardFieldSpecification;
import io.tonewall.telephony.api.IvrAnnouncement;
import io.tonewall.telephony.api.IvrEnding;
import io.tonewall.telephony.api.TelephonyEvent;
import io.tonewall.telephony.api.TelephonyEventType;
import io.tonewall.telephony.call.Call;
import io.tonewall.telephony.call.CallRegistry;
import io.tonewall.telephony.call.PairingCodes;
import io.tonewall.telephony.dtmf.DtmfKey;
import io.tonewall.telephony.relay.BoundPorts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The IVR dialogue on injected time with the real prompts, call and player: link id, field prompts
 * and their prefixes, barge-in, announcements and the two endings. No thread plays the prompts: the
 * test looks at what is queued and says when the queue has drained.
 */
class IvrDialogueTest {

  private static final String SESSION = "session-d";
  private static PromptLibrary prompts;

  private final MovingClock clock = new MovingClock(Instant.parse("2026-11-23T01:00:00Z"));
  private final List<TelephonyEvent> events = new CopyOnWriteArrayList<>();
  private final List<String> signalled = new ArrayList<>();
  private IvrMediaLoop loop;
  private CallRegistry calls;
  private LinkIds linkIds;
  private IvrMediaSession media;
  private Call call;

  @BeforeAll
  static void loadPrompts() throws PromptLoadException {
    prompts = PromptLibrary.bundled();
  }

  @BeforeEach
  void start() throws Exception {
    loop = IvrMediaLoop.open(clock);
    calls =
        new CallRegistry(new PairingCodes(6, Duration.ofMinutes(15), clock), clock, events::add);
    linkIds = new LinkIds(6, Duration.ofMinutes(30), clock, prompts.languages());
    call = calls.openIvr("ivr-call", Optional.empty());
  }

  @AfterEach
  void stop() {
    loop.close();
  }

  private IvrCall dialogue(Optional<String> uriLinkId, Optional<URI> returnUri) throws Exception {
    DatagramChannel rtp =
        DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    DatagramChannel rtcp =
        DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    BoundPorts ports = new BoundPorts(rtp, rtcp, rtp.socket().getLocalPort());
    IvrCall[] holder = new IvrCall[1];
    media =
        loop.open(
            ports,
            bound -> {
              try {
                bound.rtp().close();
                bound.rtcp().close();
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            },
            0,
            new IvrMediaListener() {
              @Override
              public void key(DtmfKey key) {
                holder[0].key(key);
              }

              @Override
              public void promptsDrained() {
                holder[0].promptsDrained();
              }
            });
    IvrSignalling signalling =
        new IvrSignalling() {
          @Override
          public void hangUp() {
            signalled.add("BYE");
          }

          @Override
          public void transfer(URI target) {
            signalled.add("REFER " + target);
          }
        };
    holder[0] =
        new IvrCall(call, media, prompts, linkIds, signalling, clock, returnUri, uriLinkId, "en");
    call.attach(holder[0]);
    return holder[0];
  }

  private int length(String language, IvrPrompt... sequence) {
    int total = 0;
    for (IvrPrompt prompt : sequence) {
      total += prompts.samples(language, prompt).length;
    }
    return total;
  }

  private void keys(IvrCall dialogue, String symbols) {
    for (char symbol : symbols.toCharArray()) {
      dialogue.key(DtmfKey.fromSymbol(symbol).orElseThrow());
    }
  }

  private List<TelephonyEventType> types() {
    return events.stream().map(TelephonyEvent::type).toList();
  }

  private IvrCall linked(String language) throws Exception {
    String id = linkIds.allocate(SESSION, language);
    IvrCall dialogue = dialogue(Optional.of(id), Optional.of(URI.create("sip:agent@pbx")));
    dialogue.start();
    return dialogue;
  }

  @Test
  void asksForTheLinkId_andLinksWhenTheCallerKeysIt_securingTheCallForItsSession()
      throws Exception {
    // given
    String id = linkIds.allocate(SESSION, "de");
    IvrCall dialogue = dialogue(Optional.empty(), Optional.empty());

    // when
    dialogue.start();
    int askedFor = media.player().queuedSamples();
    keys(dialogue, id);

    // then
    assertThat(askedFor, is(length("en", IvrPrompt.ENTER_LINK_ID)));
    assertThat(media.player().queuedSamples(), is(0)); // the first key stopped the prompt
    assertThat(types(), contains(TelephonyEventType.PAIRED, TelephonyEventType.SECURE));
    assertThat(events.get(1).ivr(), is(true));
    assertThat(call.secure(), is(true));
    assertThat(dialogue.language(), is("de"));
  }

  @Test
  void saysNotRecognisedAndAsksAgain_thenGoodbyeAfterThreeWrongIds() throws Exception {
    // given
    IvrCall dialogue = dialogue(Optional.empty(), Optional.empty());
    dialogue.start();

    // when
    keys(dialogue, "111111");
    int afterFirst = media.player().queuedSamples();
    keys(dialogue, "222222");
    keys(dialogue, "333333");
    int afterThird = media.player().queuedSamples();
    List<String> beforeDrain = List.copyOf(signalled);
    dialogue.promptsDrained();

    // then
    assertThat(
        afterFirst, is(length("en", IvrPrompt.LINK_NOT_RECOGNISED, IvrPrompt.ENTER_LINK_ID)));
    assertThat(afterThird, is(length("en", IvrPrompt.LINK_NOT_RECOGNISED, IvrPrompt.GOODBYE)));
    assertThat(beforeDrain, is(empty()));
    assertThat(signalled, contains("BYE"));
    assertThat(types(), is(empty()));
  }

  @Test
  void saysNoEntry_whenTheCallerKeysNothing() throws Exception {
    // given
    IvrCall dialogue = dialogue(Optional.empty(), Optional.empty());
    dialogue.start();
    media.player().clear(); // as if the prompt had played

    // when
    clock.advance(Duration.ofSeconds(11));
    dialogue.tick();

    // then
    assertThat(
        media.player().queuedSamples(),
        is(length("en", IvrPrompt.NO_ENTRY, IvrPrompt.ENTER_LINK_ID)));
  }

  @Test
  void playsTheFieldPrompt_prefixedByNotValidAfterAnInvalidAttempt() throws Exception {
    // given
    IvrCall dialogue = linked("es");

    // when
    call.requestField(SESSION, CardFieldSpecification.standard(CardField.NUMBER));
    int first = media.player().queuedSamples();
    keys(dialogue, "4242424242424241#"); // fails Luhn
    call.requestField(SESSION, CardFieldSpecification.standard(CardField.NUMBER));
    int second = media.player().queuedSamples();
    keys(dialogue, "4242424242424242#");
    call.requestField(SESSION, CardFieldSpecification.standard(CardField.EXPIRY));
    int expiry = media.player().queuedSamples();

    // then
    assertThat(first, is(length("es", IvrPrompt.ENTER_CARD_NUMBER)));
    assertThat(second, is(length("es", IvrPrompt.NOT_VALID, IvrPrompt.ENTER_CARD_NUMBER)));
    assertThat(expiry, is(length("es", IvrPrompt.ENTER_EXPIRY)));
    assertThat(
        events.stream()
            .filter(e -> e.type() == TelephonyEventType.FIELD_COMPLETE)
            .map(TelephonyEvent::valid)
            .toList(),
        contains(false, true));
  }

  @Test
  void playsNoEntryBeforeTheFieldPrompt_afterATimeOut() throws Exception {
    // given
    IvrCall dialogue = linked("en");
    call.requestField(
        SESSION,
        new CardFieldSpecification(
            CardField.SECURITY_CODE, 3, 4, '#', Duration.ofSeconds(5), Duration.ofSeconds(30)));
    keys(dialogue, "1");
    clock.advance(Duration.ofSeconds(6));
    calls.tick(clock.instant());

    // when
    call.requestField(SESSION, CardFieldSpecification.standard(CardField.SECURITY_CODE));

    // then
    assertThat(types().contains(TelephonyEventType.FIELD_TIMED_OUT), is(true));
    assertThat(
        media.player().queuedSamples(),
        is(length("en", IvrPrompt.NO_ENTRY, IvrPrompt.ENTER_SECURITY_CODE)));
  }

  @Test
  void aKeyStopsTheFieldPromptAndCounts_butNotAnAnnouncement() throws Exception {
    // given
    IvrCall dialogue = linked("en");
    call.requestField(SESSION, CardFieldSpecification.standard(CardField.NUMBER));

    // when
    keys(dialogue, "4");
    int afterKey = media.player().queuedSamples();
    call.announce(SESSION, IvrAnnouncement.PAYMENT_DECLINED);
    keys(dialogue, "5");

    // then
    assertThat(afterKey, is(0));
    assertThat(media.player().queuedSamples(), is(length("en", IvrPrompt.PAYMENT_DECLINED)));
    assertThat(
        events.stream()
            .filter(e -> e.type() == TelephonyEventType.DIGIT_ENTERED)
            .map(TelephonyEvent::digitCount)
            .toList(),
        contains(1, 2));
  }

  @Test
  void hangsUpAfterGoodbye_onceTheQueueHasPlayed() throws Exception {
    // given
    IvrCall dialogue = linked("fr");
    call.announce(SESSION, IvrAnnouncement.PAYMENT_APPROVED);

    // when
    call.endIvr(SESSION, IvrEnding.HANG_UP);
    int queued = media.player().queuedSamples();
    keys(dialogue, "9"); // ignored while ending
    dialogue.promptsDrained();
    dialogue.promptsDrained();

    // then
    assertThat(queued, is(length("fr", IvrPrompt.PAYMENT_APPROVED, IvrPrompt.GOODBYE)));
    assertThat(signalled, contains("BYE"));
  }

  @Test
  void refersBackToTheReturnUri_orHangsUpWithoutOne() throws Exception {
    // given
    IvrCall dialogue = linked("en");

    // when
    call.endIvr(SESSION, IvrEnding.TRANSFER_BACK);
    int queued = media.player().queuedSamples();
    dialogue.promptsDrained();
    IvrCall withoutReturn = dialogue(Optional.empty(), Optional.empty());
    withoutReturn.start();
    withoutReturn.end(IvrEnding.TRANSFER_BACK);
    withoutReturn.promptsDrained();

    // then
    assertThat(queued, is(length("en", IvrPrompt.TRANSFERRING)));
    assertThat(signalled, contains("REFER sip:agent@pbx", "BYE"));
  }
}
