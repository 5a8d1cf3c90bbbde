package io.tonewall.telephony.api;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import java.io.Serializable;

/**
 * Connection factory of the telephony adapter, looked up at {@code eis/tonewall/telephony}.
 * Applications obtain a {@link TelephonyConnection}, use it, and close it.
 */
public interface TelephonyConnectionFactory extends Serializable, Referenceable {

  /** Opens a connection handle; the caller closes it. */
  TelephonyConnection getConnection() throws ResourceException;
}
