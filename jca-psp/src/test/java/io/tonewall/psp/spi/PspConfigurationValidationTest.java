package io.tonewall.psp.spi;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewall.psp.provider.PspConfiguration;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapterInternalException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PspConfigurationValidationTest {
  @TempDir Path directory;

  private PspResourceAdapter adapterWith(String properties) throws Exception {
    Path file = directory.resolve("psp.properties");
    Files.writeString(file, properties);
    PspResourceAdapter adapter = new PspResourceAdapter(Clock.systemUTC());
    adapter.setConfigurationLocation(file.toString());
    adapter.setRecoveryLogDirectory(directory.resolve("log").toString());
    return adapter;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "s.provider=stripe\\ns.apiKey=sk_x | 's': 'baseUrl' is missing",
        "s.provider=stripe\\ns.baseUrl=ftp://api.stripe.com\\ns.apiKey=sk_x | 'baseUrl' must be an absolute http(s) URL",
        "s.provider=stripe\\ns.baseUrl=https://\\ns.apiKey=sk_x | 'baseUrl'",
        "s.provider=stripe\\ns.baseUrl=not a url\\ns.apiKey=sk_x | 'baseUrl' is not a valid URL",
        "s.provider=stripe\\ns.baseUrl=https://api.stripe.com | 's': 'apiKey' is missing",
        "a.provider=adyen\\na.baseUrl=https://checkout-test.adyen.com/v71\\na.apiKey=k | 'merchantAccount' is missing",
        "p.provider=paypal | unknown provider 'paypal'",
        "p.baseUrl=https://x.example | 'provider' is missing",
        "sandbox.provider=sandbox | defined twice",
        "x.provider=sandbox\\nx.captureOnCommit=yes | 'captureOnCommit' must be true or false",
        "nodot=1 | is not <id>.<setting>",
        "s.provider=stripe\\ns.baseUrl=https://api.stripe.com\\ns.apiKey=k\\ns.notificationHmacKey=00112233445566778899AABBCCDDEEFF | for adyen configurations only",
        "a.provider=adyen\\na.baseUrl=https://x.example\\na.apiKey=k\\na.merchantAccount=M\\na.notificationHmacKey=XYZ | 'notificationHmacKey' must be an even number",
        "a.provider=adyen\\na.baseUrl=https://x.example\\na.apiKey=k\\na.merchantAccount=M\\na.notificationHmacKey=00112233445566778899AABBCCDDEEF | 'notificationHmacKey' must be an even number",
        "a.provider=adyen\\na.baseUrl=https://x.example\\na.apiKey=k\\na.merchantAccount=M\\na.notificationHmacKey=00112233445566778899AABBCCDDEEFF\\na.notificationUsername=u | go together",
        "a.provider=adyen\\na.baseUrl=https://x.example\\na.apiKey=k\\na.merchantAccount=M\\na.notificationUsername=u\\na.notificationPassword=p | needs 'notificationHmacKey'"
      })
  void rejectsBadConfigurationsAtValidate(String properties, String message) throws Exception {
    // given
    PspResourceAdapter adapter = adapterWith(properties.replace("\\n", "\n"));

    // when
    InvalidPropertyException e = assertThrows(InvalidPropertyException.class, adapter::validate);

    // then
    assertThat(e.getMessage(), containsString(message));
  }

  @Test
  void refusesToStart_withABadConfiguration() throws Exception {
    // given
    PspResourceAdapter adapter = adapterWith("p.provider=paypal");

    // when
    ResourceAdapterInternalException e =
        assertThrows(ResourceAdapterInternalException.class, () -> adapter.start(null));

    // then
    assertThat(e.getMessage(), containsString("unknown provider 'paypal'"));
  }

  @Test
  void rejectsAMissingConfigurationLocation() {
    // given
    PspResourceAdapter adapter = new PspResourceAdapter(Clock.systemUTC());
    adapter.setConfigurationLocation(directory.resolve("absent.properties").toString());

    // then
    InvalidPropertyException e = assertThrows(InvalidPropertyException.class, adapter::validate);
    assertThat(e.getMessage(), containsString("does not exist"));
  }

  @Test
  void rejectsTimeoutsOfZero() {
    // given
    PspResourceAdapter adapter = new PspResourceAdapter(Clock.systemUTC());
    adapter.setReadTimeoutMillis(0);

    // then
    InvalidPropertyException e = assertThrows(InvalidPropertyException.class, adapter::validate);
    assertThat(e.getMessage(), is("readTimeoutMillis must be greater than zero"));
  }

  @Test
  void readsJsonAndPropertiesFilesOfADirectory() throws Exception {
    // given
    Files.writeString(
        directory.resolve("a.json"),
        "{\"adyen-eu\":{\"provider\":\"adyen\",\"baseUrl\":\"https://checkout-test.adyen.com/v71\","
            + "\"apiKey\":\"AQE\",\"merchantAccount\":\"M\",\"captureOnCommit\":false}}");
    Files.writeString(
        directory.resolve("b.properties"),
        "stripe-uk.provider=stripe\nstripe-uk.baseUrl=https://api.stripe.com/\nstripe-uk.apiKey=sk\n");
    Files.writeString(directory.resolve("ignored.txt"), "not a configuration");

    // when
    PspConfigurations configurations = PspConfigurations.load(directory, Duration.ZERO);

    // then
    assertThat(configurations.ids(), contains("sandbox", "adyen-eu", "stripe-uk"));
    assertThat(configurations.require("adyen-eu").captureOnCommit(), is(false));
    assertThat(
        configurations.require("stripe-uk").baseUrl().orElseThrow().toString(),
        is("https://api.stripe.com"));
  }

  @Test
  void neverPrintsTheApiKey() {
    // given
    PspConfiguration configuration =
        PspConfiguration.of(
            "s",
            Map.of(
                "provider",
                "stripe",
                "baseUrl",
                "https://api.stripe.com",
                "apiKey",
                "sk_live_TOPSECRET"));

    // then
    assertThat(configuration.toString(), not(containsString("TOPSECRET")));
    assertThat(configuration.toString(), containsString("apiKey=****"));
  }

  @Test
  void rejectsAPoolAllowingAnUnknownConfiguration() throws Exception {
    // given
    try (TestAdapter adapter = TestAdapter.start(directory.resolve("log"))) {
      adapter.factory.setAllowedConfigurations("sandbox, stripe-uk");

      // when
      InvalidPropertyException e =
          assertThrows(InvalidPropertyException.class, adapter.factory::createConnectionFactory);

      // then
      assertThat(e.getMessage(), containsString("'stripe-uk'"));
    }
  }
}
