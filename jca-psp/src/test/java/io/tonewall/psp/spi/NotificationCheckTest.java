package io.tonewall.psp.spi;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewall.psp.api.NotificationAuthenticity;
import io.tonewall.psp.api.NotificationsNotEnabledException;
import io.tonewall.psp.api.ProviderNotification;
import io.tonewall.psp.api.PspConnection;
import io.tonewall.psp.api.UnknownPspConfigurationException;
import io.tonewall.psp.provider.PspConfiguration;
import io.tonewall.psp.provider.adyen.AdyenNotificationSignature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code notificationSenderAccepted} and {@code notificationAuthenticity} through a started
 * adapter: the configuration's HMAC key and Basic credentials decide, and stay inside the adapter.
 */
class NotificationCheckTest {
  private static final String KEY =
      "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";

  @TempDir Path logs;
  @TempDir Path config;
  private TestAdapter adapter;

  @BeforeEach
  void start() throws Exception {
    Path file = config.resolve("psp.properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "adyen-hooks.provider=adyen",
            "adyen-hooks.baseUrl=https://checkout-test.adyen.com/v71",
            "adyen-hooks.apiKey=AQE-secret",
            "adyen-hooks.merchantAccount=TonewallMOTO",
            "adyen-hooks.notificationHmacKey=" + KEY,
            "adyen-hooks.notificationUsername=adyen",
            "adyen-hooks.notificationPassword=s3cret-pass",
            "adyen-quiet.provider=adyen",
            "adyen-quiet.baseUrl=https://checkout-test.adyen.com/v71",
            "adyen-quiet.apiKey=AQE-secret",
            "adyen-quiet.merchantAccount=TonewallMOTO",
            ""));
    adapter = TestAdapter.start(logs, file);
  }

  @AfterEach
  void stop() {
    adapter.close();
  }

  private static ProviderNotification refund(String account, String success, String signature) {
    return new ProviderNotification(
        "QFQTPCQ8HXSKGK82",
        "V4HZ4RBFJGXXGN82",
        account,
        "sale-1.r1",
        "400",
        "GBP",
        "REFUND",
        success,
        signature);
  }

  private static ProviderNotification signed(String account) {
    ProviderNotification unsigned = refund(account, "true", "");
    return refund(account, "true", AdyenNotificationSignature.withHexKey(KEY).sign(unsigned));
  }

  @Test
  void acceptsASignedItemOfItsMerchantAccount() throws Exception {
    try (PspConnection connection = adapter.connection()) {
      assertThat(
          connection.notificationAuthenticity("adyen-hooks", signed("TonewallMOTO")),
          is(NotificationAuthenticity.AUTHENTIC));
    }
  }

  @Test
  void refusesATamperedItemAndOneOfAnotherMerchantAccount() throws Exception {
    ProviderNotification good = signed("TonewallMOTO");
    try (PspConnection connection = adapter.connection()) {
      assertThat(
          connection.notificationAuthenticity(
              "adyen-hooks", refund("TonewallMOTO", "false", good.signature())),
          is(NotificationAuthenticity.SIGNATURE_INVALID));
      assertThat(
          connection.notificationAuthenticity("adyen-hooks", signed("SomeoneElse")),
          is(NotificationAuthenticity.OTHER_MERCHANT_ACCOUNT));
    }
  }

  @Test
  void checksTheBasicCredentials() throws Exception {
    try (PspConnection connection = adapter.connection()) {
      assertThat(
          connection.notificationSenderAccepted("adyen-hooks", "adyen", "s3cret-pass"), is(true));
      assertThat(
          connection.notificationSenderAccepted("adyen-hooks", "adyen", "s3cret-pasS"), is(false));
      assertThat(
          connection.notificationSenderAccepted("adyen-hooks", "other", "s3cret-pass"), is(false));
      assertThat(connection.notificationSenderAccepted("adyen-hooks", null, null), is(false));
    }
  }

  @Test
  void refusesConfigurationsThatReceiveNoNotifications() throws Exception {
    try (PspConnection connection = adapter.connection()) {
      NotificationsNotEnabledException noKey =
          assertThrows(
              NotificationsNotEnabledException.class,
              () -> connection.notificationSenderAccepted("adyen-quiet", null, null));
      assertThrows(
          NotificationsNotEnabledException.class,
          () -> connection.notificationAuthenticity("sandbox", signed("TonewallMOTO")));
      assertThrows(
          UnknownPspConfigurationException.class,
          () -> connection.notificationAuthenticity("nope", signed("TonewallMOTO")));
      assertThat(noKey.getMessage(), containsString("'adyen-quiet' receives no notifications"));
    }
  }

  @Test
  void neverPrintsTheKeyOrThePassword() {
    PspConfiguration configuration =
        PspConfiguration.of(
            "a",
            Map.of(
                "provider", "adyen",
                "baseUrl", "https://checkout-test.adyen.com/v71",
                "apiKey", "AQE",
                "merchantAccount", "M",
                "notificationHmacKey", KEY,
                "notificationUsername", "adyen",
                "notificationPassword", "s3cret-pass"));

    assertThat(configuration.toString(), not(containsString(KEY)));
    assertThat(configuration.toString(), not(containsString("s3cret-pass")));
    assertThat(configuration.toString(), containsString("notificationHmacKey=****"));
  }
}
