package io.tonewall.telephony.relay;

import java.nio.ByteBuffer;

/** What a relay loop does with what its {@link LoopReadiness} found. Relay thread. */
interface ReadyHandler {

  /** {@code inlet}'s socket has a datagram for Java to read. */
  void readable(Inlet inlet);

  /**
   * The fast path read {@code datagram} (between position and limit) from {@code inlet}'s socket
   * and left it to Java, which now handles that socket again.
   */
  void handedBack(Inlet inlet, ByteBuffer datagram);
}
