package io.tonewall.telephony.dtmf;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.tonewall.telephony.rtp.RtpPacket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random key sequences sent as RFC 4733 packets, then damaged the ways networks and phones damage
 * them: packets lost (at least one of each event survives), duplicated, and swapped within an
 * event. The receiver must still report each key exactly once, in order, with its start timestamp.
 */
class TelephoneEventReceiverPropertyTest {

  @Test
  void reportsEveryKeyExactlyOnceInOrder_despiteLossDuplicationAndReordering() {
    Random random = new Random(2833);
    for (int trial = 0; trial < 500; trial++) {
      // given
      int keys = 1 + random.nextInt(8);
      List<DtmfKey> pressed = new ArrayList<>();
      List<Long> starts = new ArrayList<>();
      List<RtpPacket> wire = new ArrayList<>();
      long timestamp = random.nextInt() & 0xFFFF_FFFFL;
      int seq = random.nextInt(65536);
      for (int k = 0; k < keys; k++) {
        DtmfKey key = DtmfKey.values()[random.nextInt(16)];
        int steps = 1 + random.nextInt(8);
        pressed.add(key);
        starts.add(timestamp);
        List<RtpPacket> event = new ArrayList<>();
        for (int step = 1; step <= steps + 3; step++) {
          boolean end = step > steps;
          int duration = 160 * Math.min(step, steps);
          String block =
              String.format("%02x%02x%04x", key.eventCode(), (end ? 0x80 : 0) | 10, duration);
          event.add(EventPackets.packet(seq, timestamp, step == 1, block));
          seq = (seq + 1) & 0xFFFF;
        }
        wire.addAll(damage(random, event));
        timestamp = (timestamp + 160L * steps + 800 + random.nextInt(8000)) & 0xFFFF_FFFFL;
      }
      TelephoneEventReceiver receiver = TelephoneEventReceiver.create();

      // when
      List<DtmfKeyPress> presses = new ArrayList<>();
      for (RtpPacket packet : wire) {
        presses.addAll(receiver.receive(packet));
      }
      Optional<DtmfKeyPress> last = receiver.expire((timestamp + 100_000) & 0xFFFF_FFFFL);
      last.ifPresent(presses::add);

      // then
      assertThat("trial " + trial, presses.stream().map(DtmfKeyPress::key).toList(), is(pressed));
      assertThat(
          "trial " + trial,
          presses.stream().map(DtmfKeyPress::startTimestamp).toList(),
          is(starts));
    }
  }

  private static List<RtpPacket> damage(Random random, List<RtpPacket> event) {
    List<RtpPacket> damaged = new ArrayList<>();
    for (RtpPacket packet : event) {
      if (random.nextInt(4) == 0) {
        continue;
      }
      damaged.add(packet);
      if (random.nextInt(5) == 0) {
        damaged.add(packet);
      }
    }
    if (damaged.isEmpty()) {
      damaged.add(event.get(random.nextInt(event.size())));
    }
    for (int swaps = random.nextInt(3); swaps > 0 && damaged.size() > 1; swaps--) {
      int at = random.nextInt(damaged.size() - 1);
      Collections.swap(damaged, at, at + 1);
    }
    return damaged;
  }
}
