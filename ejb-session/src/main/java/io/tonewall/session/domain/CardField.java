package io.tonewall.session.domain;

import java.util.Locale;

/**
 * A card field the caller keys (never an agent): its name on the API, how many digits it may have
 * and how many it needs at least. The digits themselves stay in the telephony adapter.
 */
public enum CardField {
  NUMBER("number", 12, 19),
  EXPIRY("expiry", 4, 4),
  SECURITY_CODE("securityCode", 3, 4);

  private final String apiName;
  private final int minDigits;
  private final int maxDigits;

  CardField(String apiName, int minDigits, int maxDigits) {
    this.apiName = apiName;
    this.minDigits = minDigits;
    this.maxDigits = maxDigits;
  }

  /** The field's name on the API, e.g. {@code securityCode}. */
  public String apiName() {
    return apiName;
  }

  /** The fewest digits a complete field has. */
  public int minDigits() {
    return minDigits;
  }

  /** The digit limit: capture stops there even without the terminator. */
  public int maxDigits() {
    return maxDigits;
  }

  /**
   * The field with this API name ({@code number}, {@code expiry}, {@code securityCode}); the enum
   * name is accepted too.
   *
   * @throws InvalidSessionInputException when no card field has it
   */
  public static CardField fromApiName(String name) {
    for (CardField field : values()) {
      if (field.apiName.equals(name) || field.name().equals(name.toUpperCase(Locale.ROOT))) {
        return field;
      }
    }
    throw new InvalidSessionInputException(
        "card field must be one of number, expiry, securityCode");
  }
}
