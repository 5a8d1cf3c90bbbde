package io.tonewall.telephony.sip;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatagramBodyTest {

  private static Optional<String> body(String datagram) {
    return DatagramBody.withoutContentLength(datagram.getBytes(StandardCharsets.ISO_8859_1))
        .map(bytes -> new String(bytes, StandardCharsets.ISO_8859_1));
  }

  @Test
  void takesTheRestOfTheDatagram_whenThereIsNoContentLength() {
    assertThat(
        body("INVITE sip:b@x SIP/2.0\r\nCSeq: 1 INVITE\r\n\r\nv=0\r\nm=audio 4 RTP/AVP 0\r\n"),
        is(Optional.of("v=0\r\nm=audio 4 RTP/AVP 0\r\n")));
  }

  @Test
  void takesNothing_whenContentLengthOrItsCompactFormIsPresent_orTheRestIsBlank() {
    assertThat(
        body("INVITE sip:b@x SIP/2.0\r\nContent-Length: 3\r\n\r\nv=0\r\n"), is(Optional.empty()));
    assertThat(body("INVITE sip:b@x SIP/2.0\r\nl: 3\r\n\r\nv=0\r\n"), is(Optional.empty()));
    assertThat(
        body("OPTIONS sip:b@x SIP/2.0\r\nCSeq: 1 OPTIONS\r\n\r\n\r\n"), is(Optional.empty()));
    assertThat(body("OPTIONS sip:b@x SIP/2.0\r\nCSeq: 1 OPTIONS\r\n"), is(Optional.empty()));
  }
}
