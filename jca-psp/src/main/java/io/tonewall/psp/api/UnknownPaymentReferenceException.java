package io.tonewall.psp.api;

/**
 * The adapter knows no payment with this provider reference (query its status first if it was made
 * before a restart). Nothing was sent.
 */
public final class UnknownPaymentReferenceException extends PspRequestRejectedException {
  private static final long serialVersionUID = 1L;

  public UnknownPaymentReferenceException(String message) {
    super(message);
  }
}
