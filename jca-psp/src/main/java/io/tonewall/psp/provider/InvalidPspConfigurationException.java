package io.tonewall.psp.provider;

/**
 * A PSP configuration is incomplete or malformed; the message names the setting, never a secret.
 */
public final class InvalidPspConfigurationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidPspConfigurationException(String configuration, String problem) {
    super("PSP configuration '" + configuration + "': " + problem);
  }

  public InvalidPspConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A problem not tied to one configuration (a missing file or directory). */
  public static InvalidPspConfigurationException of(String message) {
    return new InvalidPspConfigurationException(message, (Throwable) null);
  }
}
