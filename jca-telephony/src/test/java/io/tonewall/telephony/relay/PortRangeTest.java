package io.tonewall.telephony.relay;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortRangeTest {

  @Test
  void handsOutEvenPorts_eachPairOnce_untilFull() {
    // given
    PortRange range = PortRange.of(20001, 20010);
    Set<Integer> taken = new HashSet<>();

    // when
    for (int i = 0; i < range.capacity(); i++) {
      taken.add(range.take().orElseThrow());
    }

    // then
    assertThat(range.capacity(), is(4));
    assertThat(taken, is(Set.of(20002, 20004, 20006, 20008)));
    assertThat(range.take(), is(OptionalInt.empty()));
    assertThat(range.portsInUse(), is(8));
  }

  @Test
  void reusesReleasedPair_onlyAfterTheOthers() {
    // given
    PortRange range = PortRange.of(20000, 20005);
    int first = range.take().orElseThrow();

    // when
    range.release(first);
    int second = range.take().orElseThrow();
    int third = range.take().orElseThrow();
    int fourth = range.take().orElseThrow();

    // then
    assertThat(second, is(20002));
    assertThat(third, is(20004));
    assertThat(fourth, is(20000));
    assertThat(range.portsInUse(), is(6));
  }

  @Test
  void refusesToReleaseAPortThatIsNotTaken() {
    // given
    PortRange range = PortRange.of(20000, 20009);
    range.take();

    // then
    assertThrows(IllegalArgumentException.class, () -> range.release(20002));
    assertThrows(IllegalArgumentException.class, () -> range.release(20001));
    assertThrows(IllegalArgumentException.class, () -> range.release(30000));
  }

  @Test
  void refusesRangeWithoutAPair() {
    assertThrows(IllegalArgumentException.class, () -> PortRange.of(20001, 20001));
  }
}
