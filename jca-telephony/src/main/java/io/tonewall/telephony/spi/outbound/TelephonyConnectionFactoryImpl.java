package io.tonewall.telephony.spi.outbound;

import io.tonewall.telephony.api.TelephonyConnection;
import io.tonewall.telephony.api.TelephonyConnectionFactory;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import javax.naming.Reference;

/** The object applications find at {@code eis/tonewall/telephony}. */
final class TelephonyConnectionFactoryImpl implements TelephonyConnectionFactory {

  private static final long serialVersionUID = 1L;

  private final TelephonyManagedConnectionFactory factory;
  private final ConnectionManager manager;
  private Reference reference;

  TelephonyConnectionFactoryImpl(
      TelephonyManagedConnectionFactory factory, ConnectionManager manager) {
    this.factory = factory;
    this.manager = manager;
  }

  @Override
  public TelephonyConnection getConnection() throws ResourceException {
    return (TelephonyConnection) manager.allocateConnection(factory, null);
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
