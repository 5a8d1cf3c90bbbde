package io.tonewall.telephony.sip;

/**
 * The {@code o=} session id and version Tonewall uses on one leg: the id stays, the version grows
 * by one with every new description sent on the leg (RFC 3264 section 8). Thread-safe.
 */
public final class SdpOrigin {

  private final long sessionId;
  private long version;

  private SdpOrigin(long sessionId) {
    this.sessionId = sessionId;
    this.version = sessionId;
  }

  /** A new origin whose id and first version are {@code sessionId}. */
  public static SdpOrigin of(long sessionId) {
    return new SdpOrigin(Math.abs(sessionId % 1_000_000_000_000L));
  }

  public long sessionId() {
    return sessionId;
  }

  /** The version of the description being written now. */
  public synchronized long version() {
    return version;
  }

  /** Moves to the next version, before a changed description is sent. */
  public synchronized void advance() {
    version++;
  }
}
