package io.tonewall.telephony.relay;

/** {@link RtpRelayThreadsTest}'s tests on relay loops that forward in Java alone. */
class RtpRelayThreadsJavaPathTest extends RtpRelayThreadsTest {

  @Override
  RelayFastPath fastPath() {
    return RelayFastPath.OFF;
  }
}
