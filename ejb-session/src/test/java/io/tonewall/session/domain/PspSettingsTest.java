package io.tonewall.session.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PspSettingsTest {

  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final Instant T1 = T0.plusSeconds(60);

  @Test
  void aDiscoveredConfiguration_isAvailableAndEnabled_withItsInitialSurcharge() {
    // when
    PspSettings settings = PspSettings.discovered("stripe-uk", "STRIPE", 150, T0);

    // then
    assertThat(settings.available(), is(true));
    assertThat(settings.enabled(), is(true));
    assertThat(settings.surchargeBasisPoints(), is(150));
    assertThat(settings.provider(), is("STRIPE"));
    settings.requireUsable();
  }

  @Test
  void aDisabledConfiguration_refusesNewSessions_namingWhy() {
    // given
    PspSettings settings = PspSettings.discovered("stripe-uk", "STRIPE", 0, T0);

    // when
    settings.change(false, 0, T1);

    // then
    InvalidSessionInputException refused =
        assertThrows(InvalidSessionInputException.class, settings::requireUsable);
    assertThat(refused.getMessage(), containsString("disabled by an administrator"));
    assertThat(settings.updatedAt(), is(T1));
  }

  @Test
  void aConfigurationTheAdapterNoLongerOffers_refusesNewSessions_andComesBackWhenOffered() {
    // given
    PspSettings settings = PspSettings.discovered("adyen-eu", "ADYEN", 0, T0);

    // when
    settings.offeredByAdapter(false, "ADYEN", T1);

    // then
    InvalidSessionInputException refused =
        assertThrows(InvalidSessionInputException.class, settings::requireUsable);
    assertThat(refused.getMessage(), containsString("no longer offered"));

    // when
    settings.offeredByAdapter(true, "ADYEN", T1);

    // then
    settings.requireUsable();
    assertThat(settings.available(), is(true));
  }

  @Test
  void aSurchargeOutOfRange_isRefused_andTheSettingsStayAsTheyWere() {
    // given
    PspSettings settings = PspSettings.discovered("sandbox", "SANDBOX", 100, T0);

    // when
    InvalidSessionInputException tooHigh =
        assertThrows(InvalidSessionInputException.class, () -> settings.change(true, 1_001, T1));
    assertThrows(InvalidSessionInputException.class, () -> settings.change(false, -1, T1));

    // then
    assertThat(tooHigh.getMessage(), containsString("0 to 1000 basis points"));
    assertThat(settings.surchargeBasisPoints(), is(100));
    assertThat(settings.enabled(), is(true));
    assertThat(settings.updatedAt(), is(T0));
    assertThrows(
        InvalidSessionInputException.class,
        () -> PspSettings.discovered("sandbox", "SANDBOX", 5_000, T0));
  }
}
