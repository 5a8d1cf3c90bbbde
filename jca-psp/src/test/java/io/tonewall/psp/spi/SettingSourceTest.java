package io.tonewall.psp.spi;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SettingSourceTest {

  private static Properties properties(String key, String value) {
    Properties properties = new Properties();
    properties.setProperty(key, value);
    return properties;
  }

  @Test
  void prefersTheConfigPropertyThenTheSystemPropertyThenTheEnvironment() {
    // given
    SettingSource both =
        new SettingSource(
            properties("tonewall.psp.recovery.dir", "/from/property"),
            Map.of("TONEWALL_PSP_RECOVERY_DIR", "/from/env"));
    SettingSource environmentOnly =
        new SettingSource(new Properties(), Map.of("TONEWALL_PSP_RECOVERY_DIR", "/from/env"));

    // then
    assertThat(both.resolve("/explicit", "psp.recovery.dir"), is(Optional.of("/explicit")));
    assertThat(both.resolve(" ", "psp.recovery.dir"), is(Optional.of("/from/property")));
    assertThat(environmentOnly.resolve("", "psp.recovery.dir"), is(Optional.of("/from/env")));
    assertThat(
        new SettingSource(new Properties(), Map.of()).resolve("", "psp.recovery.dir"),
        is(Optional.empty()));
  }

  @Test
  void givesTheAdapterItsRecoveryDirectoryFromTheEnvironment_whenThePropertyIsEmpty() {
    // given
    PspResourceAdapter adapter =
        new PspResourceAdapter(
            Clock.systemUTC(),
            new SettingSource(new Properties(), Map.of("TONEWALL_PSP_RECOVERY_DIR", "/srv/psp")));

    // then
    assertThat(adapter.recoveryLogPath(), is(Path.of("/srv/psp")));
  }

  @Test
  void fallsBackToTheDefaultRecoveryDirectory() {
    PspResourceAdapter adapter =
        new PspResourceAdapter(Clock.systemUTC(), new SettingSource(new Properties(), Map.of()));
    assertThat(adapter.recoveryLogPath(), is(Path.of("var/psp-recovery")));
  }
}
