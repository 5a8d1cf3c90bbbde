package io.tonewall.telephony.spi.outbound;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

/** A pooled connection to the telephony adapter. It holds no call state of its own. */
final class TelephonyManagedConnection implements ManagedConnection {

  private final TelephonyManagedConnectionFactory factory;
  private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
  private final List<TelephonyConnectionImpl> handles = new CopyOnWriteArrayList<>();
  private PrintWriter logWriter;

  TelephonyManagedConnection(TelephonyManagedConnectionFactory factory) {
    this.factory = factory;
  }

  TelephonyManagedConnectionFactory factory() {
    return factory;
  }

  /** Called by the pool to hand a new handle to an application. */
  @Override
  public Object getConnection(Subject subject, ConnectionRequestInfo info) {
    TelephonyConnectionImpl handle = new TelephonyConnectionImpl(this);
    handles.add(handle);
    return handle;
  }

  void handleClosed(TelephonyConnectionImpl handle) {
    handles.remove(handle);
    ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
    event.setConnectionHandle(handle);
    for (ConnectionEventListener listener : listeners) {
      listener.connectionClosed(event);
    }
  }

  /** Called by the pool when the connection is destroyed: invalidates every open handle. */
  @Override
  public void destroy() {
    cleanup();
    listeners.clear();
  }

  /** Called by the pool before reuse: invalidates handles still open. */
  @Override
  public void cleanup() {
    for (TelephonyConnectionImpl handle : handles) {
      handle.invalidate();
    }
    handles.clear();
  }

  /** Called by the pool to move a handle to this connection. */
  @Override
  public void associateConnection(Object connection) throws ResourceException {
    if (!(connection instanceof TelephonyConnectionImpl handle)) {
      throw new jakarta.resource.spi.IllegalStateException(
          "not a telephony connection handle: " + connection);
    }
    handle.reassociate(this);
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
    throw new NotSupportedException("this version of the telephony adapter is not transactional");
  }

  @Override
  public LocalTransaction getLocalTransaction() throws ResourceException {
    throw new NotSupportedException("this version of the telephony adapter is not transactional");
  }

  @Override
  public ManagedConnectionMetaData getMetaData() {
    return new ManagedConnectionMetaData() {
      @Override
      public String getEISProductName() {
        return "Tonewall telephony";
      }

      @Override
      public String getEISProductVersion() {
        return "0.1";
      }

      @Override
      public int getMaxConnections() {
        return 0;
      }

      @Override
      public String getUserName() {
        return "";
      }
    };
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }
}
