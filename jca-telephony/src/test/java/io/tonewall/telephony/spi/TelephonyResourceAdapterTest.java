package io.tonewall.telephony.spi;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewall.telephony.api.TelephonyStatus;
import jakarta.resource.spi.ResourceAdapterInternalException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class TelephonyResourceAdapterTest {

  @Test
  void listensWhileStarted_andFreesSipAndRtpPortsWhenStopped() throws Exception {
    // given
    try (LoopbackBootstrap bootstrap = new LoopbackBootstrap()) {
      TelephonyResourceAdapter adapter = bootstrap.adapter("41200-41203");
      TelephonyStatus running = adapter.status();

      // when
      adapter.stop();

      // then
      assertThat(running.sipListening(), is(true));
      assertThat(running.transports(), is("udp,tcp"));
      assertThat(adapter.status().sipListening(), is(false));
      for (int port : new int[] {running.sipPort(), 41200, 41201, 41202, 41203}) {
        try (DatagramSocket socket =
            new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
          assertThat(socket.isBound(), is(true));
        }
      }
    }
  }

  @Test
  void refusesToStart_withEveryInvalidSettingNamed() {
    // given
    try (LoopbackBootstrap bootstrap = new LoopbackBootstrap()) {
      TelephonyResourceAdapter adapter = new TelephonyResourceAdapter();
      adapter.setSipPort("five");
      adapter.setMediaTimeoutSeconds("0");
      adapter.setCallReferenceHeader("X Ref");
      adapter.setAdvertisedAddress("0.0.0.0");
      adapter.setAckTimeoutSeconds("64");

      // when
      ResourceAdapterInternalException error =
          assertThrows(ResourceAdapterInternalException.class, () -> adapter.start(bootstrap));

      // then
      assertThat(error.getMessage(), containsString("sipPort 'five' is not a whole number"));
      assertThat(error.getMessage(), containsString("mediaTimeoutSeconds 0 is outside 1-3600"));
      assertThat(
          error.getMessage(), containsString("callReferenceHeader 'X Ref' is not a SIP header"));
      assertThat(
          error.getMessage(),
          containsString("advertisedAddress '0.0.0.0' is a wildcard or multicast address"));
      assertThat(error.getMessage(), containsString("ackTimeoutSeconds 64 is outside 1-32"));
    }
  }
}
