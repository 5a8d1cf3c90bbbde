package io.tonewall.psp.bench;

import io.tonewall.psp.api.AuthorisationKind;
import io.tonewall.psp.api.AuthorisationRequest;
import io.tonewall.psp.api.IdempotencyKey;
import io.tonewall.psp.api.Money;
import io.tonewall.psp.api.Outcome;
import io.tonewall.psp.api.PaymentCard;
import io.tonewall.psp.api.PaymentResult;
import io.tonewall.psp.api.PspConnection;
import io.tonewall.psp.spi.PspManagedConnectionFactory;
import io.tonewall.psp.spi.PspResourceAdapter;
import jakarta.resource.spi.ManagedConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * Sandbox authorisations per second through the adapter's managed connection and XAResource, one
 * transaction branch per authorisation (start, authorise a sale, end, prepare, commit, which
 * captures): the full transactional path including the forced writes of the recovery log.
 *
 * <p>Arguments: {@code [authorisationsPerThread] [recoveryLogDirectory]}.
 */
public final class PspBenchmark {
  private static final Money AMOUNT = Money.of(1999, "GBP");

  private PspBenchmark() {}

  public static void main(String[] args) throws Exception {
    int perThread = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    Path logDirectory =
        args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("psp-bench-log");
    Logger.getLogger("io.tonewall").setLevel(Level.WARNING);
    PspResourceAdapter adapter = new PspResourceAdapter();
    adapter.setRecoveryLogDirectory(logDirectory.toString());
    adapter.start(null);
    try {
      PspManagedConnectionFactory factory = new PspManagedConnectionFactory();
      factory.setResourceAdapter(adapter);
      run(factory, 1, Math.max(500, perThread / 5), "warm-up");
      double one = run(factory, 1, perThread, "1 thread");
      double two = run(factory, 2, perThread, "2 threads");
      System.out.printf(
          "RESULT sandbox XA authorisations/s: 1 thread %.0f, 2 threads %.0f (log in %s)%n",
          one, two, logDirectory);
    } finally {
      adapter.stop();
    }
  }

  private static double run(
      PspManagedConnectionFactory factory, int threads, int perThread, String label)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Integer>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String prefix = label.replace(' ', '-') + "-t" + t + "-" + System.nanoTime();
        workers.add(() -> authorisations(factory, prefix, perThread));
      }
      long started = System.nanoTime();
      int approved = 0;
      for (Future<Integer> result : pool.invokeAll(workers)) {
        approved += result.get();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      double rate = threads * perThread / seconds;
      System.out.printf(
          "%-9s %d x %d authorisations in %.2f s: %.0f/s (%d approved and captured)%n",
          label, threads, perThread, seconds, rate, approved);
      return rate;
    } finally {
      pool.shutdown();
    }
  }

  private static int authorisations(PspManagedConnectionFactory factory, String prefix, int count)
      throws Exception {
    ManagedConnection managed = factory.createManagedConnection(null, null);
    XAResource xa = managed.getXAResource();
    PspConnection connection = (PspConnection) managed.getConnection(null, null);
    char[] pan = "4242424242424242".toCharArray();
    char[] expiry = "1230".toCharArray();
    char[] code = "123".toCharArray();
    int approved = 0;
    try {
      for (int i = 0; i < count; i++) {
        Xid xid = new BenchXid(prefix, i);
        xa.start(xid, XAResource.TMNOFLAGS);
        PaymentResult result;
        try (PaymentCard card = PaymentCard.of(pan, expiry, code)) {
          result =
              connection.authorise(
                  new AuthorisationRequest(
                      "sandbox",
                      IdempotencyKey.of(prefix.hashCode() + "-" + i + "-" + prefix.length()),
                      AMOUNT,
                      card,
                      AuthorisationKind.SALE));
        }
        xa.end(xid, XAResource.TMSUCCESS);
        if (xa.prepare(xid) == XAResource.XA_OK) {
          xa.commit(xid, false);
        }
        if (result.outcome() == Outcome.APPROVED) {
          approved++;
        }
      }
    } finally {
      connection.close();
      managed.destroy();
    }
    return approved;
  }

  /** A branch id per authorisation. */
  private record BenchXid(String prefix, int sequence) implements Xid {
    @Override
    public int getFormatId() {
      return 4661;
    }

    @Override
    public byte[] getGlobalTransactionId() {
      return (prefix + "-" + sequence).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public byte[] getBranchQualifier() {
      return new byte[] {1};
    }
  }
}
