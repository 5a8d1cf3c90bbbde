package io.tonewall.telephony.relay;

/** {@link RtpRelayTest}'s tests on a relay that forwards in Java alone. */
class RtpRelayJavaPathTest extends RtpRelayTest {

  @Override
  RelayFastPath fastPath() {
    return RelayFastPath.OFF;
  }
}
