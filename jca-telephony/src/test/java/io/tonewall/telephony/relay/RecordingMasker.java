package io.tonewall.telephony.relay;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Test masker: writes KEY_DOWN or MASKED into every byte and records what it was asked. */
final class RecordingMasker implements PayloadMasker {

  static final byte MASKED = 0x22;
  static final byte KEY_DOWN = 0x11;

  final List<Boolean> keyDownCalls = new ArrayList<>();
  int resets;

  @Override
  public void mask(ByteBuffer payload, boolean keyDown) {
    keyDownCalls.add(keyDown);
    for (int i = payload.position(); i < payload.limit(); i++) {
      payload.put(i, keyDown ? KEY_DOWN : MASKED);
    }
  }

  @Override
  public void reset() {
    resets++;
  }
}
