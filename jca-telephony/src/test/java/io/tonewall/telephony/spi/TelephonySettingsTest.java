package io.tonewall.telephony.spi;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewall.telephony.relay.RelayFastPath;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TelephonySettingsTest {

  @Test
  void appliesDefaults_whenNothingIsSet() {
    // when
    TelephonySettings settings = TelephonySettings.raw().parse();

    // then
    assertThat(settings.bindAddress(), is("0.0.0.0"));
    assertThat(settings.sipPort(), is(5060));
    assertThat(settings.rtpPortMin(), is(20000));
    assertThat(settings.rtpPortMax(), is(20999));
    assertThat(settings.agentUri(), is(Optional.empty()));
    assertThat(settings.pairingCodeLength(), is(6));
    assertThat(settings.maskingLookaheadMs(), is(40));
  }

  @Test
  void parsesEverySetting_whenValid() {
    // when
    TelephonySettings settings =
        TelephonySettings.raw()
            .bindAddress("127.0.0.1")
            .sipPort("5072")
            .rtpPorts("30000-30099")
            .agentUri("sip:agents@127.0.0.1:5080")
            .pairingCodeLength("8")
            .maskingLookaheadMs("60")
            .parse();

    // then
    assertThat(settings.sipPort(), is(5072));
    assertThat(settings.rtpPortMin(), is(30000));
    assertThat(settings.rtpPortMax(), is(30099));
    assertThat(settings.agentUri().orElseThrow().toString(), is("sip:agents@127.0.0.1:5080"));
    assertThat(settings.pairingCodeLength(), is(8));
    assertThat(settings.maskingLookaheadMs(), is(60));
  }

  @Test
  void listsEveryProblem_whenSeveralSettingsAreInvalid() {
    // when
    InvalidTelephonySettingsException error =
        assertThrows(
            InvalidTelephonySettingsException.class,
            () ->
                TelephonySettings.raw()
                    .bindAddress("0.0.0.0")
                    .sipPort("70000")
                    .rtpPorts("2000")
                    .agentUri("http://x")
                    .pairingCodeLength("2")
                    .maskingLookaheadMs("5")
                    .parse());

    // then
    assertThat(error.problems(), hasSize(5));
    assertThat(error.getMessage(), containsString("sipPort 70000 is outside 1-65535"));
    assertThat(error.getMessage(), containsString("rtpPorts '2000' is not a range"));
    assertThat(
        error.getMessage(), containsString("agentUri 'http://x' is not a sip: or sips: URI"));
    assertThat(error.getMessage(), containsString("pairingCodeLength 2"));
    assertThat(error.getMessage(), containsString("maskingLookaheadMs 5"));
  }

  @Test
  void rejectsReversedRtpRange() {
    // when
    InvalidTelephonySettingsException error =
        assertThrows(
            InvalidTelephonySettingsException.class,
            () -> TelephonySettings.raw().rtpPorts("21000-20000").parse());

    // then
    assertThat(error.getMessage(), containsString("low before high"));
  }

  @Test
  void rejectsUnknownBindAddress() {
    // when
    InvalidTelephonySettingsException error =
        assertThrows(
            InvalidTelephonySettingsException.class,
            () -> TelephonySettings.raw().bindAddress("no-such-host.invalid").parse());

    // then
    assertThat(error.getMessage(), containsString("bindAddress 'no-such-host.invalid'"));
  }

  @Test
  void rejectsNonNumericPort() {
    // when
    InvalidTelephonySettingsException error =
        assertThrows(
            InvalidTelephonySettingsException.class,
            () -> TelephonySettings.raw().sipPort("five").parse());

    // then
    assertThat(error.getMessage(), containsString("sipPort 'five' is not a whole number"));
  }

  @Test
  void advertisedAddress_andAckTimeout_defaultToBindAddressAndTimerH() {
    TelephonySettings settings = TelephonySettings.raw().parse();

    assertThat(settings.advertisedAddress(), is(Optional.empty()));
    assertThat(settings.ackTimeoutSeconds(), is(32));
  }

  @Test
  void rtpRelayThreads_defaultToTheProcessorsAtMostFour_andAcceptAConfiguredCount() {
    int processors = Runtime.getRuntime().availableProcessors();

    assertThat(TelephonySettings.raw().parse().rtpRelayThreads(), is(Math.min(processors, 4)));
    assertThat(relayThreads("6").rtpRelayThreads(), is(6));
  }

  @Test
  void rejectsRtpRelayThreadsOutsideOneToSixtyFour() {
    for (String bad : new String[] {"0", "65", "-1"}) {
      InvalidTelephonySettingsException error =
          assertThrows(InvalidTelephonySettingsException.class, () -> relayThreads(bad));
      assertThat(error.getMessage(), containsString("rtpRelayThreads " + bad + " is outside 1-64"));
    }
    InvalidTelephonySettingsException error =
        assertThrows(InvalidTelephonySettingsException.class, () -> relayThreads("many"));
    assertThat(error.getMessage(), containsString("rtpRelayThreads 'many' is not a whole number"));
  }

  @Test
  void rtpFastPath_defaultsToAuto_acceptsEachValueInAnyCase_andRejectsOthersNamingThem() {
    assertThat(TelephonySettings.raw().parse().rtpFastPath(), is(RelayFastPath.AUTO));
    assertThat(fastPath(" Off ").rtpFastPath(), is(RelayFastPath.OFF));
    assertThat(fastPath("AUTO").rtpFastPath(), is(RelayFastPath.AUTO));
    assertThat(fastPath("native").rtpFastPath(), is(RelayFastPath.NATIVE));
    InvalidTelephonySettingsException error =
        assertThrows(InvalidTelephonySettingsException.class, () -> fastPath("fast"));
    assertThat(
        error.getMessage(), containsString("rtpFastPath must be auto, native or off, not 'fast'"));
  }

  private static TelephonySettings fastPath(String value) {
    return TelephonySettings.raw().rtpFastPath(value).parse();
  }

  private static TelephonySettings relayThreads(String value) {
    return TelephonySettings.raw().rtpRelayThreads(value).parse();
  }

  @Test
  void acceptsAdvertisedIpv4Ipv6AndHostName_andAShorterAckTimeout() {
    assertThat(advertised("203.0.113.5").advertisedAddress(), is(Optional.of("203.0.113.5")));
    assertThat(
        advertised(" 2001:db8::7 ").advertisedAddress(), is(Optional.of("2001:db8:0:0:0:0:0:7")));
    assertThat(
        advertised("[2001:db8::7]").advertisedAddress(), is(Optional.of("2001:db8:0:0:0:0:0:7")));
    assertThat(
        advertised("sbc.example.com").advertisedAddress(), is(Optional.of("sbc.example.com")));
    assertThat(TelephonySettings.raw().ackTimeoutSeconds("4").parse().ackTimeoutSeconds(), is(4));
  }

  @Test
  void rejectsWildcardMulticastAndMalformedAdvertisedAddresses_withClearMessages() {
    assertThat(
        advertisedProblem("0.0.0.0"),
        is(
            "advertisedAddress '0.0.0.0' is a wildcard or multicast address: give the address peers reach Tonewall at"));
    assertThat(advertisedProblem("::"), containsString("is a wildcard or multicast address"));
    assertThat(
        advertisedProblem("239.1.1.1"), containsString("is a wildcard or multicast address"));
    assertThat(
        advertisedProblem("300.1.2.3"),
        is("advertisedAddress '300.1.2.3' is not a valid IP address"));
    assertThat(
        advertisedProblem("1.2.3"),
        is("advertisedAddress '1.2.3' is neither an IPv4/IPv6 address nor a host name"));
    assertThat(advertisedProblem("bad host"), containsString("neither an IPv4/IPv6 address"));
    assertThat(advertisedProblem("-x.example"), containsString("neither an IPv4/IPv6 address"));
  }

  @Test
  void rejectsAckTimeoutOutsideOneToTimerH() {
    for (String value : new String[] {"0", "33", "x"}) {
      InvalidTelephonySettingsException error =
          assertThrows(
              InvalidTelephonySettingsException.class,
              () -> TelephonySettings.raw().ackTimeoutSeconds(value).parse());
      assertThat(error.getMessage(), containsString("ackTimeoutSeconds"));
    }
  }

  private static TelephonySettings advertised(String value) {
    return TelephonySettings.raw().advertisedAddress(value).parse();
  }

  private static String advertisedProblem(String value) {
    InvalidTelephonySettingsException error =
        assertThrows(InvalidTelephonySettingsException.class, () -> advertised(value));
    assertThat(error.problems(), hasSize(1));
    return error.problems().get(0);
  }

  @Test
  void ivrSettings_haveTheirDefaults() {
    // when
    TelephonySettings settings =
        TelephonySettings.raw().sipPort("5080").agentUri("sip:agents@10.0.0.9").parse();

    // then
    assertThat(settings.ivrNumber(), is("pay"));
    assertThat(settings.ivrLinkIdLength(), is(6));
    assertThat(settings.ivrPromptDirectory(), is(Optional.empty()));
    assertThat(settings.ivrTransferTarget("203.0.113.5"), is("sip:pay@203.0.113.5:5080"));
    assertThat(settings.ivrTransferTarget("2001:db8::7"), is("sip:pay@[2001:db8::7]:5080"));
    assertThat(settings.ivrReturnTarget().orElseThrow().toString(), is("sip:agents@10.0.0.9"));
  }

  @Test
  void ivrSettings_areParsed_whenValid(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    // when
    TelephonySettings settings =
        TelephonySettings.raw()
            .ivrNumber(" 4420 ")
            .ivrTransferNumber("+441234567890")
            .ivrReturnUri("sip:queue@pbx.example")
            .ivrLinkIdLength("8")
            .ivrPromptDirectory(dir.toString())
            .parse();

    // then
    assertThat(settings.ivrNumber(), is("4420"));
    assertThat(settings.ivrTransferTarget("127.0.0.1"), is("+441234567890"));
    assertThat(settings.ivrReturnTarget().orElseThrow().toString(), is("sip:queue@pbx.example"));
    assertThat(settings.ivrLinkIdLength(), is(8));
    assertThat(settings.ivrPromptDirectory(), is(Optional.of(dir)));
  }

  @Test
  void invalidIvrSettings_areEachReported() {
    // when
    InvalidTelephonySettingsException error =
        assertThrows(
            InvalidTelephonySettingsException.class,
            () ->
                TelephonySettings.raw()
                    .ivrNumber("pay me")
                    .ivrTransferNumber("sip:pay @host")
                    .ivrReturnUri("http://agents")
                    .ivrLinkIdLength("3")
                    .ivrPromptDirectory("/no/such/folder")
                    .parse());

    // then
    assertThat(error.problems(), hasSize(5));
    assertThat(error.getMessage(), containsString("ivrNumber 'pay me' is not a SIP user part"));
    assertThat(error.getMessage(), containsString("ivrTransferNumber 'sip:pay @host'"));
    assertThat(
        error.getMessage(),
        containsString("ivrReturnUri 'http://agents' is not a sip:, sips: or tel: URI"));
    assertThat(error.getMessage(), containsString("ivrLinkIdLength 3 is outside 4-12"));
    assertThat(
        error.getMessage(), containsString("ivrPromptDirectory '/no/such/folder' is not a folder"));
    assertThrows(
        InvalidTelephonySettingsException.class,
        () -> TelephonySettings.raw().ivrLinkIdLength("six").parse());
  }
}
