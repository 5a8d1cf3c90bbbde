package io.tonewall.telephony.sip;

import io.tonewall.telephony.call.Call;
import io.tonewall.telephony.relay.LegSide;
import io.tonewall.telephony.relay.MediaSession;
import java.util.Optional;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;

/**
 * The SIP side of one anchored call: the caller's dialog (Tonewall as UAS) and the agent's dialog
 * (Tonewall as UAC), the initial INVITE transactions on both, the descriptions negotiated, and
 * where the call stands. Guarded by its own monitor; the {@link B2bua} synchronizes on it.
 */
final class CallLegs {

  /** Where the call stands. */
  enum State {
    /** The agent's INVITE is out, no final answer yet. */
    EARLY,
    /** Both legs answered. */
    CONFIRMED,
    /** The caller cancelled before the agent answered. */
    CANCELLED,
    /** Over: media released, call removed. */
    ENDED
  }

  final String callerCallId;
  final String agentCallId;
  final String callerTag;
  final Call call;
  final MediaSession media;
  final ServerTransaction callerInvite;
  final Dialog callerDialog;
  final SdpOrigin callerOrigin;
  final SdpOrigin agentOrigin;
  final AudioDescription callerOffer;
  ClientTransaction agentInvite;
  Dialog agentDialog;
  State state = State.EARLY;
  boolean cancelPending;

  CallLegs(
      String callerCallId,
      String agentCallId,
      String callerTag,
      Call call,
      MediaSession media,
      ServerTransaction callerInvite,
      Dialog callerDialog,
      AudioDescription callerOffer,
      long originSeed) {
    this.callerCallId = callerCallId;
    this.agentCallId = agentCallId;
    this.callerTag = callerTag;
    this.call = call;
    this.media = media;
    this.callerInvite = callerInvite;
    this.callerDialog = callerDialog;
    this.callerOffer = callerOffer;
    this.callerOrigin = SdpOrigin.of(originSeed);
    this.agentOrigin = SdpOrigin.of(originSeed + 1);
  }

  LegSide sideOf(String callId) {
    return callId.equals(callerCallId) ? LegSide.CALLER : LegSide.AGENT;
  }

  Optional<Dialog> dialog(LegSide side) {
    return Optional.ofNullable(side == LegSide.CALLER ? callerDialog : agentDialog);
  }

  SdpOrigin origin(LegSide side) {
    return side == LegSide.CALLER ? callerOrigin : agentOrigin;
  }

  boolean live() {
    return state == State.EARLY || state == State.CONFIRMED;
  }
}
