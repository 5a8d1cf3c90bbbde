package io.tonewall.telephony.relay;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoopPlacementTest {

  /** A loop by name and its current sessions. */
  private record Loop(String name, int sessions) {}

  @Test
  void fillFirst_choosesTheFirstLoopBelowItsShare() {
    List<Loop> loops = List.of(new Loop("a", 500), new Loop("b", 10), new Loop("c", 0));

    assertThat(LoopPlacement.FILL_FIRST.choose(loops, Loop::sessions).name(), is("b"));
  }

  @Test
  void fillFirst_keepsAQuietRelayOnItsFirstLoop() {
    List<Loop> loops = List.of(new Loop("a", 499), new Loop("b", 0));

    assertThat(LoopPlacement.FILL_FIRST.choose(loops, Loop::sessions).name(), is("a"));
  }

  @Test
  void whenEveryLoopHoldsItsShare_theLeastLoadedTakesTheCall() {
    List<Loop> loops = List.of(new Loop("a", 700), new Loop("b", 520), new Loop("c", 610));

    assertThat(LoopPlacement.FILL_FIRST.choose(loops, Loop::sessions).name(), is("b"));
  }

  @Test
  void spread_choosesTheLeastLoadedFromTheFirstCall() {
    List<Loop> loops = List.of(new Loop("a", 1), new Loop("b", 0));

    assertThat(LoopPlacement.SPREAD.choose(loops, Loop::sessions).name(), is("b"));
  }

  @Test
  void aShareBelowOneCall_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> new LoopPlacement(0));
  }
}
