package io.tonewall.telephony.api;

import java.io.NotSerializableException;
import java.io.ObjectStreamException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The card digits captured on a call, leaving the telephony adapter at processing time. The only
 * way to read them is {@link #handOver}, once: the digits are passed as {@code char[]} arrays and
 * wiped when the receiver returns. {@link #close()} wipes them unused; the adapter also wipes them
 * when the call ends. Not serialisable ({@code writeReplace} refuses even if a serialiser tries);
 * {@link #toString()} shows at most the first six and last four digits of the number.
 *
 * <p>Thread-safe. Never keep one in a field of a stateful bean, an entity or anything passivated.
 */
public final class CapturedCard implements AutoCloseable {

  private final Map<CardField, char[]> fields;
  private final String brand;
  private final String masked;
  private boolean used;

  private CapturedCard(Map<CardField, char[]> fields, String brand, String masked) {
    this.fields = fields;
    this.brand = brand;
    this.masked = masked;
  }

  /**
   * Takes ownership of the arrays in {@code fields} (the caller must not keep them). The number is
   * required.
   *
   * @throws IllegalArgumentException without a number
   */
  public static CapturedCard of(Map<CardField, char[]> fields, String brand) {
    char[] number = fields.get(CardField.NUMBER);
    if (number == null || number.length < 10) {
      throw new IllegalArgumentException("a captured card needs a card number");
    }
    StringBuilder masked = new StringBuilder(number.length);
    for (int i = 0; i < number.length; i++) {
      masked.append(i < 6 || i >= number.length - 4 ? number[i] : '*');
    }
    return new CapturedCard(new EnumMap<>(fields), brand, masked.toString());
  }

  /** The card brand, for example {@code VISA}. */
  public String brand() {
    return brand;
  }

  /** Whether {@code field} was captured. */
  public synchronized boolean has(CardField field) {
    return !used && fields.containsKey(field);
  }

  /**
   * Passes the digits to {@code receiver}, then wipes them, whatever the receiver does.
   *
   * @throws IllegalStateException when the card was handed over or closed already
   * @throws CardHandOverException wrapping what the receiver threw (its message never carries
   *     digits from here)
   */
  public synchronized void handOver(CardReceiver receiver) throws CardHandOverException {
    if (used) {
      throw new IllegalStateException("the card was handed over or closed already");
    }
    used = true;
    CardFields view = new CardFields(fields);
    try {
      receiver.receive(view);
    } catch (Exception e) {
      throw new CardHandOverException("the card receiver failed", e);
    } finally {
      view.close();
      wipe();
    }
  }

  /** Wipes the digits unused. Idempotent. */
  @Override
  public synchronized void close() {
    used = true;
    wipe();
  }

  /** Whether the digits are gone (handed over or closed). */
  public synchronized boolean wiped() {
    return used && fields.isEmpty();
  }

  private void wipe() {
    for (char[] digits : fields.values()) {
      Arrays.fill(digits, '\0');
    }
    fields.clear();
  }

  private Object writeReplace() throws ObjectStreamException {
    throw new NotSerializableException("CapturedCard holds card data and is never serialised");
  }

  @Override
  public String toString() {
    return "CapturedCard[" + Optional.ofNullable(brand).orElse("?") + " " + masked + "]";
  }
}
