package io.tonewall.session.webhook;

/** An attempt was recorded on a webhook delivery that was not waiting for one. */
public final class DeliveryNotPendingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DeliveryNotPendingException(String deliveryId, DeliveryState state) {
    super("webhook delivery " + deliveryId + " is " + state + ", not PENDING");
  }
}
