package io.tonewall.telephony.ivr;

import io.tonewall.telephony.dtmf.DtmfKey;

/** What an {@link IvrMediaSession} reports, on the IVR media thread; must return quickly. */
public interface IvrMediaListener {

  /** The caller pressed a key (event or in-band). Card data: never log or store it. */
  void key(DtmfKey key);

  /** The last queued prompt has been sent: nothing is playing or queued any more. */
  void promptsDrained();
}
