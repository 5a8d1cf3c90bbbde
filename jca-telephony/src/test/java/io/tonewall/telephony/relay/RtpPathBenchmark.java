package io.tonewall.telephony.relay;

import io.tonewall.telephony.audio.G711;
import io.tonewall.telephony.dtmf.DtmfKeyPress;
import io.tonewall.telephony.dtmf.TelephoneEventReceiver;
import io.tonewall.telephony.rtp.RtpPacket;
import io.tonewall.telephony.rtp.RtpPacketWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Rough throughput of the packet path, single thread, no JMH: parse, telephone-event receiving, and
 * the agent leg in normal and secure mode. Not a test; run by hand (see docs/performance.md):
 *
 * <pre>
 * mvn -q -B -pl jca-telephony test-compile
 * java -cp jca-telephony/target/classes:jca-telephony/target/test-classes \
 *     io.tonewall.telephony.relay.RtpPathBenchmark
 * </pre>
 */
public final class RtpPathBenchmark {

  private static final int PACKETS = 200_000;
  private static final int ROUNDS = 8;

  private RtpPathBenchmark() {}

  public static void main(String[] args) {
    byte[][] audio = audioPackets(PACKETS);
    byte[][] events = eventPackets(PACKETS);
    for (int round = 1; round <= ROUNDS; round++) {
      System.out.printf(
          "round %d: parse %.0f ns, receive event %.0f ns, agent leg normal %.0f ns,"
              + " secure %.0f ns per packet%n",
          round, parse(audio), receive(events), agentLeg(audio, false), agentLeg(audio, true));
    }
  }

  private static double parse(byte[][] packets) {
    long sink = 0;
    long start = System.nanoTime();
    for (byte[] bytes : packets) {
      sink += RtpPacket.parse(bytes).sequenceNumber();
    }
    return perPacket(start, packets.length, sink);
  }

  private static double receive(byte[][] packets) {
    TelephoneEventReceiver receiver = TelephoneEventReceiver.create();
    long sink = 0;
    long start = System.nanoTime();
    for (byte[] bytes : packets) {
      sink += receiver.receive(RtpPacket.parse(bytes)).size();
    }
    return perPacket(start, packets.length, sink);
  }

  private static double agentLeg(byte[][] packets, boolean secure) {
    List<DtmfKeyPress> presses = new ArrayList<>();
    AgentLegStream stream = AgentLegStream.create(AgentLegFormat.of(0, 101), presses::add);
    if (secure) {
      stream.enterSecureMode();
    }
    long sink = 0;
    long start = System.nanoTime();
    for (byte[] bytes : packets) {
      sink += stream.process(RtpPacket.parse(bytes)).size();
    }
    return perPacket(start, packets.length, sink + presses.size());
  }

  private static double perPacket(long start, int count, long sink) {
    double nanos = (double) (System.nanoTime() - start) / count;
    return sink == Long.MIN_VALUE ? -nanos : nanos;
  }

  private static byte[][] audioPackets(int count) {
    RtpPacketWriter writer = RtpPacketWriter.create().payloadType(0).ssrc(0x1234);
    short[] speechLike = new short[160];
    byte[][] packets = new byte[count][];
    for (int i = 0; i < count; i++) {
      for (int n = 0; n < 160; n++) {
        speechLike[n] = (short) (3000 * Math.sin(2 * Math.PI * 300 * (i * 160 + n) / 8000.0));
      }
      ByteBuffer target = ByteBuffer.allocate(172);
      writer.sequenceNumber(i).timestamp(160L * i).writeTo(target, G711.linearToUlaw(speechLike));
      packets[i] = target.array();
    }
    return packets;
  }

  private static byte[][] eventPackets(int count) {
    RtpPacketWriter writer = RtpPacketWriter.create().payloadType(101).ssrc(0x1234);
    byte[][] packets = new byte[count][];
    for (int i = 0; i < count; i++) {
      int event = i / 8;
      int step = i % 8;
      boolean end = step >= 5;
      int duration = 160 * Math.min(step + 1, 5);
      ByteBuffer target = ByteBuffer.allocate(16);
      writer
          .marker(step == 0)
          .sequenceNumber(i)
          .timestamp(2000L * event)
          .writeTo(
              target,
              new byte[] {
                (byte) (event % 16),
                (byte) ((end ? 0x80 : 0) | 10),
                (byte) (duration >>> 8),
                (byte) duration
              });
      packets[i] = target.array();
    }
    return packets;
  }
}
