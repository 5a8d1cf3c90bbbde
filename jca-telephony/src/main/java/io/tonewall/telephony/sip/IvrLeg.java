package io.tonewall.telephony.sip;

import io.tonewall.telephony.api.TransferOutcome;
import io.tonewall.telephony.call.Call;
import io.tonewall.telephony.ivr.IvrCall;
import io.tonewall.telephony.ivr.IvrMediaSession;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;

/**
 * The SIP side of one IVR call: Tonewall is the UAS of the caller's dialog and terminates the
 * media. Guarded by its own monitor; {@link IvrUas} synchronizes on it.
 */
final class IvrLeg {

  /** Where the call stands. */
  enum State {
    /** 200 OK sent, the caller's ACK awaited. */
    ANSWERED,
    /** ACKed: the dialogue runs. */
    CONFIRMED,
    /** REFER sent (or being sent); BYE follows its outcome, reported when the call ends. */
    REFERRING,
    /** Over: media closed, call removed. */
    ENDED
  }

  final String callId;
  final Call call;
  final IvrMediaSession media;
  final ServerTransaction invite;
  final Dialog dialog;
  final SdpOrigin origin;
  final Instant ackDeadline;
  IvrCall dialogue;
  AudioDescription lastOffer;
  State state = State.ANSWERED;
  Optional<Instant> referDeadline = Optional.empty();

  /** The REFER's final outcome, once known; none when the call ends: {@code NO_ANSWER}. */
  Optional<TransferOutcome> transferOutcome = Optional.empty();

  /** The SIP status that decided {@link #transferOutcome}, if any. */
  OptionalInt transferStatus = OptionalInt.empty();

  IvrLeg(
      String callId,
      Call call,
      IvrMediaSession media,
      ServerTransaction invite,
      Dialog dialog,
      SdpOrigin origin,
      Instant ackDeadline) {
    this.callId = callId;
    this.call = call;
    this.media = media;
    this.invite = invite;
    this.dialog = dialog;
    this.origin = origin;
    this.ackDeadline = ackDeadline;
  }

  boolean live() {
    return state != State.ENDED;
  }
}
