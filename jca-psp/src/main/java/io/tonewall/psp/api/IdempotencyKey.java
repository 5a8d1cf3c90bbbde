package io.tonewall.psp.api;

import java.util.UUID;

/**
 * The key that makes a request safe to repeat: providers answer a repeated key with the first
 * answer instead of acting twice. Letters, digits, {@code -}, {@code _}, {@code .} and {@code :}; 1
 * to 48 characters, leaving room for the suffixes the adapter appends for follow-up requests (void
 * on rollback, capture on commit), which stay within the 64 characters Adyen accepts.
 *
 * @param value the key
 */
public record IdempotencyKey(String value) {
  public static final int MAX_LENGTH = 48;

  public IdempotencyKey {
    if (value == null || value.isEmpty() || value.length() > 64) {
      throw new InvalidIdempotencyKeyException("idempotency key must have 1 to 48 characters");
    }
    if (!value.matches("[A-Za-z0-9_.:-]+")) {
      throw new InvalidIdempotencyKeyException(
          "idempotency key may contain letters, digits, '-', '_', '.' and ':' only");
    }
  }

  /**
   * A key chosen by the caller.
   *
   * @throws InvalidIdempotencyKeyException if empty, longer than 48 or with other characters
   */
  public static IdempotencyKey of(String value) {
    if (value != null && value.length() > MAX_LENGTH) {
      throw new InvalidIdempotencyKeyException("idempotency key must have 1 to 48 characters");
    }
    return new IdempotencyKey(value);
  }

  /** A fresh random key. */
  public static IdempotencyKey random() {
    return new IdempotencyKey(UUID.randomUUID().toString());
  }

  /** The key of a follow-up request derived from this one, e.g. {@code "void"}. */
  public IdempotencyKey derived(String suffix) {
    return new IdempotencyKey(value + "." + suffix);
  }

  @Override
  public String toString() {
    return value;
  }
}
