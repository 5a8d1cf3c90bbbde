package io.tonewall.session.application;

import io.tonewall.psp.api.PaymentCard;

/**
 * What is done with a card while it is handed over: typically one PSP request. The card is valid
 * only during the call and is wiped afterwards; implementations must not keep it.
 *
 * @param <T> what the use returns (never the card, never its digits)
 */
@FunctionalInterface
public interface CardUse<T> {

  T use(PaymentCard card);
}
