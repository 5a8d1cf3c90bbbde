package io.tonewall.telephony.relay;

/** The two legs of an anchored call. */
public enum LegSide {
  /** Towards the caller (the carrier trunk or PBX). */
  CALLER,
  /** Towards the agent. */
  AGENT;

  /** The opposite side. */
  public LegSide other() {
    return this == CALLER ? AGENT : CALLER;
  }
}
