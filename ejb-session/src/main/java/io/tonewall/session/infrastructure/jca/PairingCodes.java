package io.tonewall.session.infrastructure.jca;

import io.tonewall.telephony.api.TelephonyConnection;
import io.tonewall.telephony.api.TelephonyConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.resource.ResourceException;
import java.util.UUID;

/**
 * Pairing codes from the telephony adapter: the code an agent dials on the live call to link it to
 * a payment session. A newer code replaces the session's older one.
 */
@Stateless
public class PairingCodes {

  @Resource(lookup = "java:app/eis/tonewall/telephony")
  private TelephonyConnectionFactory connections;

  /**
   * A new pairing code for the session.
   *
   * @throws AdapterUnavailableException when the adapter cannot be reached
   */
  public String allocate(UUID sessionId) {
    try (TelephonyConnection connection = connections.getConnection()) {
      return connection.allocatePairingCode(sessionId.toString());
    } catch (ResourceException e) {
      throw new AdapterUnavailableException("telephony adapter: " + e.getMessage(), e);
    }
  }
}
