package io.tonewall.telephony.relay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JNI binding of the RTP fast path ({@code src/main/c/tonewall_rtp_fastpath.c}): an epoll set
 * per relay loop that also forwards plain normal-mode RTP between connected sockets without
 * returning to Java. {@link NativeReadiness} is its only user; see there for the rules.
 *
 * <p>The library is built with the module where a C compiler is present and travels in the
 * adapter's jar as a resource for its platform ({@code linux-amd64} today). It is copied to a
 * temporary file and loaded once per class loader, so a redeployed adapter loads its own copy.
 * Where it is missing or does not load, {@link #available()} says why and the relay uses Java NIO
 * alone.
 */
final class NativeFastPath {

  private static final Logger LOG = Logger.getLogger(NativeFastPath.class.getName());

  /** Bytes per datagram slot in the buffer {@link #poll} writes handed-back datagrams to. */
  static final int SLOT_BYTES = 2048;

  private static final Availability AVAILABILITY = load();

  private NativeFastPath() {}

  /**
   * @return empty when the fast path can be used; otherwise why not
   */
  static Optional<String> unavailableBecause() {
    return AVAILABILITY.reason();
  }

  static boolean available() {
    return AVAILABILITY.reason().isEmpty();
  }

  /** The library's resource name for this platform. */
  static String resourceName() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String platform = (os.contains("linux") ? "linux" : os.replace(' ', '_')) + "-" + arch;
    return "native/" + platform + "/libtonewall-rtp-fastpath.so";
  }

  private static Availability load() {
    String resource = resourceName();
    try (InputStream library =
        NativeFastPath.class.getClassLoader().getResourceAsStream(resource)) {
      if (library == null) {
        return new Availability(
            Optional.of("no native RTP fast path is built for this platform (" + resource + ")"));
      }
      Path copy = Files.createTempFile("tonewall-rtp-fastpath-", ".so");
      copy.toFile().deleteOnExit();
      Files.copy(library, copy, StandardCopyOption.REPLACE_EXISTING);
      System.load(copy.toAbsolutePath().toString());
      checkDescriptorAccess();
      return new Availability(Optional.empty());
    } catch (IOException | LinkageError | RuntimeException e) {
      LOG.log(Level.FINE, "the native RTP fast path did not load", e);
      return new Availability(
          Optional.of(
              "the native RTP fast path did not load: "
                  + e.getClass().getSimpleName()
                  + ": "
                  + e.getMessage()));
    }
  }

  /** The JDK's datagram channel must expose its descriptor the way the library reads it. */
  private static void checkDescriptorAccess() throws IOException {
    try (DatagramChannel probe = DatagramChannel.open()) {
      if (descriptor(probe) < 0) {
        throw new IOException("this JDK's DatagramChannel has no readable descriptor");
      }
    }
  }

  /** The socket's file descriptor, read from the JDK's channel; -1 (and an error) if not found. */
  static native int descriptor(DatagramChannel channel);

  /**
   * A new epoll set with its wake-up event; at most {@code maxEvents} per {@link #poll}.
   *
   * @param pending a direct buffer whose first four bytes (aligned, native order) count the tasks
   *     queued for the loop and not yet run; while it is not zero nothing is forwarded. It must
   *     outlive the handle.
   */
  static native long open(int maxEvents, ByteBuffer pending) throws IOException;

  /** Frees the set: only once no thread can use the handle any more. */
  static native void close(long handle);

  /** Adds a socket in JAVA mode (reported ready, read by Java); its counters start at zero. */
  static native void watch(long handle, int token, int fd) throws IOException;

  /** Removes a socket; it must be done before the socket is closed. */
  static native void unwatch(long handle, int token);

  /**
   * Puts a watched socket in FORWARD mode: each plain RTP datagram is sent to {@code outFd} with
   * {@code sequenceOffset} added to its sequence number; a datagram of payload type {@code
   * eventPayloadType} (or -1), or one that is not plain RTP, goes back to Java with the socket.
   *
   * @param keepHistory whether the last few forwarded datagrams are remembered for {@link
   *     #takeHistory}
   */
  static native void forward(
      long handle,
      int token,
      int outFd,
      int eventPayloadType,
      int sequenceOffset,
      boolean keepHistory);

  /**
   * Puts a socket back in JAVA mode.
   *
   * @return whether it was forwarding
   */
  static native boolean toJava(long handle, int token);

  /**
   * Moves the remembered datagrams, oldest first, into the direct buffer {@code into} as [two-byte
   * big-endian length][datagram]...
   *
   * @return bytes written
   */
  static native int takeHistory(long handle, int token, ByteBuffer into);

  /** Fills {@code out} with received, forwarded and dropped counts, three per token from 0. */
  static native void counters(long handle, long[] out);

  /** Ends a {@link #poll} that is waiting, now or at its next call. Any thread. */
  static native void wakeup(long handle);

  /**
   * Waits up to {@code timeoutMs} (0: not at all) and forwards what may be forwarded. For each
   * socket Java must handle it writes the token and -1 (read the socket) or the token and a
   * datagram's length (the datagram is in slot i of {@code slots}, and the socket is back in JAVA
   * mode) into {@code results}.
   *
   * @return how many such pairs were written
   */
  static native int poll(long handle, int timeoutMs, int[] results, ByteBuffer slots)
      throws IOException;

  private record Availability(Optional<String> reason) {}
}
