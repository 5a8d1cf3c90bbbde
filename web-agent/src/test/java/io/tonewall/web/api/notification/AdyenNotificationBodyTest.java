package io.tonewall.web.api.notification;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewall.session.notification.NotificationItem;
import io.tonewall.web.api.InvalidRequestException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reading Adyen's standard notification body: the fields Adyen signs, verbatim, and nothing else.
 */
class AdyenNotificationBodyTest {

  private static final String CARD = "4111111111111111";

  /** Adyen's published example item, with a refund's original reference and additional data. */
  private static final String REFUND =
      """
      {"live":"false","notificationItems":[{"NotificationRequestItem":{
        "additionalData":{"hmacSignature":"prTDVkTbdPfv/7HlRReDkr8AwUO0874PCrukbRtJAOc=",
          "cardSummary":"1111","cardBin":"411111","expiryDate":"03/2030","paymentMethodVariant":"visa"},
        "amount":{"currency":"GBP","value":400},
        "eventCode":"REFUND","eventDate":"2026-11-23T05:00:00+01:00",
        "merchantAccountCode":"TonewallMOTO","merchantReference":"sale-1.r1",
        "originalReference":"V4HZ4RBFJGXXGN82","paymentMethod":"visa",
        "pspReference":"QFQTPCQ8HXSKGK82","reason":"","success":"true"}}]}
      """;

  @Test
  void readsTheSignedFieldsOfAnItem() {
    AdyenNotificationBody body = AdyenNotificationBody.parse(REFUND);

    assertThat(body.live(), is(Optional.of(false)));
    assertThat(body.items(), hasSize(1));
    NotificationItem item = body.items().get(0);
    assertThat(item.pspReference(), is("QFQTPCQ8HXSKGK82"));
    assertThat(item.originalReference(), is("V4HZ4RBFJGXXGN82"));
    assertThat(item.merchantAccountCode(), is("TonewallMOTO"));
    assertThat(item.merchantReference(), is("sale-1.r1"));
    assertThat(item.value(), is("400"));
    assertThat(item.currency(), is("GBP"));
    assertThat(item.eventCode(), is("REFUND"));
    assertThat(item.success(), is("true"));
    assertThat(item.reason(), is(Optional.empty()));
    assertThat(item.signature(), is("prTDVkTbdPfv/7HlRReDkr8AwUO0874PCrukbRtJAOc="));
  }

  @Test
  void takesAbsentOptionalFieldsAsEmpty_andBooleansAsTheirText() {
    AdyenNotificationBody body =
        AdyenNotificationBody.parse(
            "{\"live\":true,\"notificationItems\":[{\"NotificationRequestItem\":{"
                + "\"eventCode\":\"REPORT_AVAILABLE\",\"pspReference\":\"ABC123\","
                + "\"merchantAccountCode\":\"M\",\"success\":false}}]}");

    NotificationItem item = body.items().get(0);
    assertThat(body.live(), is(Optional.of(true)));
    assertThat(item.success(), is("false"));
    assertThat(item.originalReference(), is(""));
    assertThat(item.merchantReference(), is(""));
    assertThat(item.value(), is(""));
    assertThat(item.currency(), is(""));
    assertThat(item.signature(), is(""));
  }

  @Test
  void readsEveryItemOfABatch() {
    String item =
        "{\"NotificationRequestItem\":{\"eventCode\":\"REFUND\",\"pspReference\":\"P%d\","
            + "\"merchantAccountCode\":\"M\",\"success\":\"true\"}}";
    AdyenNotificationBody body =
        AdyenNotificationBody.parse(
            "{\"notificationItems\":[" + item.formatted(1) + "," + item.formatted(2) + "]}");

    assertThat(body.items(), hasSize(2));
    assertThat(body.items().get(1).pspReference(), is("P2"));
    assertThat(body.live(), is(Optional.empty()));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json " + CARD + " | the body is not valid JSON",
        "['" + CARD + "'] | the body must be a JSON object",
        "{} | notificationItems must be an array",
        "{'notificationItems':[]} | must hold 1 to 100 items",
        "{'notificationItems':['" + CARD + "']} | notificationItems[0] must be an object",
        "{'live':'" + CARD + "','notificationItems':[{}]} | live must be",
        "{'notificationItems':[{'NotificationRequestItem':{'pspReference':'P','merchantAccountCode':'M','success':'true'}}]} | eventCode is missing",
        "{'notificationItems':[{'NotificationRequestItem':{'eventCode':'REFUND','merchantAccountCode':'M','success':'true'}}]} | pspReference is missing",
        "{'notificationItems':[{'NotificationRequestItem':{'eventCode':'REFUND','pspReference':'P','success':'true'}}]} | merchantAccountCode is missing",
        "{'notificationItems':[{'NotificationRequestItem':{'eventCode':'REFUND','pspReference':'P','merchantAccountCode':'M'}}]} | success is missing",
        "{'notificationItems':[{'NotificationRequestItem':{'eventCode':'REFUND','pspReference':'P','merchantAccountCode':'M','success':'"
            + CARD
            + "'}}]} | success must be",
        "{'notificationItems':[{'NotificationRequestItem':{'eventCode':'REFUND','pspReference':"
            + CARD
            + ",'merchantAccountCode':'M','success':'true'}}]} | pspReference must be a string",
        "{'notificationItems':[{'NotificationRequestItem':{'eventCode':'REFUND','pspReference':'"
            + CARD
            + " x','merchantAccountCode':'M','success':'true'}}]} | pspReference must be 1 to 64",
        "{'notificationItems':[{'NotificationRequestItem':{'eventCode':'REFUND','pspReference':'P','merchantAccountCode':'M','success':'true','amount':{'value':'"
            + CARD
            + "','currency':'GBP'}}}]} | amount.value must be a whole number",
        "{'notificationItems':[{'NotificationRequestItem':{'eventCode':'REFUND','pspReference':'P','merchantAccountCode':'M','success':'true','amount':{'value':-1,'currency':'GBP'}}}]} | amount.value must not be negative",
        "{'notificationItems':[{'NotificationRequestItem':{'eventCode':'REFUND','pspReference':'P','merchantAccountCode':'M','success':'true','amount':"
            + CARD
            + "}}]} | amount must be an object",
        "{'notificationItems':[{'NotificationRequestItem':{'eventCode':'REFUND','pspReference':'P','merchantAccountCode':'M','success':'true','additionalData':'"
            + CARD
            + "'}}]} | additionalData must be an object",
        "{'notificationItems':[{'NotificationRequestItem':{'eventCode':'REFUND','pspReference':'P','merchantAccountCode':'M','success':'true','reason':"
            + CARD
            + "}}]} | reason must be a string"
      })
  void refusesWhatIsNotANotificationWithoutEchoingIt(String body, String message) {
    InvalidRequestException refused =
        assertThrows(
            InvalidRequestException.class,
            () -> AdyenNotificationBody.parse(body.replace('\'', '"')));

    assertThat(refused.getMessage(), containsString(message));
    assertThat(refused.getMessage(), not(containsString("411111")));
  }

  @Test
  void refusesAnEmptyBody() {
    assertThrows(InvalidRequestException.class, () -> AdyenNotificationBody.parse(""));
  }

  @Test
  void readsBasicCredentials_andNothingElse() {
    String header =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString("adyen:pa:ss".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(
        BasicCredentials.of(header), is(Optional.of(new BasicCredentials("adyen", "pa:ss"))));
    assertThat(BasicCredentials.of("Bearer x"), is(Optional.empty()));
    assertThat(BasicCredentials.of("Basic !!!"), is(Optional.empty()));
    assertThat(BasicCredentials.of(null), is(Optional.empty()));
    assertThat(BasicCredentials.of(header).orElseThrow().toString(), not(containsString("pa:ss")));
  }
}
