package io.tonewall.telephony.api;

import java.util.Objects;

/**
 * A snapshot of the adapter's listening state, as used by readiness checks.
 *
 * @param sipListening true when SIP listening points are open on {@code sipPort}
 * @param bindAddress the address SIP listens on
 * @param sipPort the SIP port (UDP and TCP)
 * @param transports the transports that listen, for example {@code "udp,tcp"}
 */
public record TelephonyStatus(
    boolean sipListening, String bindAddress, int sipPort, String transports) {

  public TelephonyStatus {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(transports, "transports");
  }
}
