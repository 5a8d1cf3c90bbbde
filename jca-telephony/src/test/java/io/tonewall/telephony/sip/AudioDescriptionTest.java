package io.tonewall.telephony.sip;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AudioDescriptionTest {

  private static final String OFFER =
      "v=0\r\n"
          + "o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com\r\n"
          + "s=\r\n"
          + "c=IN IP4 192.0.2.10\r\n"
          + "t=0 0\r\n"
          + "m=audio 49170 RTP/AVP 18 8 0 101\r\n"
          + "a=rtpmap:18 G729/8000\r\n"
          + "a=rtpmap:8 PCMA/8000\r\n"
          + "a=rtpmap:101 telephone-event/8000\r\n"
          + "a=fmtp:101 0-15\r\n"
          + "a=ptime:20\r\n"
          + "m=video 51372 RTP/AVP 31\r\n"
          + "a=rtpmap:31 H261/90000\r\n";

  @Test
  void keepsOnlyG711AndTelephoneEvent_inThePeersOrder() throws Exception {
    // when
    AudioDescription audio = AudioDescription.parse(OFFER);

    // then
    assertThat(audio.address(), is("192.0.2.10"));
    assertThat(audio.port(), is(49170));
    assertThat(audio.audioPayloadTypes(), is(List.of(8, 0)));
    assertThat(audio.telephoneEventPayloadType(), is(Optional.of(101)));
    assertThat(audio.direction(), is(MediaDirection.SENDRECV));
    assertThat(audio.holds(), is(false));
  }

  @Test
  void offersTonewallsAddressAndPort_withoutOtherCodecsOrStreams() throws Exception {
    // given
    AudioDescription audio = AudioDescription.parse(OFFER);

    // when
    String offer = audio.renderOffer("198.51.100.7", 20002, SdpOrigin.of(77));

    // then
    assertThat(offer, containsString("c=IN IP4 198.51.100.7\r\n"));
    assertThat(offer, containsString("o=tonewall 77 77 IN IP4 198.51.100.7\r\n"));
    assertThat(offer, containsString("m=audio 20002 RTP/AVP 8 0 101\r\n"));
    assertThat(offer, containsString("a=fmtp:101 0-16\r\n"));
    assertThat(offer, containsString("a=ptime:20\r\n"));
    assertThat(offer, not(containsString("G729")));
    assertThat(offer, not(containsString("m=video")));
    assertThat(offer, not(containsString("192.0.2.10")));
  }

  @Test
  void answersWithOneStreamPerOfferedStream_rejectingOthersWithPortZero() throws Exception {
    // given
    AudioDescription offer = AudioDescription.parse(OFFER);
    AudioDescription agentAnswer =
        AudioDescription.parse(
            "v=0\r\no=b 1 1 IN IP4 10.0.0.2\r\ns=-\r\nc=IN IP4 10.0.0.2\r\nt=0 0\r\n"
                + "m=audio 3456 RTP/AVP 8 101\r\na=rtpmap:101 telephone-event/8000\r\n");

    // when
    String answer = agentAnswer.renderAnswer(offer, "198.51.100.7", 20000, SdpOrigin.of(5));

    // then
    assertThat(answer, containsString("m=audio 20000 RTP/AVP 8 101\r\n"));
    assertThat(answer, containsString("m=video 0 RTP/AVP 31\r\n"));
    assertThat(answer.indexOf("m=audio") < answer.indexOf("m=video"), is(true));
  }

  @Test
  void advancesOriginVersion_forEachChangedDescription() {
    // given
    SdpOrigin origin = SdpOrigin.of(1000);

    // when
    origin.advance();

    // then
    assertThat(origin.sessionId(), is(1000L));
    assertThat(origin.version(), is(1001L));
  }

  @Test
  void recognisesHold_bySendonlyInactiveOrZeroAddress() throws Exception {
    // given
    String base = "v=0\r\no=a 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 %s\r\nt=0 0\r\n%s";

    // when
    AudioDescription sendonly =
        AudioDescription.parse(
            String.format(base, "10.0.0.1", "m=audio 4000 RTP/AVP 0\r\na=sendonly\r\n"));
    AudioDescription inactive =
        AudioDescription.parse(
            String.format(base, "10.0.0.1", "a=inactive\r\nm=audio 4000 RTP/AVP 0\r\n"));
    AudioDescription zero =
        AudioDescription.parse(String.format(base, "0.0.0.0", "m=audio 4000 RTP/AVP 0\r\n"));
    AudioDescription resume =
        AudioDescription.parse(
            String.format(base, "10.0.0.1", "m=audio 4000 RTP/AVP 0\r\na=sendrecv\r\n"));

    // then
    assertThat(sendonly.holds(), is(true));
    assertThat(sendonly.direction(), is(MediaDirection.SENDONLY));
    assertThat(inactive.holds(), is(true));
    assertThat(zero.holds(), is(true));
    assertThat(resume.holds(), is(false));
    assertThat(
        sendonly.renderOffer("10.9.9.9", 20000, SdpOrigin.of(1)), containsString("a=sendonly"));
  }

  @Test
  void refusesOffer_withoutPcmuOrPcma() {
    // given
    String g729 =
        "v=0\r\no=a 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n"
            + "m=audio 4000 RTP/AVP 18 101\r\na=rtpmap:101 telephone-event/8000\r\n";

    // then
    assertThrows(UnacceptableMediaException.class, () -> AudioDescription.parse(g729));
  }

  @Test
  void refusesSrtpAudio() {
    // given
    String srtp =
        "v=0\r\no=a 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n"
            + "m=audio 4000 RTP/SAVP 0\r\n";

    // then
    assertThrows(UnacceptableMediaException.class, () -> AudioDescription.parse(srtp));
  }

  @Test
  void refusesMalformedDescriptions() {
    for (String malformed :
        List.of(
            "",
            "hello",
            "v=0\r\nm=audio x RTP/AVP 0\r\n",
            "v=0\r\nc=IN IP4 1.2.3.4\r\nm=audio 4000 RTP/AVP 300\r\n",
            "v=0\r\nm=audio 4000 RTP/AVP 0\r\n",
            "v=0\r\nc=IN\r\nm=audio 4000 RTP/AVP 0\r\n",
            "v=0\r\nc=IN IP4 1.2.3.4\r\nm=audio 4000\r\n",
            "v=0\r\nc=IN IP4 1.2.3.4\r\nm=audio 99999 RTP/AVP 0\r\n",
            "v=0\r\nnonsense\r\n",
            "v=0\r\nc=IN IP4 1.2.3.4\r\nm=audio 4000 RTP/AVP 0\r\n\0\0\0")) {
      assertThrows(MalformedSdpException.class, () -> AudioDescription.parse(malformed), malformed);
    }
  }
}
