package io.tonewall.telephony.relay;

import java.nio.ByteBuffer;

/**
 * The audio side of the secure agent leg, one instance per stream: rewrites G.711 payloads so that
 * the agent hears no key tones. It holds audio back by its look-ahead, so what it writes into a
 * payload is the masked audio of an earlier moment; frames are passed in timeline order, one call
 * per 8 kHz frame. Implemented over the audio package's G.711 codec and DTMF masker.
 */
public interface PayloadMasker {

  /**
   * Replaces the caller's audio in {@code payload} (position to limit, one G.711 byte per sample)
   * with the masked, delayed audio for the agent, in place and of the same length.
   *
   * @param keyDown true when a telephone-event says a key is held during this frame: its audio is
   *     to become the masking tone whatever it contains
   */
  void mask(ByteBuffer payload, boolean keyDown);

  /**
   * Forgets held-back audio and detector state, as when secure mode begins or ends. Held-back audio
   * is discarded, never released.
   */
  void reset();
}
