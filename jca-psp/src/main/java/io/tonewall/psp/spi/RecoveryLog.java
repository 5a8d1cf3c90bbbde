package io.tonewall.psp.spi;

import io.tonewall.psp.api.IdempotencyKey;
import io.tonewall.psp.api.Money;
import io.tonewall.psp.api.Operation;
import io.tonewall.psp.api.Outcome;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The durable, append-only log of transactional work, one line per record, holding no card data:
 * branch id, configuration, idempotency key, operation, provider reference, amount and outcome.
 * Records that decide money ({@code SENT} before an authorisation leaves, {@code PREPARED} with its
 * deferred requests) are forced to disk before the call proceeds. On open the log is replayed into
 * the branches still open and compacted to them; while running, the log mirrors every record it
 * writes into its own view of the open branches and rewrites itself from that view whenever it has
 * grown by {@link #COMPACT_AFTER_BYTES}, so that it stays small however long the server runs.
 *
 * <p>Forcing is group commit: records are written one call at a time, but a call that must be
 * durable waits only for a force that began after its records were written, and one force covers
 * every record written before it. Concurrent payments thus share fsyncs instead of queueing one
 * fsync each behind the log's lock.
 *
 * <pre>
 * time SENT     branch configuration key amount currency captured
 * time RESULT   branch key outcome reference
 * time INTENT   branch configuration key operation reference amount currency
 * time PREPARED branch
 * time DONE     branch key outcome
 * time END      branch COMMITTED|ROLLED_BACK
 * </pre>
 */
final class RecoveryLog implements AutoCloseable {
  static final String FILE_NAME = "psp-transactions.log";
  static final long COMPACT_AFTER_BYTES = 1L << 20;
  private static final Logger LOG = Logger.getLogger(RecoveryLog.class.getName());

  private final Path file;
  private final Clock clock;
  private final Map<BranchId, TransactionBranch> recovered;
  private final Map<BranchId, TransactionBranch> mirror;
  private final long compactAfterBytes;

  /** Held while forcing or compacting; always taken before the log's own monitor. */
  private final Object forcing = new Object();

  private FileChannel channel;
  private long bytesSinceCompaction;

  /** Records written so far (guarded by this). */
  private long appended;

  /** Records known to be on disk (guarded by {@link #forcing}). */
  private long durable;

  private RecoveryLog(
      Path file,
      Clock clock,
      Map<BranchId, TransactionBranch> recovered,
      Map<BranchId, TransactionBranch> mirror,
      long compactAfterBytes) {
    this.file = file;
    this.clock = clock;
    this.recovered = recovered;
    this.mirror = mirror;
    this.compactAfterBytes = compactAfterBytes;
  }

  /**
   * Opens (creating if needed) the log in a directory, replays and compacts it.
   *
   * @throws IOException if the directory or file cannot be created, read or written
   */
  static RecoveryLog open(Path directory, Clock clock) throws IOException {
    return open(directory, clock, COMPACT_AFTER_BYTES);
  }

  /** As {@link #open(Path, Clock)}, compacting after the given growth. */
  static RecoveryLog open(Path directory, Clock clock, long compactAfterBytes) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve(FILE_NAME);
    Map<BranchId, TransactionBranch> open = new LinkedHashMap<>();
    Map<BranchId, TransactionBranch> mirror = new LinkedHashMap<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        replay(line, open);
        replay(line, mirror);
      }
    }
    RecoveryLog log = new RecoveryLog(file, clock, open, mirror, compactAfterBytes);
    log.compact();
    return log;
  }

  /** Branches a previous run left open. */
  Map<BranchId, TransactionBranch> recovered() {
    return recovered;
  }

  void sent(BranchId branch, TransactionBranch.Authorisation authorisation) {
    append(
        true,
        "SENT",
        branch.toString(),
        authorisation.configuration(),
        authorisation.key().value(),
        Long.toString(authorisation.amount().minorUnits()),
        authorisation.amount().currencyCode(),
        Boolean.toString(authorisation.captured()));
  }

  void result(BranchId branch, IdempotencyKey key, Outcome outcome, Optional<String> reference) {
    append(false, "RESULT", branch.toString(), key.value(), outcome.name(), reference.orElse(""));
  }

  /** Writes the deferred requests and the PREPARED mark, forced to disk. */
  void prepared(TransactionBranch branch) {
    List<String[]> records = new ArrayList<>();
    for (TransactionBranch.DeferredRequest request : branch.requests()) {
      records.add(intent(branch.id(), request));
    }
    records.add(new String[] {"PREPARED", branch.id().toString()});
    appendAll(true, records);
  }

  void done(BranchId branch, IdempotencyKey key, Outcome outcome) {
    append(false, "DONE", branch.toString(), key.value(), outcome.name());
  }

  void ended(BranchId branch, String how) {
    append(false, "END", branch.toString(), how);
  }

  Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    synchronized (forcing) {
      synchronized (this) {
        if (channel != null) {
          channel.close();
          channel = null;
        }
      }
    }
  }

  private static String[] intent(BranchId id, TransactionBranch.DeferredRequest request) {
    return new String[] {
      "INTENT",
      id.toString(),
      request.configuration(),
      request.key().value(),
      request.operation().name(),
      request.reference(),
      request.amount().map(m -> Long.toString(m.minorUnits())).orElse(""),
      request.amount().map(Money::currencyCode).orElse("")
    };
  }

  /** Branches the log itself considers open: what a restart now would recover. */
  synchronized int openBranches() {
    return mirror.size();
  }

  private synchronized void compact() throws IOException {
    if (channel != null) {
      channel.close();
    }
    Collection<TransactionBranch> open = mirror.values();
    Path next = file.resolveSibling(FILE_NAME + ".next");
    try (FileChannel out =
        FileChannel.open(
            next,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      for (TransactionBranch branch : open) {
        for (TransactionBranch.Authorisation a : branch.authorisations()) {
          write(
              out,
              "SENT",
              branch.id().toString(),
              a.configuration(),
              a.key().value(),
              Long.toString(a.amount().minorUnits()),
              a.amount().currencyCode(),
              Boolean.toString(a.captured()));
          if (a.outcome().isPresent()) {
            write(
                out,
                "RESULT",
                branch.id().toString(),
                a.key().value(),
                a.outcome().get().name(),
                a.reference().orElse(""));
          }
        }
        if (branch.isPrepared()) {
          for (TransactionBranch.DeferredRequest request : branch.requests()) {
            write(out, intent(branch.id(), request));
          }
          write(out, "PREPARED", branch.id().toString());
        }
        for (IdempotencyKey done : branch.doneKeys()) {
          write(out, "DONE", branch.id().toString(), done.value(), "SETTLED");
        }
      }
      out.force(true);
    }
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    bytesSinceCompaction = 0;
  }

  private void append(boolean force, String... fields) {
    appendAll(force, List.<String[]>of(fields));
  }

  private void appendAll(boolean force, List<String[]> records) {
    try {
      long written = write(records);
      if (force) {
        forceThrough(written);
      }
      compactIfGrown();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write recovery log " + file, e);
    }
  }

  /** Writes the records and answers how many records the log holds with them. */
  private synchronized long write(List<String[]> records) throws IOException {
    FileChannel out = openChannel();
    for (String[] record : records) {
      String line = write(out, record);
      bytesSinceCompaction += line.length();
      replay(line, mirror);
    }
    appended += records.size();
    return appended;
  }

  private synchronized FileChannel openChannel() {
    if (channel == null) {
      throw new IllegalStateException("recovery log " + file + " is closed");
    }
    return channel;
  }

  /**
   * Returns once the first {@code record} records are on disk: at once if a force that began after
   * they were written has finished, otherwise after forcing everything written so far.
   */
  private void forceThrough(long record) throws IOException {
    synchronized (forcing) {
      if (durable >= record) {
        return;
      }
      FileChannel out;
      long through;
      synchronized (this) {
        out = openChannel();
        through = appended;
      }
      out.force(false);
      durable = through;
    }
  }

  private void compactIfGrown() throws IOException {
    synchronized (forcing) {
      synchronized (this) {
        if (channel != null && bytesSinceCompaction > compactAfterBytes) {
          compact();
          durable = appended;
        }
      }
    }
  }

  /** Writes one record and answers its line, without the line feed. */
  private String write(FileChannel out, String... fields) throws IOException {
    StringBuilder line = new StringBuilder(clock.instant().toString());
    for (String field : fields) {
      line.append(' ')
          .append(field.isEmpty() ? "-" : URLEncoder.encode(field, StandardCharsets.UTF_8));
    }
    String text = line.toString();
    ByteBuffer bytes = ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      out.write(bytes);
    }
    return text;
  }

  private static void replay(String line, Map<BranchId, TransactionBranch> open) {
    String[] f = line.split(" ");
    try {
      for (int i = 0; i < f.length; i++) {
        f[i] = "-".equals(f[i]) ? "" : URLDecoder.decode(f[i], StandardCharsets.UTF_8);
      }
      if (f.length < 3) {
        throw new IllegalArgumentException("short record");
      }
      BranchId id = BranchId.parse(f[2]);
      TransactionBranch branch = open.computeIfAbsent(id, b -> new TransactionBranch(b, true));
      switch (f[1]) {
        case "SENT":
          branch.sent(
              new TransactionBranch.Authorisation(
                  f[3],
                  new IdempotencyKey(f[4]),
                  new Money(Long.parseLong(f[5]), Money.currencyOf(f[6])),
                  Boolean.parseBoolean(f[7]),
                  Optional.empty(),
                  Optional.empty()));
          break;
        case "RESULT":
          branch.answered(
              new IdempotencyKey(f[3]),
              Outcome.valueOf(f[4]),
              f.length > 5 && !f[5].isEmpty() ? Optional.of(f[5]) : Optional.empty());
          break;
        case "INTENT":
          branch.defer(
              new TransactionBranch.DeferredRequest(
                  f[3],
                  new IdempotencyKey(f[4]),
                  Operation.valueOf(f[5]),
                  f[6],
                  f.length > 8 && !f[7].isEmpty()
                      ? Optional.of(new Money(Long.parseLong(f[7]), Money.currencyOf(f[8])))
                      : Optional.empty()));
          break;
        case "PREPARED":
          branch.markPrepared();
          break;
        case "DONE":
          branch.done(new IdempotencyKey(f[3]));
          break;
        case "END":
          open.remove(id);
          break;
        default:
          throw new IllegalArgumentException("unknown record type");
      }
    } catch (RuntimeException e) {
      LOG.warning(
          "skipping unreadable recovery log record ("
              + e.getClass().getSimpleName()
              + "): a torn last line after a crash is expected");
    }
  }
}
