package io.tonewall.psp.provider.sandbox;

import io.tonewall.psp.api.DeclineReason;
import io.tonewall.psp.api.IdempotencyKey;
import io.tonewall.psp.api.Money;
import io.tonewall.psp.api.Operation;
import io.tonewall.psp.api.Outcome;
import io.tonewall.psp.api.PaymentResult;
import io.tonewall.psp.api.PaymentState;
import io.tonewall.psp.api.PaymentStatus;
import io.tonewall.psp.api.RefundState;
import io.tonewall.psp.api.RefundStatus;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The sandbox's books: payments by reference, answers by idempotency key (a repeated key gets the
 * first answer, as real providers do), tokens. One per adapter instance, shared by every sandbox
 * configuration; thread-safe; references are numbered, so runs are deterministic.
 */
public final class SandboxAcquirer {
  private final Map<String, Payment> payments = new HashMap<>();
  private final Map<IdempotencyKey, PaymentResult> answers = new HashMap<>();
  private final Map<String, SandboxTestCard.Behaviour> tokens = new HashMap<>(TEST_TOKENS);
  private long nextReference = 1;

  /**
   * Documented test tokens, valid without a tokenisation first (as Stripe's {@code pm_card_visa}):
   * for integrators' tests and the payment benchmark, which pay with a token and so need no card.
   */
  public static final Map<String, SandboxTestCard.Behaviour> TEST_TOKENS =
      Map.of(
          "sbx_tok_test_approve", SandboxTestCard.Behaviour.APPROVE,
          "sbx_tok_test_decline", SandboxTestCard.Behaviour.DECLINE);

  /** An authorisation's effect on the books, decided by the card's behaviour. */
  synchronized PaymentResult authorise(
      IdempotencyKey key,
      Money amount,
      Optional<SandboxTestCard> card,
      boolean capture,
      Operation operation) {
    PaymentResult earlier = answers.get(key);
    if (earlier != null) {
      return earlier;
    }
    SandboxTestCard.Behaviour behaviour =
        card.map(SandboxTestCard::behaviour).orElse(SandboxTestCard.Behaviour.APPROVE);
    switch (behaviour) {
      case DECLINE:
        return remember(
            key,
            PaymentResult.declined(
                operation,
                key,
                card.flatMap(SandboxTestCard::declineReason).orElse(DeclineReason.DO_NOT_HONOUR),
                Optional.empty(),
                "declined by the sandbox issuer"));
      case FAIL:
        return remember(
            key,
            PaymentResult.unsettled(
                operation, Outcome.FAILED, key, "sandbox acquirer processing error"));
      case TIME_OUT_BEFORE_ACTING:
        return PaymentResult.unsettled(
            operation, Outcome.UNKNOWN, key, "no answer from the sandbox acquirer");
      case TIME_OUT_AFTER_ACTING:
        remember(key, approve(key, amount, capture, operation));
        return PaymentResult.unsettled(
            operation, Outcome.UNKNOWN, key, "no answer from the sandbox acquirer");
      default:
        return remember(key, approve(key, amount, capture, operation));
    }
  }

  synchronized PaymentResult tokenise(
      IdempotencyKey key, Optional<SandboxTestCard> card, Currency currency) {
    // A zero-value verification, kept on the books as a voided one-unit authorisation (Money is
    // always positive); the card's behaviour decides as for any authorisation.
    PaymentResult result = authorise(key, new Money(1, currency), card, false, Operation.TOKENISE);
    if (!result.isApproved() || result.token().isPresent()) {
      return result;
    }
    String reference = result.providerReference().orElseThrow();
    payments.get(reference).state = PaymentState.VOIDED;
    String token = "sbx_tok_" + reference.substring("sbx_".length());
    tokens.put(token, SandboxTestCard.Behaviour.APPROVE);
    PaymentResult tokenised =
        new PaymentResult(
            Operation.TOKENISE,
            Outcome.APPROVED,
            Optional.empty(),
            key,
            Optional.of(reference),
            Optional.empty(),
            Optional.of(token),
            Optional.empty());
    return remember(key, tokenised);
  }

  synchronized PaymentResult payWithToken(
      IdempotencyKey key, Money amount, String token, boolean capture) {
    Operation operation = capture ? Operation.SALE : Operation.AUTHORISE;
    PaymentResult earlier = answers.get(key);
    if (earlier != null) {
      return earlier;
    }
    SandboxTestCard.Behaviour behaviour = tokens.get(token);
    if (behaviour == null) {
      return PaymentResult.unsettled(operation, Outcome.FAILED, key, "unknown sandbox token");
    }
    if (behaviour == SandboxTestCard.Behaviour.DECLINE) {
      return remember(
          key,
          PaymentResult.declined(
              operation,
              key,
              DeclineReason.DO_NOT_HONOUR,
              Optional.empty(),
              "declined by the sandbox issuer"));
    }
    return authorise(key, amount, Optional.empty(), capture, operation);
  }

  synchronized PaymentResult capture(IdempotencyKey key, String reference, Money amount) {
    return modify(
        key,
        Operation.CAPTURE,
        reference,
        payment -> {
          if (payment.state != PaymentState.AUTHORISED) {
            return Optional.of("payment is " + payment.state + ", not AUTHORISED");
          }
          if (amount.exceeds(payment.amount)) {
            return Optional.of("capture exceeds the authorised amount");
          }
          payment.captured = amount.minorUnits();
          payment.state = PaymentState.CAPTURED;
          return Optional.empty();
        },
        amount);
  }

  synchronized PaymentResult cancel(IdempotencyKey key, String reference) {
    return modify(
        key,
        Operation.VOID,
        reference,
        payment -> {
          if (payment.state != PaymentState.AUTHORISED) {
            return Optional.of("payment is " + payment.state + ", not AUTHORISED");
          }
          payment.state = PaymentState.VOIDED;
          return Optional.empty();
        },
        null);
  }

  synchronized PaymentResult refund(IdempotencyKey key, String reference, Money amount) {
    return modify(
        key,
        Operation.REFUND,
        reference,
        payment -> {
          if (payment.state != PaymentState.CAPTURED) {
            return Optional.of("payment is " + payment.state + ", not CAPTURED");
          }
          if (payment.refunded + amount.minorUnits() > payment.captured) {
            return Optional.of("refund exceeds the captured amount");
          }
          payment.refunded += amount.minorUnits();
          if (payment.refunded == payment.captured) {
            payment.state = PaymentState.REFUNDED;
          }
          return Optional.empty();
        },
        amount);
  }

  synchronized PaymentStatus status(IdempotencyKey key) {
    PaymentResult answer = answers.get(key);
    if (answer == null) {
      return PaymentStatus.notFound();
    }
    if (answer.outcome() == Outcome.DECLINED) {
      return new PaymentStatus(
          PaymentState.DECLINED, Optional.empty(), Optional.empty(), answer.declineReason());
    }
    return answer.providerReference().map(this::statusByReference).orElse(PaymentStatus.notFound());
  }

  /**
   * A refund by its key: the sandbox settles refunds at once, so an approved answer is {@code
   * SUCCEEDED}, a refused one {@code FAILED}, and no answer means it was not sent.
   */
  synchronized RefundStatus refundStatus(IdempotencyKey key) {
    PaymentResult answer = answers.get(key);
    if (answer == null || answer.operation() != Operation.REFUND) {
      return RefundStatus.notFound();
    }
    return new RefundStatus(
        answer.isApproved() ? RefundState.SUCCEEDED : RefundState.FAILED,
        answer.providerReference(),
        answer.amount(),
        answer.detail());
  }

  synchronized PaymentStatus statusByReference(String reference) {
    Payment payment = payments.get(reference);
    return payment == null
        ? PaymentStatus.notFound()
        : PaymentStatus.of(payment.state, reference, Optional.of(payment.amount));
  }

  private PaymentResult approve(
      IdempotencyKey key, Money amount, boolean capture, Operation operation) {
    String reference = "sbx_" + nextReference++;
    Payment payment = new Payment(amount);
    if (capture) {
      payment.state = PaymentState.CAPTURED;
      payment.captured = amount.minorUnits();
    }
    payments.put(reference, payment);
    return PaymentResult.approved(operation, key, reference, Optional.of(amount));
  }

  private PaymentResult modify(
      IdempotencyKey key,
      Operation operation,
      String reference,
      Function<Payment, Optional<String>> change,
      Money amount) {
    PaymentResult earlier = answers.get(key);
    if (earlier != null) {
      return earlier;
    }
    Payment payment = payments.get(reference);
    if (payment == null) {
      return PaymentResult.unsettled(operation, Outcome.FAILED, key, "no such sandbox payment");
    }
    Optional<String> refusal = change.apply(payment);
    if (refusal.isPresent()) {
      return PaymentResult.unsettled(operation, Outcome.FAILED, key, refusal.get());
    }
    return remember(
        key, PaymentResult.approved(operation, key, reference, Optional.ofNullable(amount)));
  }

  private PaymentResult remember(IdempotencyKey key, PaymentResult result) {
    answers.put(key, result);
    return result;
  }

  private static final class Payment {
    private final Money amount;
    private PaymentState state = PaymentState.AUTHORISED;
    private long captured;
    private long refunded;

    Payment(Money amount) {
      this.amount = amount;
    }
  }
}
