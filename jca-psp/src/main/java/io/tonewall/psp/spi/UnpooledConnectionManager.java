package io.tonewall.psp.spi;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnectionFactory;

/**
 * The connection manager outside an application server (tests, the benchmark): a new managed
 * connection per handle, no pooling, no transaction enlistment.
 */
final class UnpooledConnectionManager implements ConnectionManager {
  private static final long serialVersionUID = 1L;

  @Override
  public Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo info)
      throws ResourceException {
    return factory.createManagedConnection(null, info).getConnection(null, info);
  }
}
