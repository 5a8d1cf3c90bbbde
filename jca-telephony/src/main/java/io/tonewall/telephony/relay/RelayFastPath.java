package io.tonewall.telephony.relay;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether the RTP relay forwards normal-mode RTP in native code ({@link NativeFastPath}) or in Java
 * alone. Secure media is always handled in Java.
 */
public enum RelayFastPath {
  /** Native where the library is built for this platform and loads; Java otherwise. */
  AUTO,
  /** Native, and the relay does not start without it. */
  NATIVE,
  /** Java alone. */
  OFF;

  /**
   * Reads a setting: {@code auto}, {@code native} or {@code off}, in any case.
   *
   * @throws IllegalArgumentException naming the allowed values
   */
  public static RelayFastPath parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "rtpFastPath must be auto, native or off, not '" + text + "'", e);
    }
  }

  /**
   * Whether the native fast path is used on this machine under this setting.
   *
   * @throws IllegalStateException for {@link #NATIVE} where the library cannot be used, saying why
   */
  boolean useNative() {
    if (this == OFF) {
      return false;
    }
    if (this == NATIVE) {
      NativeFastPath.unavailableBecause()
          .ifPresent(
              reason -> {
                throw new IllegalStateException(reason);
              });
    }
    return NativeFastPath.available();
  }

  /** Why the native fast path cannot be used here, or empty when it can. */
  public static Optional<String> nativeUnavailableBecause() {
    return NativeFastPath.unavailableBecause();
  }
}
