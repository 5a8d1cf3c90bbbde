package io.tonewall.psp.api;

/** No PSP configuration has this id. Nothing was sent. */
public final class UnknownPspConfigurationException extends PspRequestRejectedException {
  private static final long serialVersionUID = 1L;

  public UnknownPspConfigurationException(String message) {
    super(message);
  }
}
