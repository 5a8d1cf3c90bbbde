package io.tonewall.telephony.ivr;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IvrRouteTest {

  @ParameterizedTest(name = "user {0} link {1} -> {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "pay,       -,      IVR",
        "pay-123456, -,     IVR 123456",
        "pay,       654321, IVR 654321",
        "sales,     777777, IVR 777777",
        "-,         123456, IVR 123456",
        "sales,     -,      RELAY",
        "paying,    -,      RELAY",
        "pay-12a4,  -,      RELAY",
        "pay-,      -,      RELAY",
        "PAY,       -,      RELAY",
        "sales,     12ab,   RELAY",
        "-,         -,      RELAY"
      })
  void routesByTheRequestUri(String user, String link, String expected) {
    // when
    Optional<IvrRoute> route =
        IvrRoute.of(Optional.ofNullable(user), Optional.ofNullable(link), "pay");

    // then
    String verdict = route.map(r -> ("IVR " + r.linkId().orElse("")).trim()).orElse("RELAY");
    assertThat(verdict, is(expected));
  }
}
