package io.tonewall.telephony.relay;

import io.tonewall.telephony.dtmf.DtmfKey;
import java.time.Duration;

/** Test fixture: a media listener that ignores everything; tests override what they watch. */
class SilentMediaListener implements MediaListener {

  @Override
  public void callerKey(DtmfKey key) {}

  @Override
  public void agentKey(DtmfKey key) {}

  @Override
  public void mediaTimedOut(Duration silence) {}

  @Override
  public void leakSuspected(long suspiciousFrames, long framesExamined) {}

  @Override
  public void secureWindowClosed(long suspiciousFrames, long framesExamined) {}
}
