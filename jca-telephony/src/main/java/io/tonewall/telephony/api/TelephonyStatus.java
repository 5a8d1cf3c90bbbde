package io.tonewall.telephony.api;

import java.util.Objects;
import java.util.Set;

/**
 * A snapshot of the adapter's listening state, as used by readiness checks.
 *
 * @param sipListening true when SIP listening points are open on {@code sipPort}
 * @param bindAddress the address SIP listens on
 * @param sipPort the SIP port (UDP and TCP)
 * @param transports the transports that listen, for example {@code "udp,tcp"}
 * @param ivrTransferNumber what callers are transferred to for the IVR (setting {@code
 *     ivrTransferNumber}, default {@code sip:<ivrNumber>@<advertised address>:<sip port>}); empty
 *     when the adapter is not started
 * @param ivrLanguages languages with a full set of IVR prompts, e.g. {@code [de, en, es, fr]}
 */
public record TelephonyStatus(
    boolean sipListening,
    String bindAddress,
    int sipPort,
    String transports,
    String ivrTransferNumber,
    Set<String> ivrLanguages) {

  public TelephonyStatus {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(transports, "transports");
    Objects.requireNonNull(ivrTransferNumber, "ivrTransferNumber");
    ivrLanguages = Set.copyOf(ivrLanguages);
  }

  /** A status without IVR (no transfer number, no languages). */
  public TelephonyStatus(boolean sipListening, String bindAddress, int sipPort, String transports) {
    this(sipListening, bindAddress, sipPort, transports, "", Set.of());
  }
}
