package io.tonewall.telephony.rtp;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Property-style check: whatever bytes arrive, only the documented exception escapes. */
class RtpPacketFuzzTest {

  private static final int ROUNDS = 20_000;

  @Test
  void throwsOnlyMalformedRtpPacketException_forRandomAndTruncatedInput() {
    // given
    Random random = new Random(4733);
    byte[] valid = validPacketWithEverything();
    int accepted = 0;
    int rejected = 0;

    for (int round = 0; round < ROUNDS; round++) {
      byte[] input = mutation(random, valid, round);
      // when
      try {
        RtpPacket packet = RtpPacket.parse(ByteBuffer.wrap(input));
        // then: an accepted packet's regions are consistent and readable
        assertThat(
            packet.payloadOffset() + packet.payloadLength() + packet.paddingLength(),
            is(input.length));
        assertThat(packet.payloadOffset(), lessThanOrEqualTo(input.length));
        for (int i = 0; i < packet.csrcCount(); i++) {
          packet.csrc(i);
        }
        packet.extension().ifPresent(extension -> extension.data().remaining());
        packet.payload().remaining();
        accepted++;
      } catch (MalformedRtpPacketException expected) {
        rejected++;
      }
    }

    // then: both branches were exercised (any other exception fails the test by escaping)
    assertThat(accepted, greaterThan(ROUNDS / 50));
    assertThat(rejected, greaterThan(ROUNDS / 50));
  }

  private static byte[] mutation(Random random, byte[] valid, int round) {
    switch (round % 3) {
      case 0:
        {
          byte[] noise = new byte[random.nextInt(64)];
          random.nextBytes(noise);
          if (noise.length > 0) {
            noise[0] = (byte) ((noise[0] & 0x3F) | 0x80);
          }
          return noise;
        }
      case 1:
        return Arrays.copyOf(valid, random.nextInt(valid.length + 1));
      default:
        {
          byte[] flipped = valid.clone();
          for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
            int index = random.nextInt(Math.min(flipped.length, 24));
            flipped[index] ^= (byte) (1 << random.nextInt(8));
          }
          if (random.nextBoolean()) {
            flipped[flipped.length - 1] = (byte) random.nextInt(8);
          }
          return random.nextBoolean()
              ? flipped
              : Arrays.copyOf(flipped, flipped.length - random.nextInt(4));
        }
    }
  }

  private static byte[] validPacketWithEverything() {
    ByteBuffer target = ByteBuffer.allocate(128);
    RtpPacket packet =
        RtpPacketWriter.create()
            .payloadType(0)
            .csrcs(1, 2)
            .extension(0xBEDE, new byte[] {1, 2, 3, 4})
            .padding(4)
            .writeTo(target, new byte[20]);
    return Arrays.copyOf(target.array(), packet.length());
  }
}
