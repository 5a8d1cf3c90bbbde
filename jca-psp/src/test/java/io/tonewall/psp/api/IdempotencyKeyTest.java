package io.tonewall.psp.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "has space", "slash/", "ünïcode"})
  void rejectsKeysProvidersRefuse(String value) {
    assertThrows(InvalidIdempotencyKeyException.class, () -> IdempotencyKey.of(value));
  }

  @Test
  void rejectsKeysLongerThan48_soDerivedKeysFitAdyensLimit() {
    assertThrows(InvalidIdempotencyKeyException.class, () -> IdempotencyKey.of("k".repeat(49)));
    assertThat(
        IdempotencyKey.of("k".repeat(48)).derived("capture").value().length() <= 64, is(true));
  }

  @Test
  void derivesDistinctKeysForFollowUpRequests() {
    IdempotencyKey key = IdempotencyKey.of("order-1");
    assertThat(key.derived("void"), is(IdempotencyKey.of("order-1.void")));
    assertThat(key.derived("void"), not(key.derived("capture")));
  }
}
