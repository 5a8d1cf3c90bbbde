package io.tonewall.web.it;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * SIPp peers on loopback for the end-to-end ITs: an agent (UAS) that Tonewall relays calls to and a
 * caller that calls in through Tonewall. Scenarios come from {@code src/test/resources/sipp}; each
 * peer's output goes to {@code target/it-sipp/<run>/<name>.log}, also SIPp's working folder (where
 * the caller finds the in-band DTMF audio). A missing {@code sipp} fails the test.
 */
final class SippPeers implements AutoCloseable {

  static final Path SCENARIOS = Path.of("src", "test", "resources", "sipp").toAbsolutePath();

  /** SIPp media ports: far from Tonewall's RTP range in the ITs (21000-21099). */
  private static final int AGENT_MEDIA = 23000;

  private static final int CALLER_MEDIA = 23100;

  private final Path work;
  private final List<Process> started = new ArrayList<>();

  SippPeers(String run) throws IOException {
    work = Path.of("target", "it-sipp", run).toAbsolutePath();
    Files.createDirectories(work);
  }

  /** The agent answering one call on {@code sipPort} and dialling {@code pairingCode}. */
  Process pairingAgent(int sipPort, String pairingCode) throws IOException {
    Path scenario = work.resolve("agent_pairing.xml");
    Files.writeString(
        scenario,
        Files.readString(SCENARIOS.resolve("agent_pairing.xml"), StandardCharsets.ISO_8859_1)
            .replace("PAIRING_CODE", pairingCode),
        StandardCharsets.ISO_8859_1);
    return start("agent", scenario, List.of("-p", String.valueOf(sipPort)), AGENT_MEDIA);
  }

  /**
   * A caller transferred to Tonewall's IVR ({@code caller_ivr.xml}) who keys {@code linkId} and
   * then the card: {@code cardNumber}, expiry 12/30 and security code 123.
   */
  Process ivrCaller(int tonewallPort, String linkId, String cardNumber) throws IOException {
    return ivrCaller("caller_ivr.xml", tonewallPort, linkId, cardNumber);
  }

  /** An IVR caller running {@code name} with the link id and card number written in. */
  Process ivrCaller(String name, int tonewallPort, String linkId, String cardNumber)
      throws IOException {
    return ivrCaller(name, tonewallPort, Map.of("LINK_ID", linkId, "CARD_NUMBER", cardNumber));
  }

  /**
   * An IVR caller running {@code name} with each of {@code placeholders}' keys (none a part of
   * another) replaced by its value: the link id, card numbers, an expected header.
   */
  Process ivrCaller(String name, int tonewallPort, Map<String, String> placeholders)
      throws IOException {
    String text = Files.readString(SCENARIOS.resolve(name), StandardCharsets.ISO_8859_1);
    for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
      text = text.replace(placeholder.getKey(), placeholder.getValue());
    }
    Path scenario = work.resolve(name);
    Files.writeString(scenario, text, StandardCharsets.ISO_8859_1);
    return start(
        "caller",
        scenario,
        List.of("127.0.0.1:" + tonewallPort, "-p", String.valueOf(freeUdpPort())),
        CALLER_MEDIA);
  }

  /** The caller running {@code scenario} once towards Tonewall's SIP port. */
  Process caller(String scenario, int tonewallPort) throws IOException {
    return start(
        "caller",
        SCENARIOS.resolve(scenario),
        List.of(
            "127.0.0.1:" + tonewallPort,
            "-p",
            String.valueOf(freeUdpPort()),
            "-key",
            "reference",
            "e2e"),
        CALLER_MEDIA);
  }

  /**
   * Writes {@code keys} as in-band DTMF (A-law, about -10 dBm0 per tone, {@code onMs} tone then
   * {@code offMs} silence, after 200 ms of silence) into {@code card.al} in SIPp's working folder.
   */
  void dtmfAudio(String keys, int onMs, int offMs) throws IOException {
    String rows = "123A456B789C*0#D";
    int[] low = {697, 770, 852, 941};
    int[] high = {1209, 1336, 1477, 1633};
    double amplitude = 32767 * Math.pow(10, (-10 - 3.14) / 20);
    int samples = 1600 + keys.length() * (onMs + offMs) * 8;
    byte[] alaw = new byte[samples];
    int n = 0;
    for (int i = 0; i < 1600; i++) {
      alaw[n++] = alaw(0);
    }
    for (char key : keys.toCharArray()) {
      int index = rows.indexOf(key);
      for (int i = 0; i < onMs * 8; i++) {
        double t = i / 8000.0;
        alaw[n++] =
            alaw(
                (int)
                    Math.round(
                        amplitude * Math.sin(2 * Math.PI * low[index / 4] * t)
                            + amplitude * Math.sin(2 * Math.PI * high[index % 4] * t)));
      }
      for (int i = 0; i < offMs * 8; i++) {
        alaw[n++] = alaw(0);
      }
    }
    Files.write(work.resolve("card.al"), alaw);
  }

  /**
   * Writes {@code count} dual tones of 770 + 1336 Hz whose column tone is {@code twistDb} weaker
   * than the row tone (-10 dBm0), {@code onMs} on and {@code offMs} off after 200 ms of silence, as
   * A-law into {@code leak.al}: with 15.5 dB of twist the masker does not take it for a key and the
   * over-sensitive leak sentinel does (jca-telephony's TwistedToneLeakTest).
   */
  void twistedToneAudio(int count, int onMs, int offMs, double twistDb) throws IOException {
    double row = 32767 * Math.pow(10, (-10 - 3.14) / 20);
    double column = row * Math.pow(10, -twistDb / 20);
    byte[] alaw = new byte[1600 + count * (onMs + offMs) * 8];
    Arrays.fill(alaw, alaw(0));
    int n = 1600;
    for (int k = 0; k < count; k++) {
      for (int i = 0; i < onMs * 8; i++) {
        double t = i / 8000.0;
        alaw[n++] =
            alaw(
                (int)
                    Math.round(
                        row * Math.sin(2 * Math.PI * 770 * t)
                            + column * Math.sin(2 * Math.PI * 1336 * t)));
      }
      n += offMs * 8;
    }
    Files.write(work.resolve("leak.al"), alaw);
  }

  /** Waits for a peer and returns its exit status, killing it after {@code seconds} (then -1). */
  static int await(Process process, int seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }

  /** A peer's output so far, for assertion messages. */
  String log(String name) throws IOException {
    Path file = work.resolve(name + ".log");
    return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
  }

  /** Kills peers a failed test left running, so that the next test finds its ports free. */
  @Override
  public void close() throws InterruptedException {
    for (Process process : started) {
      if (process.isAlive()) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  private Process start(String name, Path scenario, List<String> arguments, int mediaPort)
      throws IOException {
    List<String> command = new ArrayList<>(List.of("sipp", "-sf", scenario.toString()));
    command.addAll(arguments);
    command.addAll(
        List.of(
            "-i",
            "127.0.0.1",
            "-mi",
            "127.0.0.1",
            "-mp",
            String.valueOf(mediaPort),
            "-m",
            "1",
            "-nostdin",
            "-timeout",
            "90s",
            "-timeout_error",
            "-trace_err",
            "-error_file",
            work.resolve(name + "_errors.log").toString()));
    Process process =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve(name + ".log").toFile())
            .start();
    started.add(process);
    return process;
  }

  private static int freeUdpPort() throws IOException {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** ITU-T G.711 A-law of a 16-bit sample. */
  private static byte alaw(int sample) {
    int pcm = Math.max(-32768, Math.min(32767, sample)) >> 3;
    int mask;
    if (pcm >= 0) {
      mask = 0xD5;
    } else {
      mask = 0x55;
      pcm = -pcm - 1;
    }
    int segment = 0;
    int end = 0x1F;
    while (segment < 8 && pcm > end) {
      segment++;
      end = (end << 1) | 1;
    }
    if (segment >= 8) {
      return (byte) (0x7F ^ mask);
    }
    int value = segment << 4;
    value |= segment < 2 ? (pcm >> 1) & 0x0F : (pcm >> segment) & 0x0F;
    return (byte) (value ^ mask);
  }
}
