package io.tonewall.psp.spi;

import io.tonewall.psp.api.PspConnection;
import io.tonewall.psp.api.PspConnectionFactory;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import javax.naming.Reference;

/** The connection factory bound in JNDI; asks the connection manager for each connection. */
public final class PspConnectionFactoryImpl implements PspConnectionFactory {
  private static final long serialVersionUID = 1L;

  private final PspManagedConnectionFactory factory;
  private final ConnectionManager connectionManager;
  private Reference reference;

  PspConnectionFactoryImpl(
      PspManagedConnectionFactory factory, ConnectionManager connectionManager) {
    this.factory = factory;
    this.connectionManager = connectionManager;
  }

  @Override
  public PspConnection getConnection() throws ResourceException {
    return (PspConnection) connectionManager.allocateConnection(factory, null);
  }

  @Override
  public void setReference(Reference reference) {
    this.reference = reference;
  }

  @Override
  public Reference getReference() {
    return reference;
  }
}
