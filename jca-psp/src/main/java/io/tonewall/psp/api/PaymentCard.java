package io.tonewall.psp.api;

import io.tonewall.psp.spi.CardAccess;
import io.tonewall.psp.spi.CardSink;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.util.Arrays;

/**
 * A payment card's number, expiry and security code for the short time they travel to a provider.
 *
 * <p>Not {@code Serializable} on purpose (and {@code writeReplace}/{@code writeObject} refuse, in
 * case a subclass of a serialising framework tries). The digits live in {@code char} arrays that
 * {@link #close()} overwrites; the factory copies the caller's arrays, so the caller wipes its own.
 * {@link #toString()} shows at most the first six and the last four digits. There is no public
 * getter of the full number or the security code: provider serialisers in {@code
 * io.tonewall.psp.provider.*} read them through {@link CardAccess}, a door that checks its caller.
 */
public final class PaymentCard implements AutoCloseable {

  static {
    CardAccess.install(new Door());
  }

  private final char[] number;
  private final char[] expiryMonth;
  private final char[] expiryYear;
  private final char[] securityCode;
  private final String firstSix;
  private final String lastFour;
  private final CardBrand brand;
  private volatile boolean wiped;

  private PaymentCard(char[] number, char[] month, char[] year, char[] securityCode) {
    this.number = number;
    this.expiryMonth = month;
    this.expiryYear = year;
    this.securityCode = securityCode;
    this.firstSix = new String(number, 0, 6);
    this.lastFour = new String(number, number.length - 4, 4);
    this.brand = CardBrand.fromLeadingDigits(number);
  }

  /**
   * Validates and copies card details.
   *
   * @param pan 12 to 19 digits passing the Luhn check
   * @param expiryMmYy {@code MMYY} or {@code MM/YY}
   * @param securityCode 3 or 4 digits
   * @throws InvalidCardNumberException if the number has a wrong length, a non-digit or fails Luhn
   * @throws InvalidExpiryException if the expiry is not a month 01-12 followed by a two-digit year
   * @throws InvalidSecurityCodeException if the security code is not 3 or 4 digits
   */
  public static PaymentCard of(char[] pan, char[] expiryMmYy, char[] securityCode) {
    if (pan == null || pan.length < 12 || pan.length > 19) {
      throw new InvalidCardNumberException("card number must have 12 to 19 digits");
    }
    if (!allDigits(pan)) {
      throw new InvalidCardNumberException("card number must contain digits only");
    }
    if (!passesLuhn(pan)) {
      throw new InvalidCardNumberException("card number fails the Luhn check");
    }
    char[] expiry = expiryDigits(expiryMmYy);
    int month = (expiry[0] - '0') * 10 + (expiry[1] - '0');
    if (month < 1 || month > 12) {
      Arrays.fill(expiry, '\0');
      throw new InvalidExpiryException("expiry month must be 01 to 12");
    }
    if (securityCode == null
        || securityCode.length < 3
        || securityCode.length > 4
        || !allDigits(securityCode)) {
      Arrays.fill(expiry, '\0');
      throw new InvalidSecurityCodeException("security code must be 3 or 4 digits");
    }
    char[] yearOfCentury = {expiry[2], expiry[3]};
    char[] monthDigits = {expiry[0], expiry[1]};
    Arrays.fill(expiry, '\0');
    return new PaymentCard(pan.clone(), monthDigits, fullYear(yearOfCentury), securityCode.clone());
  }

  /** The first six digits (the BIN), which may be stored and shown. */
  public String firstSix() {
    return firstSix;
  }

  /** The last four digits, which may be stored and shown. */
  public String lastFour() {
    return lastFour;
  }

  /** The scheme recognised from the BIN. */
  public CardBrand brand() {
    return brand;
  }

  /** Whether {@link #close()} has wiped the digits. */
  public boolean isWiped() {
    return wiped;
  }

  /** Overwrites number, expiry and security code. Idempotent. */
  @Override
  public void close() {
    wiped = true;
    Arrays.fill(number, '\0');
    Arrays.fill(expiryMonth, '\0');
    Arrays.fill(expiryYear, '\0');
    Arrays.fill(securityCode, '\0');
  }

  /** Masked form: brand, first six, asterisks, last four. */
  @Override
  public String toString() {
    return "PaymentCard["
        + brand
        + " "
        + firstSix
        + "*".repeat(Math.max(0, number.length - 10))
        + lastFour
        + (wiped ? " wiped" : "")
        + "]";
  }

  private Object writeReplace() throws NotSerializableException {
    throw new NotSerializableException("PaymentCard must never be serialised");
  }

  private void writeObject(ObjectOutputStream out) throws NotSerializableException {
    throw new NotSerializableException("PaymentCard must never be serialised");
  }

  private void requireNotWiped() {
    if (wiped) {
      throw new IllegalStateException("card data already wiped");
    }
  }

  private static char[] expiryDigits(char[] expiry) {
    if (expiry != null && expiry.length == 4 && allDigits(expiry)) {
      return expiry.clone();
    }
    if (expiry != null && expiry.length == 5 && expiry[2] == '/') {
      char[] digits = {expiry[0], expiry[1], expiry[3], expiry[4]};
      if (allDigits(digits)) {
        return digits;
      }
      Arrays.fill(digits, '\0');
    }
    throw new InvalidExpiryException("expiry must be MMYY or MM/YY");
  }

  private static char[] fullYear(char[] yearOfCentury) {
    return new char[] {'2', '0', yearOfCentury[0], yearOfCentury[1]};
  }

  private static boolean allDigits(char[] chars) {
    for (char c : chars) {
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean passesLuhn(char[] digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length - 1; i >= 0; i--) {
      int d = digits[i] - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  private static void write(char[] chars, CardSink sink) {
    for (char c : chars) {
      sink.append(c);
    }
  }

  /** The only code that reads the digits; handed to {@link CardAccess} once. */
  private static final class Door implements CardAccess.Reader {
    @Override
    public void writeNumber(PaymentCard card, CardSink sink) {
      card.requireNotWiped();
      write(card.number, sink);
    }

    @Override
    public void writeSecurityCode(PaymentCard card, CardSink sink) {
      card.requireNotWiped();
      write(card.securityCode, sink);
    }

    @Override
    public void writeExpiryMonth(PaymentCard card, CardSink sink) {
      card.requireNotWiped();
      write(card.expiryMonth, sink);
    }

    @Override
    public void writeExpiryYear(PaymentCard card, CardSink sink) {
      card.requireNotWiped();
      write(card.expiryYear, sink);
    }

    @Override
    public int numberLength(PaymentCard card) {
      return card.number.length;
    }
  }
}
