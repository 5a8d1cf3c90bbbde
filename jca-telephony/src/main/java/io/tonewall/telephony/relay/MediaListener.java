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
}
