package io.tonewall.telephony.node;

import static org.junit.jupiter.api.Assertions.fail;

import io.tonewall.telephony.audio.G711;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Peers of the end-to-end tests on loopback: SIPp processes, a tshark capture, spandsp's dtmfcheck
 * (built once from the shared tools into target/dtmf-check) and synthesised DTMF audio. A missing
 * tool fails the test; nothing is skipped.
 */
final class Loopback {

  static final Path WORK = Path.of("target", "it-loopback").toAbsolutePath();
  static final Path DTMF_TOOLS = Path.of("target", "dtmf-check").toAbsolutePath();

  /** The shared folder beside the project root, as the other ITs find it. */
  static final Path SHARED = Path.of("..", "..", "shared").toAbsolutePath().normalize();

  static final Path SCENARIOS = Path.of("src", "test", "resources", "sipp").toAbsolutePath();

  private static final List<Process> STARTED = new java.util.concurrent.CopyOnWriteArrayList<>();

  private Loopback() {}

  /**
   * A port free for both TCP and UDP on loopback right now (SIP listens on both; a TCP-only check
   * let other processes' UDP sockets collide on a busy machine).
   */
  static int freePort() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket socket = new ServerSocket(0)) {
        int port = socket.getLocalPort();
        try (java.net.DatagramSocket udp =
            new java.net.DatagramSocket(port, java.net.InetAddress.getLoopbackAddress())) {
          return port;
        } catch (java.net.SocketException taken) {
          // UDP side busy: try another port
        }
      }
    }
    throw new IOException("no port free for both TCP and UDP after 50 attempts");
  }

  /** Starts a process whose output goes to {@code WORK/name.log}. */
  static Process start(String name, List<String> command) throws IOException {
    Files.createDirectories(WORK);
    Process process =
        new ProcessBuilder(command)
            .directory(WORK.toFile())
            .redirectErrorStream(true)
            .redirectOutput(WORK.resolve(name + ".log").toFile())
            .start();
    STARTED.add(process);
    return process;
  }

  /** Kills what a failed test left running, so that the next one finds its ports free. */
  static void stopAll() throws InterruptedException {
    for (Process process : STARTED) {
      if (process.isAlive()) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    }
    STARTED.clear();
  }

  /** Waits for a process and returns its exit status, killing it after {@code seconds}. */
  static int await(Process process, int seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }

  static String log(String name) throws IOException {
    Path file = WORK.resolve(name + ".log");
    return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
  }

  /**
   * SIPp as the agent: answers {@code calls} calls on {@code sipPort}, media on {@code mediaPort}.
   */
  static Process agent(int sipPort, int mediaPort, int calls) throws IOException {
    return agent(SCENARIOS.resolve("agent_uas.xml"), sipPort, mediaPort, calls);
  }

  /** SIPp as the agent with another scenario. */
  static Process agent(Path scenario, int sipPort, int mediaPort, int calls) throws IOException {
    return start(
        "agent",
        List.of(
            "sipp",
            "-sf",
            scenario.toString(),
            "-i",
            "127.0.0.1",
            "-p",
            String.valueOf(sipPort),
            "-mi",
            "127.0.0.1",
            "-mp",
            String.valueOf(mediaPort),
            "-m",
            String.valueOf(calls),
            "-nostdin",
            "-timeout",
            "120s",
            "-timeout_error",
            "-trace_err",
            "-error_file",
            WORK.resolve("agent_errors.log").toString()));
  }

  /** SIPp as the caller: {@code calls} calls of {@code scenario} towards Tonewall. */
  static Process caller(
      String scenario, int tonewallPort, int sipPort, int mediaPort, int calls, List<String> more)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "sipp",
                "-sf",
                SCENARIOS.resolve(scenario).toString(),
                "127.0.0.1:" + tonewallPort,
                "-i",
                "127.0.0.1",
                "-p",
                String.valueOf(sipPort),
                "-mi",
                "127.0.0.1",
                "-mp",
                String.valueOf(mediaPort),
                "-m",
                String.valueOf(calls),
                "-nostdin",
                "-timeout",
                "120s",
                "-timeout_error",
                "-trace_err",
                "-error_file",
                WORK.resolve("caller_errors.log").toString()));
    command.addAll(more);
    return start("caller", command);
  }

  /**
   * A copy of a scenario with {@code placeholder} replaced, for values SIPp does not substitute
   * itself (play_dtmf, rtp_stream).
   */
  static Path scenarioWith(String scenario, String placeholder, String value) throws IOException {
    Files.createDirectories(WORK);
    Path copy = WORK.resolve(scenario);
    Files.writeString(
        copy,
        Files.readString(SCENARIOS.resolve(scenario), StandardCharsets.ISO_8859_1)
            .replace(placeholder, value),
        StandardCharsets.ISO_8859_1);
    return copy;
  }

  /** Captures UDP to {@code port} on loopback into {@code file}; returns once capturing. */
  static Process capture(int port, Path file) throws Exception {
    return captureFilter("udp dst port " + port, file);
  }

  /** Captures loopback traffic matching the capture {@code filter}; returns once capturing. */
  static Process captureFilter(String filter, Path file) throws Exception {
    Files.deleteIfExists(file);
    Process tshark =
        start("tshark", List.of("tshark", "-i", "lo", "-f", filter, "-w", file.toString()));
    for (int i = 0; i < 300; i++) { // tshark needs >10 s to start on a loaded 2-core machine
      if (log("tshark").contains("Capturing on")) {
        return tshark;
      }
      if (!tshark.isAlive()) {
        fail("tshark could not capture on lo: " + log("tshark"));
      }
      Thread.sleep(100);
    }
    fail("tshark did not start capturing: " + log("tshark"));
    return tshark;
  }

  /** Stops a capture cleanly so that the file is complete. */
  static void stop(Process capture) throws InterruptedException {
    capture.destroy();
    capture.waitFor(10, TimeUnit.SECONDS);
  }

  /** dtmfcheck from the shared tools, built once into target/dtmf-check. */
  static synchronized Path dtmfcheck() throws Exception {
    Path binary = DTMF_TOOLS.resolve("dtmfcheck");
    if (!Files.isExecutable(binary)) {
      String tools =
          System.getenv()
              .getOrDefault("DTMF_CHECK_DIR", SHARED.resolve("tools/dtmf-check").toString());
      Process build = start("dtmfcheck-build", List.of(tools + "/build.sh", DTMF_TOOLS.toString()));
      if (await(build, 180) != 0 || !Files.isExecutable(binary)) {
        fail("dtmfcheck could not be built: " + log("dtmfcheck-build"));
      }
    }
    return binary;
  }

  /** Runs a command to its end; returns exit status and output. */
  static Result run(String name, List<String> command) throws Exception {
    Process process = start(name, command);
    int status = await(process, 120);
    return new Result(status, log(name));
  }

  record Result(int status, String output) {}

  /**
   * Writes {@code keys} as in-band DTMF in A-law: each tone {@code onMs} at about -10 dBm0 per
   * frequency, then {@code offMs} of silence, after 200 ms of silence, into {@code card.al} in the
   * working directory of the SIPp processes (SIPp does not substitute keys in rtp_stream paths).
   */
  static Path dtmfAudio(String keys, int onMs, int offMs) throws IOException {
    return dtmfAudio("card.al", keys, onMs, offMs);
  }

  /**
   * As {@link #dtmfAudio(String, int, int)} into {@code fileName}; a space in {@code keys} is one
   * second of silence.
   */
  static Path dtmfAudio(String fileName, String keys, int onMs, int offMs) throws IOException {
    String rows = "123A456B789C*0#D";
    int[] low = {697, 770, 852, 941};
    int[] high = {1209, 1336, 1477, 1633};
    List<Short> samples = new ArrayList<>();
    for (int i = 0; i < 1600; i++) {
      samples.add((short) 0);
    }
    double amplitude = 32767 * Math.pow(10, (-10 - 3.14) / 20);
    for (char key : keys.toCharArray()) {
      if (key == ' ') {
        for (int n = 0; n < 8000; n++) {
          samples.add((short) 0);
        }
        continue;
      }
      int index = rows.indexOf(key);
      double f1 = low[index / 4];
      double f2 = high[index % 4];
      for (int n = 0; n < onMs * 8; n++) {
        double t = n / 8000.0;
        samples.add(
            (short)
                Math.round(
                    amplitude * Math.sin(2 * Math.PI * f1 * t)
                        + amplitude * Math.sin(2 * Math.PI * f2 * t)));
      }
      for (int n = 0; n < offMs * 8; n++) {
        samples.add((short) 0);
      }
    }
    short[] linear = new short[samples.size()];
    for (int i = 0; i < linear.length; i++) {
      linear[i] = samples.get(i);
    }
    Files.createDirectories(WORK);
    Path file = WORK.resolve(fileName);
    Files.write(file, G711.linearToAlaw(linear));
    return file;
  }
}
