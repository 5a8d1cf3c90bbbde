package io.tonewall.session.application;

import io.tonewall.psp.api.PaymentCard;
import io.tonewall.session.domain.PaymentAttempt;
import io.tonewall.session.domain.PaymentOutcome;

/** Sends one payment attempt with a card to the PSP and reports its outcome. */
@FunctionalInterface
public interface CardPaymentSender {

  PaymentOutcome send(PaymentAttempt attempt, PaymentCard card);
}
