package io.tonewall.telephony.api;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The captured fields of a card during {@link CardReceiver#receive}: each as a {@code char[]} of
 * digits that is wiped when the callback returns. Not serialisable; its {@code toString()} shows
 * only which fields are present.
 */
public final class CardFields {

  private final Map<CardField, char[]> fields;
  private boolean open = true;

  CardFields(Map<CardField, char[]> fields) {
    this.fields = new EnumMap<>(fields);
  }

  /**
   * The digits of {@code field}, when captured.
   *
   * @throws IllegalStateException after the callback returned
   */
  public Optional<char[]> digits(CardField field) {
    if (!open) {
      throw new IllegalStateException("card fields are only readable during the hand-over");
    }
    return Optional.ofNullable(fields.get(field));
  }

  void close() {
    open = false;
    fields.clear();
  }

  @Override
  public String toString() {
    return "CardFields" + fields.keySet();
  }
}
