package io.tonewall.telephony.rtp;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceRewriterTest {

  private final SequenceRewriter rewriter = SequenceRewriter.create();

  private static RtpPacket packet(int seq) {
    return RtpPacketWriter.create()
        .sequenceNumber(seq)
        .timestamp(160L * seq)
        .ssrc(0xCAFE)
        .writeTo(ByteBuffer.allocate(32), new byte[4]);
  }

  @Test
  void passesNumbersUnchanged_untilSomethingIsDroppedOrInserted() {
    // given
    RtpPacket packet = packet(4711);

    // when
    int outgoing = rewriter.forward(packet);

    // then
    assertThat(outgoing, is(4711));
    assertThat(packet.sequenceNumber(), is(4711));
  }

  @Test
  void closesTheGap_whenPacketsAreDropped() {
    // given: 10 forwarded, 11 and 12 dropped (telephone-events), 13 forwarded
    List<Integer> sent = new ArrayList<>();
    sent.add(rewriter.forward(packet(10)));
    rewriter.drop(packet(11));
    rewriter.drop(packet(12));

    // when
    RtpPacket next = packet(13);
    sent.add(rewriter.forward(next));

    // then
    assertThat(sent, contains(10, 11));
    assertThat(next.sequenceNumber(), is(11));
    assertThat(next.timestamp(), is(160L * 13));
    assertThat(next.ssrc(), is(0xCAFEL));
  }

  @Test
  void numbersInsertedPacketsBetweenForwardedOnes() {
    // given
    List<Integer> sent = new ArrayList<>();
    sent.add(rewriter.forward(packet(65534)));

    // when: two inserted, then the next incoming
    sent.add(rewriter.insert());
    sent.add(rewriter.insert());
    sent.add(rewriter.forward(packet(65535)));
    sent.add(rewriter.forward(packet(0)));

    // then: continuous across the wrap
    assertThat(sent, contains(65534, 65535, 0, 1, 2));
  }

  @Test
  void replacesDroppedPacketsByInsertedOnes_withoutGapOrRepeat() {
    // given
    List<Integer> sent = new ArrayList<>();
    sent.add(rewriter.forward(packet(100)));

    // when: each dropped event packet replaced by one inserted audio packet
    for (int seq = 101; seq <= 103; seq++) {
      rewriter.drop(packet(seq));
      sent.add(rewriter.insert());
    }
    sent.add(rewriter.forward(packet(104)));

    // then
    assertThat(sent, contains(100, 101, 102, 103, 104));
    assertThat(rewriter.offset(), is(0));
  }

  @Test
  void resumesFarAhead_keepingTheOffset_soLaterDropsAndInsertionsStayContinuous() {
    // given: one drop (offset -1), then 40,000 packets forwarded elsewhere with that offset
    rewriter.forward(packet(10));
    rewriter.drop(packet(11));
    int far = (12 + 40_000) & 0xFFFF;

    // when
    rewriter.resume(far);
    rewriter.drop(packet((far + 1) & 0xFFFF));
    int inserted = rewriter.insert();

    // then: the drop after the jump still closes its gap, and the inserted packet follows on
    assertThat(rewriter.offset(), is(0xFFFF));
    assertThat(inserted, is(far & 0xFFFF));
  }

  @Test
  void keepsUpstreamLossVisible() {
    // given
    rewriter.forward(packet(10));
    rewriter.drop(packet(11));

    // when: 12 and 13 lost upstream
    int outgoing = rewriter.forward(packet(14));

    // then: one number closed for the drop, two still missing for the loss
    assertThat(outgoing, is(13));
  }

  @Test
  void leavesOffset_whenALatePacketIsDropped() {
    // given
    rewriter.forward(packet(10));
    rewriter.forward(packet(12));

    // when
    rewriter.drop(packet(11));
    int outgoing = rewriter.forward(packet(13));

    // then
    assertThat(outgoing, is(13));
  }

  @Test
  void givesCreatedPacketsTheNumbersOfLostOnes_thenInsertsBeyondThem() {
    // given: 11 and 12 lost upstream
    List<Integer> sent = new ArrayList<>();
    sent.add(rewriter.forward(packet(10)));

    // when: three packets created before 13 arrives
    sent.add(rewriter.insertBefore(13));
    sent.add(rewriter.insertBefore(13));
    sent.add(rewriter.insertBefore(13));
    sent.add(rewriter.forward(packet(13)));

    // then: two took the lost numbers, the third was an insertion
    assertThat(sent, contains(10, 11, 12, 13, 14));
    assertThat(rewriter.offset(), is(1));
  }

  @Test
  void refusesToInsert_beforeAnyNumberIsKnown() {
    assertThrows(IllegalStateException.class, rewriter::insert);
  }
}
