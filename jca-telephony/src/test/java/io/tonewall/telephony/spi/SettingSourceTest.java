package io.tonewall.telephony.spi;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SettingSourceTest {

  @Test
  void prefersExplicitValue_overSystemPropertyAndEnvironment() {
    // given
    Properties properties = new Properties();
    properties.setProperty("tonewall.sip.port", "5071");
    SettingSource source = new SettingSource(properties, Map.of("TONEWALL_SIP_PORT", "5072"));

    // then
    assertThat(source.resolve("5070", "sip.port"), is(Optional.of("5070")));
  }

  @Test
  void prefersSystemProperty_overEnvironment() {
    // given
    Properties properties = new Properties();
    properties.setProperty("tonewall.sip.port", "5071");
    SettingSource source = new SettingSource(properties, Map.of("TONEWALL_SIP_PORT", "5072"));

    // then
    assertThat(source.resolve(null, "sip.port"), is(Optional.of("5071")));
  }

  @Test
  void mapsDottedKeyToEnvironmentVariable() {
    // given
    SettingSource source =
        new SettingSource(new Properties(), Map.of("TONEWALL_MASKING_LOOKAHEAD_MS", "60"));

    // then
    assertThat(source.resolve("  ", "masking.lookahead.ms"), is(Optional.of("60")));
    assertThat(source.resolve(null, "sip.port"), is(Optional.empty()));
  }
}
