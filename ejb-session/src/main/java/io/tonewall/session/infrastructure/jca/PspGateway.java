package io.tonewall.session.infrastructure.jca;

import io.tonewall.psp.api.AuthorisationKind;
import io.tonewall.psp.api.AuthorisationRequest;
import io.tonewall.psp.api.IdempotencyKey;
import io.tonewall.psp.api.InvalidIdempotencyKeyException;
import io.tonewall.psp.api.NotificationAuthenticity;
import io.tonewall.psp.api.NotificationsNotEnabledException;
import io.tonewall.psp.api.PaymentCard;
import io.tonewall.psp.api.PaymentResult;
import io.tonewall.psp.api.PaymentStatus;
import io.tonewall.psp.api.ProviderNotification;
import io.tonewall.psp.api.PspConfigurationSummary;
import io.tonewall.psp.api.PspConnection;
import io.tonewall.psp.api.PspConnectionFactory;
import io.tonewall.psp.api.PspRequestRejectedException;
import io.tonewall.psp.api.RefundRequest;
import io.tonewall.psp.api.TokenPaymentRequest;
import io.tonewall.psp.api.TokenisationRequest;
import io.tonewall.psp.api.UnknownPspConfigurationException;
import io.tonewall.session.domain.CardFacts;
import io.tonewall.session.domain.CardScheme;
import io.tonewall.session.domain.Money;
import io.tonewall.session.domain.Outcome;
import io.tonewall.session.domain.PaymentAttempt;
import io.tonewall.session.domain.PaymentOutcome;
import io.tonewall.session.domain.PaymentRejectedException;
import io.tonewall.session.domain.TransactionType;
import io.tonewall.session.notification.ItemVerdict;
import io.tonewall.session.notification.NotificationItem;
import io.tonewall.session.notification.PspNotificationsDisabledException;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.resource.ResourceException;
import java.util.List;
import java.util.Optional;

/**
 * The session beans' door to the PSP adapter: the application's {@code java:app/eis/tonewall/psp}
 * (application-scoped in the EAR, mapped to the global {@code eis/tonewall/psp} on Payara Micro).
 *
 * <p>Every method joins the caller's JTA transaction (the pool is {@code XATransaction}): an
 * authorisation made in a transaction that rolls back is voided by the adapter, a sale is captured
 * after commit, a refund is sent only after commit ({@link Outcome#SCHEDULED}). Declines, failures
 * and unknown outcomes are outcomes; {@link PaymentRejectedException} means the adapter refused
 * before sending anything; {@link AdapterUnavailableException} means it could not be reached.
 */
@Stateless
public class PspGateway {

  @Resource(lookup = "java:app/eis/tonewall/psp")
  private PspConnectionFactory connections;

  /**
   * The PSP configurations sessions may choose from.
   *
   * @throws AdapterUnavailableException when the adapter cannot be reached
   */
  public List<PspConfigurationSummary> configurations() {
    return call(PspConnection::configurations);
  }

  /**
   * Asks a configuration's provider for the status of a request by its idempotency key.
   *
   * @throws AdapterUnavailableException when the adapter or provider cannot answer
   */
  public PaymentStatus status(String configuration, String idempotencyKey) {
    return call(connection -> connection.status(configuration, key(idempotencyKey)));
  }

  /**
   * Sends a session's payment attempt with the card: a sale or pre-authorisation, or for a {@code
   * TOKENISE} session a tokenisation (the customer reference is the session id).
   */
  public PaymentOutcome send(PaymentAttempt attempt, PaymentCard card) {
    CardFacts facts =
        new CardFacts(CardScheme.named(card.brand().name()), card.firstSix(), card.lastFour());
    PaymentResult result =
        call(
            connection ->
                attempt.type() == TransactionType.TOKENISE
                    ? connection.tokenise(
                        new TokenisationRequest(
                            attempt.pspConfiguration(),
                            key(attempt.idempotencyKey()),
                            card,
                            io.tonewall.psp.api.Money.currencyOf(attempt.amount().currency()),
                            attempt.sessionId().toString()))
                    : connection.authorise(
                        new AuthorisationRequest(
                            attempt.pspConfiguration(),
                            key(attempt.idempotencyKey()),
                            money(attempt.amount()),
                            card,
                            kind(attempt.type()))));
    return outcome(result, Optional.of(facts));
  }

  /** Pays with a token from an earlier tokenisation. */
  public PaymentOutcome payWithToken(
      String configuration,
      String idempotencyKey,
      Money amount,
      String token,
      TransactionType type) {
    return outcome(
        call(
            connection ->
                connection.payWithToken(
                    new TokenPaymentRequest(
                        configuration, key(idempotencyKey), money(amount), token, kind(type)))),
        Optional.empty());
  }

  /** Refunds part or all of a captured payment; inside a transaction it is sent after commit. */
  public PaymentOutcome refund(
      String configuration, String idempotencyKey, String pspReference, Money amount) {
    return outcome(
        call(
            connection ->
                connection.refund(
                    RefundRequest.partial(
                        configuration, key(idempotencyKey), pspReference, money(amount)))),
        Optional.empty());
  }

  /**
   * Asks the provider what became of a refund sent after commit, by its idempotency key and the
   * reference of the payment it refunds: its final outcome, or empty while the provider cannot tell
   * (not sent yet, still in flight, or the adapter has no way to know: see {@link RefundOutcomes}).
   *
   * @throws AdapterUnavailableException when the adapter or provider cannot answer
   */
  public Optional<PaymentOutcome> refundOutcome(
      String configuration, String idempotencyKey, String paymentReference) {
    return RefundOutcomes.outcome(
        call(
            connection ->
                connection.refundStatus(configuration, key(idempotencyKey), paymentReference)),
        paymentReference);
  }

  /** Asks the provider what became of an authorisation whose outcome is unknown. */
  public PaymentOutcome reconcile(String configuration, String idempotencyKey) {
    return outcome(
        call(connection -> connection.reconcile(configuration, key(idempotencyKey))),
        Optional.empty());
  }

  /**
   * Whether the sender of a notification for this configuration is let in (its HTTP Basic
   * credentials, when the configuration asks for some). The adapter compares; the password never
   * leaves it.
   *
   * @throws PspNotificationsDisabledException when the configuration receives no notifications
   */
  public boolean notificationSenderAccepted(
      String configuration, Optional<String> username, Optional<String> password) {
    return notifications(
        configuration,
        connection ->
            connection.notificationSenderAccepted(
                configuration, username.orElse(null), password.orElse(null)));
  }

  /**
   * Checks one notification item with the configuration's key (the adapter keeps the key): {@code
   * AUTHENTIC}, {@code SIGNATURE_INVALID} or {@code OTHER_MERCHANT_ACCOUNT}.
   *
   * @throws PspNotificationsDisabledException when the configuration receives no notifications
   */
  public ItemVerdict notificationAuthenticity(String configuration, NotificationItem item) {
    ProviderNotification signed =
        new ProviderNotification(
            item.pspReference(),
            item.originalReference(),
            item.merchantAccountCode(),
            item.merchantReference(),
            item.value(),
            item.currency(),
            item.eventCode(),
            item.success(),
            item.signature());
    NotificationAuthenticity verdict =
        notifications(
            configuration,
            connection -> connection.notificationAuthenticity(configuration, signed));
    return ItemVerdict.valueOf(verdict.name());
  }

  private <T> T notifications(String configuration, PspCall<T> work) {
    try {
      return call(work);
    } catch (PaymentRejectedException e) {
      if (e.getCause() instanceof NotificationsNotEnabledException
          || e.getCause() instanceof UnknownPspConfigurationException) {
        throw new PspNotificationsDisabledException(configuration, e.getCause());
      }
      throw e;
    }
  }

  private static PaymentOutcome outcome(PaymentResult result, Optional<CardFacts> card) {
    return new PaymentOutcome(
        Outcome.valueOf(result.outcome().name()),
        result.declineReason().map(Enum::name),
        result.providerReference(),
        result.token(),
        card);
  }

  private static AuthorisationKind kind(TransactionType type) {
    return switch (type) {
      case SALE -> AuthorisationKind.SALE;
      case AUTHORISE -> AuthorisationKind.PRE_AUTHORISATION;
      default -> throw new IllegalArgumentException(type + " is not an authorisation");
    };
  }

  private static io.tonewall.psp.api.Money money(Money amount) {
    return io.tonewall.psp.api.Money.of(amount.minorUnits(), amount.currency());
  }

  private static IdempotencyKey key(String value) {
    try {
      return IdempotencyKey.of(value);
    } catch (InvalidIdempotencyKeyException e) {
      throw new PaymentRejectedException("PSP adapter refused: " + e.getMessage(), e);
    }
  }

  private <T> T call(PspCall<T> work) {
    try (PspConnection connection = connections.getConnection()) {
      return work.on(connection);
    } catch (PspRequestRejectedException e) {
      throw new PaymentRejectedException("PSP adapter refused: " + e.getMessage(), e);
    } catch (ResourceException e) {
      throw new AdapterUnavailableException("PSP adapter: " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface PspCall<T> {
    T on(PspConnection connection) throws ResourceException;
  }
}
