package io.tonewall.psp.api;

/**
 * A capture or refund asks for more than remains of the authorised or captured amount. Nothing was
 * sent.
 */
public final class AmountExceedsAuthorisationException extends PspRequestRejectedException {
  private static final long serialVersionUID = 1L;

  public AmountExceedsAuthorisationException(String message) {
    super(message);
  }
}
