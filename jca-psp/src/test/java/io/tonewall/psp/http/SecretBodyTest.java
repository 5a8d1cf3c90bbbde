package io.tonewall.psp.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretBodyTest {

  private static String text(SecretBody body) {
    return new String(body.bytes(), 0, body.length(), StandardCharsets.UTF_8);
  }

  @Test
  void encodesFormFieldsAndJoinsThemWithAmpersands() {
    // when
    SecretBody body =
        new SecretBody().formField("metadata[key]", "a b&c").formField("currency", "gbp");

    // then
    assertThat(text(body), is("metadata%5Bkey%5D=a+b%26c&currency=gbp"));
  }

  @Test
  void growsBeyondItsFirstBuffer() {
    // given
    SecretBody body = new SecretBody();

    // when
    for (int i = 0; i < 2000; i++) {
      body.append('7');
    }

    // then
    assertThat(body.length(), is(2000));
    assertThat(text(body), is("7".repeat(2000)));
  }

  @Test
  void acceptsOnlyDigitsAsCardData() {
    assertThrows(IllegalArgumentException.class, () -> new SecretBody().append('"'));
  }

  @Test
  void showsOnlyItsLength() {
    SecretBody body = new SecretBody().text("4242424242424242");
    assertThat(body.toString(), is("SecretBody[16 bytes]"));
  }
}
