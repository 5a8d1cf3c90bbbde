package io.tonewall.session.domain;

/** How the caller takes part in a payment session. */
public enum SessionMode {
  /** The agent stays on the call while the caller keys the card. */
  AGENT_ASSIST,
  /** The caller is alone with Tonewall's IVR. */
  IVR,
  /** Pay-by-link: the caller pays on a web page. */
  DIGITAL
}
