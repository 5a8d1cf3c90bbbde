package io.tonewall.session.infrastructure.jca;

import io.tonewall.telephony.api.TelephonyConnection;
import io.tonewall.telephony.api.TelephonyConnectionFactory;
import io.tonewall.telephony.api.TelephonyStatus;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.resource.ResourceException;

/**
 * The session beans' door to the telephony adapter. Its connection factory is the application's
 * {@code java:app/eis/tonewall/telephony}: an application-scoped resource in the EAR, mapped to the
 * global {@code eis/tonewall/telephony} on Payara Micro (see config/).
 */
@Stateless
public class TelephonyGateway {

  @Resource(lookup = "java:app/eis/tonewall/telephony")
  private TelephonyConnectionFactory connections;

  /**
   * The adapter's listening state.
   *
   * @throws AdapterUnavailableException when the adapter cannot be reached
   */
  public TelephonyStatus status() {
    try (TelephonyConnection connection = connections.getConnection()) {
      return connection.status();
    } catch (ResourceException e) {
      throw new AdapterUnavailableException("telephony adapter: " + e.getMessage(), e);
    }
  }
}
