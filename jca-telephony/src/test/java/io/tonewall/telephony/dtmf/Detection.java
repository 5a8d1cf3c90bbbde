package io.tonewall.telephony.dtmf;

import java.util.ArrayList;
import java.util.List;

/** Runs a detector over audio in frames of a given length and collects what it reports. */
final class Detection implements DtmfObserver {

  final List<DtmfDigit> digits = new ArrayList<>();
  final List<long[]> suspected = new ArrayList<>();

  static Detection of(short[] audio, int frame) {
    Detection d = new Detection();
    DtmfDetector detector = new DtmfDetector(d);
    for (int i = 0; i < audio.length; i += frame) {
      detector.process(audio, i, Math.min(frame, audio.length - i));
    }
    detector.process(new short[320]);
    detector.finish();
    return d;
  }

  static Detection of(short[] audio) {
    return of(audio, 160);
  }

  String keys() {
    StringBuilder b = new StringBuilder();
    digits.forEach(d -> b.append(d.symbol()));
    return b.toString();
  }

  @Override
  public void digitDetected(DtmfDigit digit) {
    digits.add(digit);
  }

  @Override
  public void toneSuspected(long fromSample, long toSample) {
    suspected.add(new long[] {fromSample, toSample});
  }
}
