package io.tonewall.telephony.tool;

import io.tonewall.telephony.api.TelephonyMetrics;
import io.tonewall.telephony.api.UnknownCallException;
import io.tonewall.telephony.call.CallRegistry;
import java.util.function.Supplier;

/**
 * The command language of {@link RelayBenchNode}'s control socket, one line in, one line out:
 *
 * <ul>
 *   <li>{@code secure CALL-ID}: secure mode on for the call, for the session {@value #SESSION} (the
 *       same {@code Call.secureFor} the outbound connection API runs) → {@code ok}
 *   <li>{@code release CALL-ID}: secure mode off, session unlinked ({@code Call.releaseFor}) →
 *       {@code ok}
 *   <li>{@code pairing-code}: allocates a pairing code for the session {@value #PAIRING_SESSION}
 *       and never dials it, so that every unpaired call listens for the agent's in-band keys, as in
 *       a contact centre where some agent is always about to pair → {@code ok}
 *   <li>{@code metrics} → {@code calls=N sessions=N ports=N dialogs=N malformed=N}
 *   <li>{@code stop} → {@code ok}, then the node stops
 * </ul>
 *
 * Anything else, or an unknown call, is answered {@code error <why>}. Carries no card data: the
 * benchmark never requests a card field.
 */
final class RelayBenchControl {

  /** The payment session every benchmark call is secured for. */
  static final String SESSION = "relay-bench";

  /** The payment session {@code pairing-code} allocates its code for. */
  static final String PAIRING_SESSION = "relay-bench-pairing";

  private final CallRegistry calls;
  private final Supplier<TelephonyMetrics> metrics;
  private final Runnable stop;

  RelayBenchControl(CallRegistry calls, Supplier<TelephonyMetrics> metrics, Runnable stop) {
    this.calls = calls;
    this.metrics = metrics;
    this.stop = stop;
  }

  /** Runs one command line; returns the reply line (without line end). */
  String handle(String line) {
    String[] words = line.strip().split("\\s+");
    String command = words[0];
    try {
      switch (command) {
        case "secure" -> calls.require(callId(words, command)).secureFor(SESSION);
        case "release" -> calls.require(callId(words, command)).releaseFor(SESSION);
        case "pairing-code" -> calls.allocatePairingCode(PAIRING_SESSION);
        case "metrics" -> {
          TelephonyMetrics m = metrics.get();
          return "calls=%d sessions=%d ports=%d dialogs=%d malformed=%d"
              .formatted(
                  m.calls(),
                  m.mediaSessions(),
                  m.rtpPortsInUse(),
                  m.dialogs(),
                  m.malformedRtpPackets());
        }
        case "stop" -> stop.run();
        default -> {
          return "error unknown command '"
              + command
              + "' (commands: secure CALL-ID, release CALL-ID, pairing-code, metrics, stop)";
        }
      }
      return "ok";
    } catch (IllegalArgumentException | UnknownCallException e) {
      return "error " + e.getMessage();
    }
  }

  private static String callId(String[] words, String command) {
    if (words.length != 2) {
      throw new IllegalArgumentException(command + " needs exactly one argument: the SIP Call-ID");
    }
    return words[1];
  }
}
