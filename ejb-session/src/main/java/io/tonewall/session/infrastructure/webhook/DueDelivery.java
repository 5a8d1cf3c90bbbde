package io.tonewall.session.infrastructure.webhook;

import java.net.URI;

/**
 * What the sender needs of a due delivery, read in a short transaction.
 *
 * @param secret the subscription's signing secret
 */
public record DueDelivery(
    String deliveryId, String eventId, String payload, URI url, String secret) {

  @Override
  public String toString() {
    return "DueDelivery[" + deliveryId + " -> " + url + "]";
  }
}
