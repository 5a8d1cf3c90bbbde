package io.tonewall.session.application;

import io.tonewall.session.domain.PaymentAttempt;
import io.tonewall.session.domain.PaymentOutcome;
import io.tonewall.session.domain.PaymentSession;
import io.tonewall.session.domain.PaymentTransaction;
import java.time.Instant;
import java.util.Objects;

/**
 * Processes a session's payment with the captured card: the session checks that it may and says
 * what to send ({@link PaymentAttempt}), the capture hands the card over for the one PSP request
 * and wipes it, and the session records the outcome. Runs inside the caller's JTA transaction, so
 * the PSP adapter voids the authorisation if anything after it fails.
 */
public final class CardPayment {

  private final CardCaptures captures;
  private final CardPaymentSender sender;

  public CardPayment(CardCaptures captures, CardPaymentSender sender) {
    this.captures = Objects.requireNonNull(captures, "captures");
    this.sender = Objects.requireNonNull(sender, "sender");
  }

  /**
   * Processes the payment.
   *
   * @return the transaction to store
   * @throws io.tonewall.session.domain.FieldsIncompleteException before the card is complete (the
   *     capture is not asked for the card)
   * @throws CardCaptureUnavailableException when no capture serves the session's mode
   */
  public PaymentTransaction process(PaymentSession session, Instant now) {
    PaymentAttempt attempt = session.startProcessing(now);
    CardCapture capture = captures.forMode(session.mode());
    PaymentOutcome outcome =
        capture.handOver(CaptureTarget.of(session), card -> sender.send(attempt, card));
    return session.recordOutcome(attempt, outcome, now);
  }
}
