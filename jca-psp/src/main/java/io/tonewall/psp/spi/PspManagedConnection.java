package io.tonewall.psp.spi;

import io.tonewall.psp.api.AuthorisationRequest;
import io.tonewall.psp.api.CaptureRequest;
import io.tonewall.psp.api.IdempotencyKey;
import io.tonewall.psp.api.NotificationAuthenticity;
import io.tonewall.psp.api.PaymentResult;
import io.tonewall.psp.api.PaymentStatus;
import io.tonewall.psp.api.ProviderNotification;
import io.tonewall.psp.api.PspConfigurationSummary;
import io.tonewall.psp.api.RefundRequest;
import io.tonewall.psp.api.RefundStatus;
import io.tonewall.psp.api.TokenPaymentRequest;
import io.tonewall.psp.api.TokenisationRequest;
import io.tonewall.psp.api.UnknownPspConfigurationException;
import io.tonewall.psp.api.VoidRequest;
import io.tonewall.psp.provider.PspConfiguration;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.IllegalStateException;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

/**
 * A pooled connection to the payment gateway. Holds no socket of its own (providers share one HTTP
 * client); what it owns is its {@link PspXAResource} association, its handles and its listeners,
 * which {@link #destroy()} releases. Called by the connection manager, and by its handles.
 */
final class PspManagedConnection implements ManagedConnection {
  private final PspManagedConnectionFactory factory;
  private final PaymentGateway gateway;
  private final Set<String> allowedConfigurations;
  private final PspXAResource xaResource;
  private final Set<PspConnectionImpl> handles = new CopyOnWriteArraySet<>();
  private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean destroyed;
  private PrintWriter logWriter;

  PspManagedConnection(
      PspManagedConnectionFactory factory,
      PaymentGateway gateway,
      Set<String> allowedConfigurations) {
    this.factory = factory;
    this.gateway = gateway;
    this.allowedConfigurations = allowedConfigurations;
    this.xaResource = new PspXAResource(gateway);
  }

  PspManagedConnectionFactory factory() {
    return factory;
  }

  boolean isDestroyed() {
    return destroyed;
  }

  /** Called by the connection manager to hand out a handle. */
  @Override
  public Object getConnection(Subject subject, ConnectionRequestInfo info)
      throws ResourceException {
    requireAlive();
    PspConnectionImpl handle = new PspConnectionImpl(this);
    handles.add(handle);
    return handle;
  }

  /** Called by the connection manager when the pool discards this connection. */
  @Override
  public void destroy() {
    destroyed = true;
    invalidateHandles();
    xaResource.dissociate();
    listeners.clear();
  }

  /** Called by the connection manager before the connection goes back to the pool. */
  @Override
  public void cleanup() throws ResourceException {
    requireAlive();
    invalidateHandles();
  }

  /** Called by the connection manager to move a handle to this connection. */
  @Override
  public void associateConnection(Object connection) throws ResourceException {
    requireAlive();
    if (!(connection instanceof PspConnectionImpl handle)) {
      throw new ResourceException("not a PSP connection handle: " + connection);
    }
    handle.reassign(this);
    handles.add(handle);
  }

  @Override
  public void addConnectionEventListener(ConnectionEventListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeConnectionEventListener(ConnectionEventListener listener) {
    listeners.remove(listener);
  }

  @Override
  public XAResource getXAResource() throws ResourceException {
    requireAlive();
    return xaResource;
  }

  /** Local transactions are not offered: the adapter is an XA participant. */
  @Override
  public LocalTransaction getLocalTransaction() throws ResourceException {
    throw new NotSupportedException("the PSP adapter supports XATransaction only");
  }

  @Override
  public ManagedConnectionMetaData getMetaData() {
    return new PspConnectionMetaData();
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  // ---- called by handles -----------------------------------------------------------------

  void forget(PspConnectionImpl handle) {
    handles.remove(handle);
  }

  void closed(PspConnectionImpl handle) {
    handles.remove(handle);
    ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
    event.setConnectionHandle(handle);
    for (ConnectionEventListener listener : listeners) {
      listener.connectionClosed(event);
    }
  }

  PaymentResult authorise(AuthorisationRequest request) throws ResourceException {
    allowed(request.configuration());
    return gateway.authorise(request, xaResource.currentBranch());
  }

  PaymentResult payWithToken(TokenPaymentRequest request) throws ResourceException {
    allowed(request.configuration());
    return gateway.payWithToken(request, xaResource.currentBranch());
  }

  PaymentResult tokenise(TokenisationRequest request) throws ResourceException {
    allowed(request.configuration());
    return gateway.tokenise(request);
  }

  PaymentResult capture(CaptureRequest request) throws ResourceException {
    allowed(request.configuration());
    return gateway.capture(request, xaResource.currentBranch());
  }

  PaymentResult voidAuthorisation(VoidRequest request) throws ResourceException {
    allowed(request.configuration());
    return gateway.voidAuthorisation(request, xaResource.currentBranch());
  }

  PaymentResult refund(RefundRequest request) throws ResourceException {
    allowed(request.configuration());
    return gateway.refund(request, xaResource.currentBranch());
  }

  PaymentStatus status(String configuration, IdempotencyKey key) throws ResourceException {
    allowed(configuration);
    return gateway.status(configuration, key);
  }

  RefundStatus refundStatus(String configuration, IdempotencyKey refundKey, String paymentReference)
      throws ResourceException {
    allowed(configuration);
    return gateway.refundStatus(configuration, refundKey, paymentReference);
  }

  PaymentStatus statusByReference(String configuration, String reference) throws ResourceException {
    allowed(configuration);
    return gateway.statusByReference(configuration, reference);
  }

  PaymentResult reconcile(String configuration, IdempotencyKey key) throws ResourceException {
    allowed(configuration);
    return gateway.reconcile(configuration, key);
  }

  boolean notificationSenderAccepted(String configuration, String username, String password)
      throws ResourceException {
    allowed(configuration);
    return NotificationChecks.senderAccepted(
        NotificationChecks.receiving(gateway.configurations().require(configuration)),
        username,
        password);
  }

  NotificationAuthenticity notificationAuthenticity(String configuration, ProviderNotification item)
      throws ResourceException {
    allowed(configuration);
    return NotificationChecks.authenticity(
        NotificationChecks.receiving(gateway.configurations().require(configuration)), item);
  }

  List<PspConfigurationSummary> configurations() throws ResourceException {
    requireAlive();
    List<PspConfigurationSummary> summaries = new ArrayList<>();
    for (PspConfiguration configuration : gateway.configurations().all()) {
      if (allowedConfigurations.isEmpty() || allowedConfigurations.contains(configuration.id())) {
        summaries.add(
            new PspConfigurationSummary(
                configuration.id(), configuration.provider().name().toLowerCase(Locale.ROOT)));
      }
    }
    summaries.sort(Comparator.comparing(PspConfigurationSummary::id));
    return summaries;
  }

  private void allowed(String configuration) throws ResourceException {
    requireAlive();
    if (!allowedConfigurations.isEmpty() && !allowedConfigurations.contains(configuration)) {
      throw new UnknownPspConfigurationException(
          "PSP configuration '" + configuration + "' is not allowed in this connection pool");
    }
  }

  private void invalidateHandles() {
    for (PspConnectionImpl handle : handles) {
      handle.invalidate();
    }
    handles.clear();
  }

  private void requireAlive() throws IllegalStateException {
    if (destroyed) {
      throw new IllegalStateException("PSP managed connection was destroyed");
    }
  }
}
