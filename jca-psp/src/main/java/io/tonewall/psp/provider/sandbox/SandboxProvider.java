package io.tonewall.psp.provider.sandbox;

import io.tonewall.psp.api.IdempotencyKey;
import io.tonewall.psp.api.Money;
import io.tonewall.psp.api.Operation;
import io.tonewall.psp.api.Outcome;
import io.tonewall.psp.api.PaymentCard;
import io.tonewall.psp.api.PaymentResult;
import io.tonewall.psp.api.PaymentStatus;
import io.tonewall.psp.api.RefundStatus;
import io.tonewall.psp.provider.PspProvider;
import io.tonewall.psp.spi.CardAccess;
import java.time.Duration;
import java.util.Arrays;
import java.util.Currency;
import java.util.Optional;

/** One sandbox configuration: the shared {@link SandboxAcquirer} plus a simulated latency. */
public final class SandboxProvider implements PspProvider {
  private final SandboxAcquirer acquirer;
  private final Duration latency;

  public SandboxProvider(SandboxAcquirer acquirer, Duration latency) {
    this.acquirer = acquirer;
    this.latency = latency;
  }

  @Override
  public PaymentResult authorise(
      IdempotencyKey key, Money amount, PaymentCard card, boolean capture) {
    Optional<SandboxTestCard> testCard = testCard(card);
    if (!waitLatency()) {
      return interrupted(capture ? Operation.SALE : Operation.AUTHORISE, key);
    }
    return acquirer.authorise(
        key, amount, testCard, capture, capture ? Operation.SALE : Operation.AUTHORISE);
  }

  @Override
  public PaymentResult payWithToken(
      IdempotencyKey key, Money amount, String token, boolean capture) {
    if (!waitLatency()) {
      return interrupted(capture ? Operation.SALE : Operation.AUTHORISE, key);
    }
    return acquirer.payWithToken(key, amount, token, capture);
  }

  @Override
  public PaymentResult tokenise(
      IdempotencyKey key, PaymentCard card, Currency currency, String customerReference) {
    Optional<SandboxTestCard> testCard = testCard(card);
    if (!waitLatency()) {
      return interrupted(Operation.TOKENISE, key);
    }
    return acquirer.tokenise(key, testCard, currency);
  }

  @Override
  public PaymentResult capture(IdempotencyKey key, String reference, Money amount) {
    return waitLatency()
        ? acquirer.capture(key, reference, amount)
        : interrupted(Operation.CAPTURE, key);
  }

  @Override
  public PaymentResult cancel(IdempotencyKey key, String reference) {
    return waitLatency() ? acquirer.cancel(key, reference) : interrupted(Operation.VOID, key);
  }

  @Override
  public PaymentResult refund(IdempotencyKey key, String reference, Money amount) {
    return waitLatency()
        ? acquirer.refund(key, reference, amount)
        : interrupted(Operation.REFUND, key);
  }

  @Override
  public PaymentStatus status(IdempotencyKey originalKey) {
    return acquirer.status(originalKey);
  }

  @Override
  public RefundStatus refundStatus(IdempotencyKey refundKey, String paymentReference) {
    return acquirer.refundStatus(refundKey);
  }

  @Override
  public PaymentStatus statusByReference(String reference) {
    return acquirer.statusByReference(reference);
  }

  @Override
  public PaymentResult cancelByOriginalKey(IdempotencyKey key, IdempotencyKey originalKey) {
    return PaymentResult.unsettled(
        Operation.VOID, Outcome.FAILED, key, "the sandbox answers status queries instead");
  }

  @Override
  public boolean answersStatusByKey() {
    return true;
  }

  private static Optional<SandboxTestCard> testCard(PaymentCard card) {
    CardAccess.Reader reader = CardAccess.reader();
    char[] digits = new char[reader.numberLength(card)];
    int[] length = {0};
    try {
      reader.writeNumber(card, c -> digits[length[0]++] = c);
      return SandboxTestCard.matching(digits, length[0]);
    } finally {
      Arrays.fill(digits, '\0');
    }
  }

  private boolean waitLatency() {
    if (latency.isZero()) {
      return true;
    }
    try {
      Thread.sleep(latency.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static PaymentResult interrupted(Operation operation, IdempotencyKey key) {
    return PaymentResult.unsettled(
        operation, Outcome.FAILED, key, "interrupted before reaching the sandbox acquirer");
  }
}
