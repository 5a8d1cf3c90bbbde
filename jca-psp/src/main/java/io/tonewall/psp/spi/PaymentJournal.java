package io.tonewall.psp.spi;

import io.tonewall.psp.api.Money;
import io.tonewall.psp.api.PaymentState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The ledger's memory across restarts: one line per change of a payment (provider reference,
 * configuration, authorised amount, state, captured and refunded amounts; no card data), so that
 * captures, voids and refunds of payments made before a restart are still checked and allowed. Not
 * forced to disk: a line lost in an operating system crash only makes that payment unknown again (a
 * status query brings it back where the provider has one). Replayed on open; rewritten to the
 * latest line per payment on open and whenever it has grown by {@link #COMPACT_AFTER_BYTES},
 * dropping finished payments (voided, refunded) and those past their retention.
 */
final class PaymentJournal implements AutoCloseable {
  static final String FILE_NAME = "psp-payments.log";
  static final long COMPACT_AFTER_BYTES = 4L << 20;

  /** Uncaptured authorisations expire at the schemes long before this. */
  static final Duration AUTHORISED_RETENTION = Duration.ofDays(31);

  /** Refunds are possible for about a year. */
  static final Duration CAPTURED_RETENTION = Duration.ofDays(400);

  private static final Logger LOG = Logger.getLogger(PaymentJournal.class.getName());

  /** The latest state of one payment. */
  record Snapshot(
      String configuration,
      Money authorised,
      PaymentState state,
      long captured,
      long refunded,
      Instant at) {}

  private final Path file;
  private final Clock clock;
  private final long compactAfterBytes;
  private final Map<String, Snapshot> latest = new LinkedHashMap<>();
  private FileChannel channel;
  private long bytesSinceCompaction;

  private PaymentJournal(Path file, Clock clock, long compactAfterBytes) {
    this.file = file;
    this.clock = clock;
    this.compactAfterBytes = compactAfterBytes;
  }

  /**
   * Opens (creating if needed) the journal in a directory, replays and compacts it.
   *
   * @throws IOException if it cannot be created, read or written
   */
  static PaymentJournal open(Path directory, Clock clock) throws IOException {
    return open(directory, clock, COMPACT_AFTER_BYTES);
  }

  static PaymentJournal open(Path directory, Clock clock, long compactAfterBytes)
      throws IOException {
    Files.createDirectories(directory);
    PaymentJournal journal =
        new PaymentJournal(directory.resolve(FILE_NAME), clock, compactAfterBytes);
    if (Files.exists(journal.file)) {
      for (String line : Files.readAllLines(journal.file, StandardCharsets.UTF_8)) {
        journal.replay(line);
      }
    }
    journal.compact();
    return journal;
  }

  /** The payments a previous run knew and that are still retained. */
  synchronized Map<String, Snapshot> payments() {
    return Map.copyOf(latest);
  }

  /**
   * Records the new state of a payment; answers the references dropped if this write compacted the
   * journal, for the ledger to forget as well.
   */
  synchronized Set<String> record(
      String reference,
      String configuration,
      Money authorised,
      PaymentState state,
      long captured,
      long refunded) {
    if (channel == null) {
      throw new IllegalStateException("payment journal " + file + " is closed");
    }
    Snapshot snapshot =
        new Snapshot(configuration, authorised, state, captured, refunded, clock.instant());
    latest.put(reference, snapshot);
    try {
      bytesSinceCompaction += write(channel, reference, snapshot);
      return bytesSinceCompaction > compactAfterBytes ? compact() : Set.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write payment journal " + file, e);
    }
  }

  Path file() {
    return file;
  }

  @Override
  public synchronized void close() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }

  private Set<String> compact() throws IOException {
    if (channel != null) {
      channel.close();
    }
    Instant now = clock.instant();
    Set<String> dropped = new HashSet<>();
    latest
        .entrySet()
        .removeIf(
            entry -> {
              boolean drop = finished(entry.getValue(), now);
              if (drop) {
                dropped.add(entry.getKey());
              }
              return drop;
            });
    Path next = file.resolveSibling(FILE_NAME + ".next");
    try (FileChannel out =
        FileChannel.open(
            next,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      for (Map.Entry<String, Snapshot> entry : latest.entrySet()) {
        write(out, entry.getKey(), entry.getValue());
      }
      out.force(true);
    }
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    bytesSinceCompaction = 0;
    return dropped;
  }

  private static boolean finished(Snapshot snapshot, Instant now) {
    Duration age = Duration.between(snapshot.at(), now);
    switch (snapshot.state()) {
      case AUTHORISED:
        return age.compareTo(AUTHORISED_RETENTION) > 0;
      case CAPTURED:
        return age.compareTo(CAPTURED_RETENTION) > 0;
      default:
        return true;
    }
  }

  private static int write(FileChannel out, String reference, Snapshot snapshot)
      throws IOException {
    String line =
        String.join(
                " ",
                snapshot.at().toString(),
                "PAYMENT",
                encode(reference),
                encode(snapshot.configuration()),
                Long.toString(snapshot.authorised().minorUnits()),
                snapshot.authorised().currencyCode(),
                snapshot.state().name(),
                Long.toString(snapshot.captured()),
                Long.toString(snapshot.refunded()))
            + "\n";
    ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      out.write(bytes);
    }
    return line.length();
  }

  private void replay(String line) {
    String[] f = line.split(" ");
    try {
      if (f.length != 9 || !"PAYMENT".equals(f[1])) {
        throw new IllegalArgumentException("not a payment record");
      }
      latest.put(
          URLDecoder.decode(f[2], StandardCharsets.UTF_8),
          new Snapshot(
              URLDecoder.decode(f[3], StandardCharsets.UTF_8),
              new Money(Long.parseLong(f[4]), Money.currencyOf(f[5])),
              PaymentState.valueOf(f[6]),
              Long.parseLong(f[7]),
              Long.parseLong(f[8]),
              Instant.parse(f[0])));
    } catch (RuntimeException e) {
      LOG.warning(
          "skipping unreadable payment journal record ("
              + e.getClass().getSimpleName()
              + "): a torn last line after a crash is expected");
    }
  }

  private static String encode(String field) {
    return URLEncoder.encode(field, StandardCharsets.UTF_8);
  }
}
