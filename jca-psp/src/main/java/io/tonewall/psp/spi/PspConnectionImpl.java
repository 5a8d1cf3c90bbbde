package io.tonewall.psp.spi;

import io.tonewall.psp.api.AuthorisationRequest;
import io.tonewall.psp.api.CaptureRequest;
import io.tonewall.psp.api.IdempotencyKey;
import io.tonewall.psp.api.NotificationAuthenticity;
import io.tonewall.psp.api.PaymentResult;
import io.tonewall.psp.api.PaymentStatus;
import io.tonewall.psp.api.ProviderNotification;
import io.tonewall.psp.api.PspConfigurationSummary;
import io.tonewall.psp.api.PspConnection;
import io.tonewall.psp.api.RefundRequest;
import io.tonewall.psp.api.RefundStatus;
import io.tonewall.psp.api.TokenPaymentRequest;
import io.tonewall.psp.api.TokenisationRequest;
import io.tonewall.psp.api.VoidRequest;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.IllegalStateException;
import java.util.List;

/** The handle applications hold; every call goes to its current managed connection. */
final class PspConnectionImpl implements PspConnection {
  private volatile PspManagedConnection managed;

  PspConnectionImpl(PspManagedConnection managed) {
    this.managed = managed;
  }

  /** Moves this handle to another managed connection, which the previous one forgets. */
  void reassign(PspManagedConnection other) {
    PspManagedConnection previous = managed;
    managed = other;
    if (previous != null && previous != other) {
      previous.forget(this);
    }
  }

  void invalidate() {
    managed = null;
  }

  @Override
  public PaymentResult authorise(AuthorisationRequest request) throws ResourceException {
    return live().authorise(request);
  }

  @Override
  public PaymentResult payWithToken(TokenPaymentRequest request) throws ResourceException {
    return live().payWithToken(request);
  }

  @Override
  public PaymentResult tokenise(TokenisationRequest request) throws ResourceException {
    return live().tokenise(request);
  }

  @Override
  public PaymentResult capture(CaptureRequest request) throws ResourceException {
    return live().capture(request);
  }

  @Override
  public PaymentResult voidAuthorisation(VoidRequest request) throws ResourceException {
    return live().voidAuthorisation(request);
  }

  @Override
  public PaymentResult refund(RefundRequest request) throws ResourceException {
    return live().refund(request);
  }

  @Override
  public PaymentStatus status(String configuration, IdempotencyKey key) throws ResourceException {
    return live().status(configuration, key);
  }

  @Override
  public RefundStatus refundStatus(
      String configuration, IdempotencyKey refundKey, String paymentReference)
      throws ResourceException {
    return live().refundStatus(configuration, refundKey, paymentReference);
  }

  @Override
  public PaymentStatus statusByReference(String configuration, String reference)
      throws ResourceException {
    return live().statusByReference(configuration, reference);
  }

  @Override
  public PaymentResult reconcile(String configuration, IdempotencyKey key)
      throws ResourceException {
    return live().reconcile(configuration, key);
  }

  @Override
  public boolean notificationSenderAccepted(String configuration, String username, String password)
      throws ResourceException {
    return live().notificationSenderAccepted(configuration, username, password);
  }

  @Override
  public NotificationAuthenticity notificationAuthenticity(
      String configuration, ProviderNotification item) throws ResourceException {
    return live().notificationAuthenticity(configuration, item);
  }

  @Override
  public List<PspConfigurationSummary> configurations() throws ResourceException {
    return live().configurations();
  }

  @Override
  public void close() {
    PspManagedConnection current = managed;
    managed = null;
    if (current != null) {
      current.closed(this);
    }
  }

  private PspManagedConnection live() throws IllegalStateException {
    PspManagedConnection current = managed;
    if (current == null) {
      throw new IllegalStateException("PSP connection is closed");
    }
    return current;
  }
}
