package io.tonewall.telephony.ivr;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkIdsTest {

  private static final Set<String> LANGUAGES = Set.of("en", "fr");
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), ZoneOffset.UTC);
  private final LinkIds ids = new LinkIds(6, Duration.ofMinutes(30), clock, LANGUAGES);

  @Test
  void allocatesDigitsOfTheConfiguredLength_uniqueAmongLiveIds() {
    // when
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      seen.add(ids.allocate("session-" + i, "en"));
    }

    // then
    assertThat(seen.size(), is(2000));
    assertThat(seen.stream().allMatch(id -> id.matches("[0-9]{6}")), is(true));
    assertThat(ids.outstanding(), is(2000));
  }

  @Test
  void redeemsOnce_withTheSessionAndLanguage() {
    // given
    String id = ids.allocate("session-1", "fr");

    // when
    Optional<IvrLink> first = ids.redeem(id);
    Optional<IvrLink> second = ids.redeem(id);

    // then
    assertThat(first, is(Optional.of(new IvrLink("session-1", "fr"))));
    assertThat(second, is(Optional.empty()));
  }

  @Test
  void aNewerIdReplacesTheSessionsOlderOne() {
    // given
    String older = ids.allocate("session-1", "en");

    // when
    String newer = ids.allocate("session-1", "en");

    // then
    assertThat(newer, is(not(older)));
    assertThat(ids.redeem(older), is(Optional.empty()));
    assertThat(ids.redeem(newer).isPresent(), is(true));
  }

  @Test
  void refusesAnUnknownLanguage_namingTheSupportedOnes() {
    // when
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> ids.allocate("session-1", "xx"));

    // then
    assertThat(error.getMessage(), containsString("[en, fr]"));
    assertThat(error.getMessage(), not(containsString("session-1")));
  }

  @Test
  void expiresAfterItsLifetime() {
    // given
    Instant[] now = {Instant.parse("2026-11-23T01:00:00Z")};
    Clock moving =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now[0];
          }
        };
    LinkIds expiring = new LinkIds(6, Duration.ofMinutes(30), moving, LANGUAGES);
    String id = expiring.allocate("session-1", "en");

    // when
    now[0] = now[0].plus(Duration.ofMinutes(29));
    int before = expiring.outstanding();
    now[0] = now[0].plus(Duration.ofMinutes(2));

    // then
    assertThat(before, is(1));
    assertThat(expiring.redeem(id), is(Optional.empty()));
  }

  @Test
  void isWithdrawnByItsOwnSessionOnly_andRefusesABadLength() {
    // given
    String id = ids.allocate("session-1", "en");
    String other = ids.allocate("session-2", "en");

    // when
    ids.withdraw("session-9", id);
    ids.withdraw("session-2", other);

    // then
    assertThat(ids.redeem(id).isPresent(), is(true));
    assertThat(ids.redeem(other), is(Optional.empty()));
    assertThrows(
        IllegalArgumentException.class, () -> new LinkIds(3, Duration.ZERO, clock, LANGUAGES));
  }
}
