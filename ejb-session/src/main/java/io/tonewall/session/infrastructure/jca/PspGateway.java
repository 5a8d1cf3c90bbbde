package io.tonewall.session.infrastructure.jca;

import io.tonewall.psp.api.IdempotencyKey;
import io.tonewall.psp.api.PaymentStatus;
import io.tonewall.psp.api.PspConfigurationSummary;
import io.tonewall.psp.api.PspConnection;
import io.tonewall.psp.api.PspConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.resource.ResourceException;
import java.util.List;

/**
 * The session beans' door to the PSP adapter: the application's {@code java:app/eis/tonewall/psp}
 * (application-scoped in the EAR, mapped to the global {@code eis/tonewall/psp} on Payara Micro).
 */
@Stateless
public class PspGateway {

  @Resource(lookup = "java:app/eis/tonewall/psp")
  private PspConnectionFactory connections;

  /**
   * The PSP configurations sessions may choose from.
   *
   * @throws AdapterUnavailableException when the adapter cannot be reached
   */
  public List<PspConfigurationSummary> configurations() {
    try (PspConnection connection = connections.getConnection()) {
      return connection.configurations();
    } catch (ResourceException e) {
      throw new AdapterUnavailableException("PSP adapter: " + e.getMessage(), e);
    }
  }

  /**
   * Asks a configuration's provider for the status of a request by its idempotency key.
   *
   * @throws AdapterUnavailableException when the adapter or provider cannot answer
   */
  public PaymentStatus status(String configuration, String idempotencyKey) {
    try (PspConnection connection = connections.getConnection()) {
      return connection.status(configuration, IdempotencyKey.of(idempotencyKey));
    } catch (ResourceException e) {
      throw new AdapterUnavailableException("PSP adapter: " + e.getMessage(), e);
    }
  }
}
