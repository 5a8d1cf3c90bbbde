package io.tonewall.psp.provider;

import io.tonewall.psp.api.IdempotencyKey;
import io.tonewall.psp.api.Money;
import io.tonewall.psp.api.PaymentCard;
import io.tonewall.psp.api.PaymentResult;
import io.tonewall.psp.api.PaymentStatus;
import io.tonewall.psp.api.RefundStatus;
import io.tonewall.psp.api.StatusQueryFailedException;
import java.time.Duration;
import java.util.Currency;

/**
 * One payment service provider's API. Implementations send exactly one request per call (two for a
 * Stripe token: customer and SetupIntent), carry the idempotency key on every request, never retry,
 * and turn every answer (or its absence) into a {@link PaymentResult}: they do not throw for
 * declines, failures or time-outs. Amounts are already validated; card digits are read through
 * {@link io.tonewall.psp.spi.CardAccess} straight into the request body.
 */
public interface PspProvider {

  /** Authorise; capture at once if {@code capture}, else leave it for a later capture. */
  PaymentResult authorise(IdempotencyKey key, Money amount, PaymentCard card, boolean capture);

  /** Authorise with a stored token. */
  PaymentResult payWithToken(IdempotencyKey key, Money amount, String token, boolean capture);

  /** Store the card as a reusable token without charging it. */
  PaymentResult tokenise(
      IdempotencyKey key, PaymentCard card, Currency currency, String customerReference);

  PaymentResult capture(IdempotencyKey key, String reference, Money amount);

  PaymentResult cancel(IdempotencyKey key, String reference);

  PaymentResult refund(IdempotencyKey key, String reference, Money amount);

  /**
   * What became of the payment requested with this key.
   *
   * @throws StatusQueryFailedException if the provider cannot be asked or cannot tell
   */
  PaymentStatus status(IdempotencyKey originalKey) throws StatusQueryFailedException;

  /** What became of the payment with this provider reference. */
  PaymentStatus statusByReference(String reference) throws StatusQueryFailedException;

  /**
   * What became of the refund requested with {@code refundKey} of the payment {@code
   * paymentReference}. Asked only of providers that {@link #answersStatusByKey()}; the adapter
   * answers for the others from its own books.
   *
   * @throws StatusQueryFailedException if the provider cannot be asked or cannot tell
   */
  RefundStatus refundStatus(IdempotencyKey refundKey, String paymentReference)
      throws StatusQueryFailedException;

  /**
   * Cancels whatever the request with {@code originalKey} did, without knowing its provider
   * reference (Adyen's technical cancel by merchant reference). Providers that can query status do
   * not need it and answer {@code FAILED}.
   */
  PaymentResult cancelByOriginalKey(IdempotencyKey key, IdempotencyKey originalKey);

  /** Whether {@link #status(IdempotencyKey)} can find payments this adapter did not see finish. */
  boolean answersStatusByKey();

  /**
   * How long after a request {@link #status(IdempotencyKey)} may still miss it (Stripe's search
   * index lags by up to about a minute): a NOT_FOUND younger than this is not proof that nothing
   * happened.
   */
  default Duration statusLag() {
    return Duration.ZERO;
  }
}
