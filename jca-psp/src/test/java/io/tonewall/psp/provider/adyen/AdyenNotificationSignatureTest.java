package io.tonewall.psp.provider.adyen;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewall.psp.api.ProviderNotification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Adyen's standard-notification HMAC: Adyen's own published example (key, item and signature as in
 * Adyen's API libraries' tests), a refund item whose signature was computed independently with
 * {@code openssl dgst -sha256 -mac HMAC -macopt hexkey:<key> -binary | base64}, and escaping.
 */
class AdyenNotificationSignatureTest {

  /** Adyen's sample HMAC key. */
  private static final String KEY =
      "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";

  private static ProviderNotification item(
      String psp,
      String original,
      String account,
      String merchant,
      String value,
      String currency,
      String event,
      String signature) {
    return new ProviderNotification(
        psp, original, account, merchant, value, currency, event, "true", signature);
  }

  private static final ProviderNotification ADYEN_EXAMPLE =
      item(
          "7914073381342284",
          "",
          "TestMerchant",
          "TestPayment-1407325143704",
          "1130",
          "EUR",
          "AUTHORISATION",
          "coqCmt/IZ4E3CzPvMY8zTjQVL5hYJUiBRg8UU+iCWo0=");

  private static final ProviderNotification REFUND =
      item(
          "QFQTPCQ8HXSKGK82",
          "V4HZ4RBFJGXXGN82",
          "TonewallMOTO",
          "sale-1.r1",
          "400",
          "GBP",
          "REFUND",
          "prTDVkTbdPfv/7HlRReDkr8AwUO0874PCrukbRtJAOc=");

  @Test
  void signsAdyensPublishedExample() {
    AdyenNotificationSignature signature = AdyenNotificationSignature.withHexKey(KEY);

    assertThat(
        AdyenNotificationSignature.signedText(ADYEN_EXAMPLE),
        is("7914073381342284::TestMerchant:TestPayment-1407325143704:1130:EUR:AUTHORISATION:true"));
    assertThat(signature.sign(ADYEN_EXAMPLE), is("coqCmt/IZ4E3CzPvMY8zTjQVL5hYJUiBRg8UU+iCWo0="));
    assertThat(signature.matches(ADYEN_EXAMPLE), is(true));
  }

  @Test
  void acceptsARefundSignedAsOpensslSignsIt() throws Exception {
    AdyenNotificationSignature signature = AdyenNotificationSignature.withHexKey(KEY);

    assertThat(signature.matches(REFUND), is(true));
    assertThat(signature.sign(REFUND), is(independentHmac(KEY, REFUND)));
  }

  @Test
  void escapesBackslashesAndColonsInFields() {
    ProviderNotification escaped =
        item(
            "QFQTPCQ8HXSKGK82",
            "V4HZ4RBFJGXXGN82",
            "TonewallMOTO",
            "a:b\\c",
            "400",
            "GBP",
            "REFUND_FAILED",
            "SYOqRporlPSJ5i6GLF3tmEoYFTHnhum/9AWZpdYp4NU=");

    assertThat(
        AdyenNotificationSignature.signedText(escaped),
        is("QFQTPCQ8HXSKGK82:V4HZ4RBFJGXXGN82:TonewallMOTO:a\\:b\\\\c:400:GBP:REFUND_FAILED:true"));
    assertThat(AdyenNotificationSignature.withHexKey(KEY).matches(escaped), is(true));
  }

  @Test
  void refusesAnyChangedField() {
    AdyenNotificationSignature signature = AdyenNotificationSignature.withHexKey(KEY);
    ProviderNotification failedInstead =
        new ProviderNotification(
            REFUND.pspReference(),
            REFUND.originalReference(),
            REFUND.merchantAccountCode(),
            REFUND.merchantReference(),
            REFUND.value(),
            REFUND.currency(),
            REFUND.eventCode(),
            "false",
            REFUND.signature());
    ProviderNotification moreMoney =
        new ProviderNotification(
            REFUND.pspReference(),
            REFUND.originalReference(),
            REFUND.merchantAccountCode(),
            REFUND.merchantReference(),
            "40000",
            REFUND.currency(),
            REFUND.eventCode(),
            REFUND.success(),
            REFUND.signature());

    assertThat(signature.matches(failedInstead), is(false));
    assertThat(signature.matches(moreMoney), is(false));
  }

  @Test
  void refusesAnotherKeyAMissingAndAMalformedSignature() {
    String otherKey = "00" + KEY.substring(2);
    assertThat(AdyenNotificationSignature.withHexKey(otherKey).matches(REFUND), is(false));
    AdyenNotificationSignature signature = AdyenNotificationSignature.withHexKey(KEY);
    assertThat(signature.matches(withSignature(REFUND, "")), is(false));
    assertThat(signature.matches(withSignature(REFUND, "not base64 !!")), is(false));
  }

  @Test
  void rejectsAKeyThatIsNotHexWithoutQuotingIt() {
    IllegalArgumentException odd =
        assertThrows(
            IllegalArgumentException.class, () -> AdyenNotificationSignature.withHexKey("ABC"));
    IllegalArgumentException notHex =
        assertThrows(
            IllegalArgumentException.class,
            () -> AdyenNotificationSignature.withHexKey("ZZSECRETZZ"));

    assertThat(odd.getMessage(), containsString("even number of hex digits"));
    assertThat(notHex.getMessage(), not(containsString("SECRET")));
  }

  private static ProviderNotification withSignature(ProviderNotification item, String signature) {
    return new ProviderNotification(
        item.pspReference(),
        item.originalReference(),
        item.merchantAccountCode(),
        item.merchantReference(),
        item.value(),
        item.currency(),
        item.eventCode(),
        item.success(),
        signature);
  }

  /** HMAC-SHA256 computed here with javax.crypto over the fields joined by hand. */
  private static String independentHmac(String hexKey, ProviderNotification item) throws Exception {
    String text =
        String.join(
            ":",
            item.pspReference(),
            item.originalReference(),
            item.merchantAccountCode(),
            item.merchantReference(),
            item.value(),
            item.currency(),
            item.eventCode(),
            item.success());
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(HexFormat.of().parseHex(hexKey), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }
}
