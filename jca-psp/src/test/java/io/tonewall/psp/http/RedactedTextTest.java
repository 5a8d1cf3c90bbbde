package io.tonewall.psp.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactedTextTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Card 4242424242424242 declined | Card [digits masked] declined",
        "Card 4242 4242 4242 4242 declined | Card [digits masked] declined",
        "Card 4242-4242-4242-4242 declined | Card [digits masked] declined",
        "Invalid CVC: 737 | Invalid CVC [masked]",
        "security code 1234 wrong | security code [masked] wrong",
        "HTTP 422 101: Invalid card number | HTTP 422 101: Invalid card number"
      })
  void masksCardNumbersAndSecurityCodes_butKeepsShortCodes(String text, String expected) {
    assertThat(RedactedText.of(text), is(expected));
  }
}
