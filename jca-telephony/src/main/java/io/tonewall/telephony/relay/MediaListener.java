package io.tonewall.telephony.relay;

import io.tonewall.telephony.dtmf.DtmfKey;
import java.time.Duration;

/**
 * What a {@link MediaSession} reports to its call, always on the relay thread: implementations must
 * return quickly and never block.
 */
public interface MediaListener {

  /**
   * The caller pressed a key while the caller → agent direction was secure (telephone-event or
   * in-band tone). The key is card data: never log or store it.
   */
  void callerKey(DtmfKey key);

  /** The agent pressed a key (telephone-event or in-band tone), as when dialling a pairing code. */
  void agentKey(DtmfKey key);

  /** No RTP or RTCP arrived from either side for {@code silence}; reported once per silence. */
  void mediaTimedOut(Duration silence);

  /**
   * The leak sentinel found a frame sent to the agent during a secure window that looked like DTMF
   * (see {@link SecureWindowSentinel}); never says which key.
   *
   * @param suspiciousFrames suspicious frames in this window so far, this one included
   * @param framesExamined frames examined in this window so far
   */
  void leakSuspected(long suspiciousFrames, long framesExamined);

  /**
   * A secure window ended (secure mode off and drained, or media closed): the sentinel's verdict.
   */
  void secureWindowClosed(long suspiciousFrames, long framesExamined);
}
