package io.tonewall.psp.spi;

import io.tonewall.psp.api.PspConnection;
import io.tonewall.psp.api.PspConnectionFactory;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.TransactionSupport;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.Subject;

/**
 * The managed connection factory of a connection pool. Its one property, {@code
 * allowedConfigurations}, restricts a pool to some PSP configurations (empty: all). Called by the
 * application server.
 */
@ConnectionDefinition(
    connectionFactory = PspConnectionFactory.class,
    connectionFactoryImpl = PspConnectionFactoryImpl.class,
    connection = PspConnection.class,
    connectionImpl = PspConnectionImpl.class)
public class PspManagedConnectionFactory
    implements ManagedConnectionFactory, ResourceAdapterAssociation, TransactionSupport {
  private static final long serialVersionUID = 1L;

  @ConfigProperty(
      defaultValue = "",
      description =
          "Comma-separated PSP configuration ids this pool may use; empty allows every"
              + " configuration of the resource adapter")
  private String allowedConfigurations = "";

  private transient PspResourceAdapter resourceAdapter;
  private transient PrintWriter logWriter;

  public String getAllowedConfigurations() {
    return allowedConfigurations;
  }

  public void setAllowedConfigurations(String allowedConfigurations) {
    this.allowedConfigurations = allowedConfigurations == null ? "" : allowedConfigurations;
  }

  /**
   * Checks that the factory is associated with a started adapter and that every allowed
   * configuration exists.
   *
   * @throws InvalidPropertyException naming the problem
   */
  public void validate() throws InvalidPropertyException {
    if (resourceAdapter == null) {
      throw new InvalidPropertyException("PSP managed connection factory has no resource adapter");
    }
    Set<String> known = resourceAdapter.gateway().configurations().ids();
    for (String id : allowed()) {
      if (!known.contains(id)) {
        throw new InvalidPropertyException(
            "allowedConfigurations names unknown PSP configuration '" + id + "'; known: " + known);
      }
    }
  }

  /** Called by the application server to make the factory applications look up. */
  @Override
  public Object createConnectionFactory(ConnectionManager connectionManager)
      throws ResourceException {
    validate();
    return new PspConnectionFactoryImpl(this, connectionManager);
  }

  /** A factory for use outside an application server: no pooling, no transactions. */
  @Override
  public Object createConnectionFactory() throws ResourceException {
    return createConnectionFactory(new UnpooledConnectionManager());
  }

  /** Called by the connection manager when the pool needs another connection. */
  @Override
  public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info)
      throws ResourceException {
    validate();
    return new PspManagedConnection(this, resourceAdapter.gateway(), allowed());
  }

  /**
   * Called by the connection manager to pick a pooled connection: any live connection made by this
   * factory serves, since connections carry no per-user state.
   */
  @Override
  public ManagedConnection matchManagedConnections(
      @SuppressWarnings("rawtypes") Set candidates, Subject subject, ConnectionRequestInfo info) {
    for (Object candidate : candidates) {
      if (candidate instanceof PspManagedConnection connection
          && connection.factory() == this
          && !connection.isDestroyed()) {
        return connection;
      }
    }
    return null;
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
  public ResourceAdapter getResourceAdapter() {
    return resourceAdapter;
  }

  /** Called by the application server once, before the factory is used. */
  @Override
  public void setResourceAdapter(ResourceAdapter adapter) throws ResourceException {
    if (!(adapter instanceof PspResourceAdapter psp)) {
      throw new ResourceException("PSP factory needs the PSP resource adapter, got " + adapter);
    }
    this.resourceAdapter = psp;
  }

  @Override
  public TransactionSupportLevel getTransactionSupport() {
    return TransactionSupportLevel.XATransaction;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PspManagedConnectionFactory factory
        && factory.allowedConfigurations.equals(allowedConfigurations)
        && factory.resourceAdapter == resourceAdapter;
  }

  @Override
  public int hashCode() {
    return Objects.hash(allowedConfigurations, System.identityHashCode(resourceAdapter));
  }

  private Set<String> allowed() {
    return Arrays.stream(allowedConfigurations.split(","))
        .map(String::trim)
        .filter(id -> !id.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
