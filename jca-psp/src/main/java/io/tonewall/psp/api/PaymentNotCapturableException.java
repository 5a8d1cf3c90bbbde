package io.tonewall.psp.api;

/**
 * The payment is not in a state that allows this operation (e.g. refund before capture, void after
 * capture). Nothing was sent.
 */
public final class PaymentNotCapturableException extends PspRequestRejectedException {
  private static final long serialVersionUID = 1L;

  public PaymentNotCapturableException(String message) {
    super(message);
  }
}
