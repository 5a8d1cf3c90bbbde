package io.tonewall.web.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PageQueryTest {

  @Test
  void readsPageAndSize_withDefaults() {
    assertThat(PageQuery.of(null, null, 20, 100), is(new PageQuery(0, 20)));
    assertThat(PageQuery.of("3", "50", 20, 100), is(new PageQuery(3, 50)));
    assertThat(PageQuery.of("3", "50", 20, 100).offset(), is(150));
  }

  @Test
  void refusesValuesOutOfRangeOrNotNumbers_withoutRepeatingThem() {
    // when
    String cardAsPage =
        assertThrows(
                InvalidRequestException.class,
                () -> PageQuery.of("4242424242424242", null, 20, 100))
            .getMessage();
    String cardAsSize =
        assertThrows(
                InvalidRequestException.class,
                () -> PageQuery.of(null, "4111111111111111", 20, 100))
            .getMessage();

    // then
    assertThat(cardAsPage, is("page must be a whole number from 0 to 100000"));
    assertThat(cardAsSize, is("size must be a whole number from 1 to 100"));
    assertThrows(InvalidRequestException.class, () -> PageQuery.of("-1", null, 20, 100));
    assertThrows(InvalidRequestException.class, () -> PageQuery.of(null, "0", 20, 100));
    assertThrows(InvalidRequestException.class, () -> PageQuery.of(null, "101", 20, 100));
    assertThrows(InvalidRequestException.class, () -> PageQuery.of("1e3", null, 20, 100));
  }
}
