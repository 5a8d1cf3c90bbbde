package io.tonewall.psp.spi;

import io.tonewall.psp.api.PaymentCard;

/**
 * The narrow door through which provider serialisers read the digits of a {@link PaymentCard}.
 *
 * <p>{@code PaymentCard} has no public getter of its number or security code. When its class is
 * initialised it installs a {@link Reader} here (the same pattern as the JDK's {@code
 * SharedSecrets}). {@link #reader()} hands that reader only to callers in {@code
 * io.tonewall.psp.provider.*} loaded by the adapter's own class loader, and refuses everyone else,
 * so an application that holds a card cannot read it back. This class is adapter-internal and not
 * part of the documented API.
 */
public final class CardAccess {
  private static final String PROVIDER_PACKAGES = "io.tonewall.psp.provider.";
  private static final StackWalker WALKER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
  private static volatile Reader installed;

  private CardAccess() {}

  /** Reads the card fields into a sink; implemented once, inside {@code PaymentCard}. */
  public interface Reader {
    void writeNumber(PaymentCard card, CardSink sink);

    void writeSecurityCode(PaymentCard card, CardSink sink);

    /** Two digits, {@code 01}-{@code 12}. */
    void writeExpiryMonth(PaymentCard card, CardSink sink);

    /** Four digits, e.g. {@code 2030}. */
    void writeExpiryYear(PaymentCard card, CardSink sink);

    int numberLength(PaymentCard card);
  }

  /**
   * Called once by {@code PaymentCard}'s static initialiser.
   *
   * @throws IllegalStateException if a reader is already installed
   */
  public static synchronized void install(Reader reader) {
    Class<?> caller = WALKER.getCallerClass();
    if (installed != null || caller != PaymentCard.class) {
      throw new IllegalStateException("card access is installed by PaymentCard only");
    }
    installed = reader;
  }

  /**
   * The reader, for provider serialisers only.
   *
   * @throws SecurityException if the caller is not a provider class of this adapter
   */
  public static Reader reader() {
    Class<?> caller = WALKER.getCallerClass();
    if (!caller.getName().startsWith(PROVIDER_PACKAGES)
        || caller.getClassLoader() != CardAccess.class.getClassLoader()) {
      throw new SecurityException("card digits are readable by PSP provider serialisers only");
    }
    Reader reader = installed;
    if (reader == null) {
      forceInitialisation();
      reader = installed;
    }
    return reader;
  }

  private static void forceInitialisation() {
    try {
      Class.forName(PaymentCard.class.getName(), true, PaymentCard.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("PaymentCard class not loadable", e);
    }
  }
}
