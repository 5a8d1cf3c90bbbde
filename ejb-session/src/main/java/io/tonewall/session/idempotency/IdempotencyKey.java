package io.tonewall.session.idempotency;

import io.tonewall.session.domain.CardNumberGuard;

/**
 * Rules for an {@code Idempotency-Key} header value: 1-255 printable ASCII characters, holding no
 * likely card number (keys are stored, and card digits never are).
 */
public final class IdempotencyKey {

  private IdempotencyKey() {}

  /**
   * The key, when acceptable.
   *
   * @throws InvalidIdempotencyKeyException when it is empty, too long, not printable ASCII or holds
   *     a likely card number
   */
  public static String check(String key) {
    if (key == null || key.isEmpty() || key.length() > 255 || !key.matches("[\\x21-\\x7E]+")) {
      throw new InvalidIdempotencyKeyException(
          "Idempotency-Key must be 1-255 printable ASCII characters without spaces");
    }
    if (CardNumberGuard.containsCardNumber(key)) {
      throw new InvalidIdempotencyKeyException(
          "Idempotency-Key looks like it holds a card number; use a random value such as a UUID");
    }
    return key;
  }
}
