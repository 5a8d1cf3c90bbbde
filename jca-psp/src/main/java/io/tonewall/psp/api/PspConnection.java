package io.tonewall.psp.api;

import jakarta.resource.ResourceException;
import java.util.List;

/**
 * One connection to the PSP adapter: a handle obtained from {@link PspConnectionFactory}, closed
 * after use (try-with-resources).
 *
 * <p>Inside a JTA transaction, authorisations, token payments and tokenisations are sent at once
 * (their outcome is needed now) and an approved authorisation is voided if the transaction rolls
 * back; a sale is captured after commit where its configuration asks for capture on commit;
 * captures, voids and refunds answer {@link Outcome#SCHEDULED} and are sent only after commit.
 * Without a transaction every request is sent at once.
 *
 * <p>Declines, failures and unknown outcomes are results, not exceptions. Exceptions mean the
 * request was refused before anything was sent ({@link PspRequestRejectedException}) or the
 * connection is unusable.
 */
public interface PspConnection extends AutoCloseable {

  /** Authorise (sale or pre-authorisation) with a card. */
  PaymentResult authorise(AuthorisationRequest request) throws ResourceException;

  /** Authorise with a stored token. */
  PaymentResult payWithToken(TokenPaymentRequest request) throws ResourceException;

  /** Create a reusable token without charging the card. */
  PaymentResult tokenise(TokenisationRequest request) throws ResourceException;

  /** Capture an authorisation fully or partly. */
  PaymentResult capture(CaptureRequest request) throws ResourceException;

  /** Void an uncaptured authorisation. */
  PaymentResult voidAuthorisation(VoidRequest request) throws ResourceException;

  /** Refund a captured payment fully or partly. */
  PaymentResult refund(RefundRequest request) throws ResourceException;

  /** Status of an earlier request made with this idempotency key. */
  PaymentStatus status(String configuration, IdempotencyKey idempotencyKey)
      throws ResourceException;

  /**
   * Status of a refund, by the idempotency key it was requested with and the provider reference of
   * the payment it refunds (the refund is sent after commit, so its own provider id is not known to
   * the caller). {@link RefundState#SUCCEEDED} and {@link RefundState#FAILED} are final; {@link
   * RefundState#PENDING}, {@link RefundState#NOT_FOUND} (not sent yet) and {@link
   * RefundState#UNKNOWN} (the adapter cannot tell, see the README) are not.
   *
   * @throws StatusQueryFailedException when the provider cannot be asked or its answer is
   *     unreadable
   */
  RefundStatus refundStatus(String configuration, IdempotencyKey refundKey, String paymentReference)
      throws ResourceException;

  /** Status of a payment by its provider reference. */
  PaymentStatus statusByReference(String configuration, String providerReference)
      throws ResourceException;

  /**
   * Resolves an {@link Outcome#UNKNOWN} authorisation by asking the provider what happened: the
   * answer is {@link Outcome#APPROVED} with its reference if it went through, {@link
   * Outcome#DECLINED} or {@link Outcome#FAILED} if not, or still {@link Outcome#UNKNOWN} if the
   * provider cannot tell yet (ask again later). Where the provider offers no status query (Adyen),
   * an unresolved authorisation is cancelled by its merchant reference and reported {@link
   * Outcome#FAILED}.
   */
  PaymentResult reconcile(String configuration, IdempotencyKey idempotencyKey)
      throws ResourceException;

  /**
   * Whether the sender of a notification for this configuration is let in: {@code true} when the
   * configuration asks for no HTTP Basic credentials ({@code notificationUsername}) or when {@code
   * username} and {@code password} are the configured ones (compared in constant time); {@code
   * false} otherwise, also when none were sent but some are configured.
   *
   * @throws NotificationsNotEnabledException when the configuration receives no notifications
   */
  boolean notificationSenderAccepted(String configuration, String username, String password)
      throws ResourceException;

  /**
   * Checks one notification item with the configuration's notification key (Adyen: HMAC-SHA256 of
   * {@code pspReference:originalReference:merchantAccountCode:merchantReference:value:currency:
   * eventCode:success}, each field with {@code \\} and {@code :} escaped, keyed with the hex key,
   * base64) and that it is about the configuration's merchant account.
   *
   * @throws NotificationsNotEnabledException when the configuration receives no notifications
   */
  NotificationAuthenticity notificationAuthenticity(String configuration, ProviderNotification item)
      throws ResourceException;

  /**
   * The PSP configurations this connection may use, in id order (the built-in {@code sandbox} among
   * them unless the pool excludes it).
   */
  List<PspConfigurationSummary> configurations() throws ResourceException;

  /** Releases the handle; the physical connection returns to the pool. */
  @Override
  void close() throws ResourceException;
}
