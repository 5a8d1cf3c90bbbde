package io.tonewall.session.idempotency;

/** Rules for an {@code Idempotency-Key} header value: 1-255 printable ASCII characters. */
public final class IdempotencyKey {

  private IdempotencyKey() {}

  /**
   * The key, when acceptable.
   *
   * @throws InvalidIdempotencyKeyException when it is empty, too long or not printable ASCII
   */
  public static String check(String key) {
    if (key == null || key.isEmpty() || key.length() > 255 || !key.matches("[\\x21-\\x7E]+")) {
      throw new InvalidIdempotencyKeyException();
    }
    return key;
  }
}
