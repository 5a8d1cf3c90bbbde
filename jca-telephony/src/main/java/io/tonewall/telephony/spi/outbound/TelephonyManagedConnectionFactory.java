package io.tonewall.telephony.spi.outbound;

import io.tonewall.telephony.api.TelephonyConnection;
import io.tonewall.telephony.api.TelephonyConnectionFactory;
import io.tonewall.telephony.spi.TelephonyResourceAdapter;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.PrintWriter;
import java.util.Set;
import javax.security.auth.Subject;

/**
 * Creates managed connections on the telephony adapter. Every managed connection is equivalent (no
 * per-user state), so any idle one matches any request.
 */
@ConnectionDefinition(
    connectionFactory = TelephonyConnectionFactory.class,
    connectionFactoryImpl = TelephonyConnectionFactoryImpl.class,
    connection = TelephonyConnection.class,
    connectionImpl = TelephonyConnectionImpl.class)
public class TelephonyManagedConnectionFactory
    implements ManagedConnectionFactory, ResourceAdapterAssociation {

  private static final long serialVersionUID = 1L;

  private transient TelephonyResourceAdapter adapter;
  private transient PrintWriter logWriter;

  /** Called by the server in a managed environment: the factory applications look up. */
  @Override
  public Object createConnectionFactory(ConnectionManager manager) {
    return new TelephonyConnectionFactoryImpl(this, manager);
  }

  /** Non-managed use is not supported: the adapter's lifecycle belongs to a server. */
  @Override
  public Object createConnectionFactory() throws ResourceException {
    throw new jakarta.resource.NotSupportedException(
        "the telephony adapter runs only inside an application server");
  }

  /** Called by the pool when it needs another physical connection. */
  @Override
  public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info)
      throws ResourceException {
    return new TelephonyManagedConnection(this);
  }

  /** Called by the pool to reuse an idle connection: every connection of this factory matches. */
  @Override
  public ManagedConnection matchManagedConnections(
      Set connections, Subject subject, ConnectionRequestInfo info) {
    for (Object candidate : connections) {
      if (candidate instanceof TelephonyManagedConnection connection
          && connection.factory() == this) {
        return connection;
      }
    }
    return null;
  }

  TelephonyResourceAdapter adapter() throws ResourceException {
    if (adapter == null) {
      throw new jakarta.resource.spi.IllegalStateException(
          "the telephony connection factory is not associated with its resource adapter");
    }
    return adapter;
  }

  @Override
  public ResourceAdapter getResourceAdapter() {
    return adapter;
  }

  /** Called by the server once, before use. */
  @Override
  public void setResourceAdapter(ResourceAdapter adapter) throws ResourceException {
    if (!(adapter instanceof TelephonyResourceAdapter telephony)) {
      throw new jakarta.resource.spi.IllegalStateException(
          "expected the Tonewall telephony adapter, got " + adapter);
    }
    this.adapter = telephony;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
