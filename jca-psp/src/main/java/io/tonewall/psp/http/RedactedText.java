package io.tonewall.psp.http;

import java.util.regex.Pattern;

/**
 * Text from a provider made safe to keep: runs of 12 or more digits (possibly separated by spaces
 * or dashes) are masked and the length is capped, in case a provider ever echoes a card number in
 * an error message.
 */
public final class RedactedText {
  private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[ -]?\\d){11,}");
  private static final Pattern SHORT_CODE =
      Pattern.compile("(?i)(cvc|cvv|security code)\\D{0,5}\\d{3,4}");
  private static final int MAX_LENGTH = 200;

  private RedactedText() {}

  /** The text with long digit runs and quoted security codes masked, at most 200 characters. */
  public static String of(String text) {
    if (text == null) {
      return "";
    }
    String masked = DIGIT_RUN.matcher(text).replaceAll("[digits masked]");
    masked = SHORT_CODE.matcher(masked).replaceAll("$1 [masked]");
    return masked.length() <= MAX_LENGTH ? masked : masked.substring(0, MAX_LENGTH);
  }
}
