import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payment load generator for a running Tonewall: each worker thread, in a closed loop, opens a
 * payment session and pays it with the sandbox's documented approving test token ({@code POST
 * /api/v1/token-payments}, one request per payment, with its own {@code Idempotency-Key}). Every
 * payment is a real session row, transaction row, audit entries and a PSP sale inside one JTA
 * transaction. Prints, per concurrency level, payments per second and the latency distribution.
 *
 * <p>Run with the JDK's single-file launcher (no dependencies), normally through {@code
 * payments-bench.sh}:
 *
 * <pre>
 * java PaymentLoad.java BASE_URL CLIENT_ID CLIENT_SECRET CONCURRENCY[,CONCURRENCY...] SECONDS WARMUP_SECONDS [SERVER_PID]
 * </pre>
 *
 * <p>With the server's process id (Linux), each level also reports the server's CPU time per
 * payment (user + system, from {@code /proc/PID/stat}): what a payment costs whatever else runs on
 * the machine.
 *
 * <p>Exit status 0 when every measured payment was answered 201 with an APPROVED transaction, 1
 * otherwise (the failures are counted and the first one is printed).
 */
public final class PaymentLoad {

  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern APPROVED = Pattern.compile("\"outcome\"\\s*:\\s*\"APPROVED\"");
  private static final String TEST_TOKEN = "sbx_tok_test_approve";

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI base;
  private final String clientId;
  private final String clientSecret;
  private volatile String accessToken;

  private PaymentLoad(URI base, String clientId, String clientSecret) {
    this.base = base;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 6 && args.length != 7) {
      System.err.println(
          "usage: java PaymentLoad.java BASE_URL CLIENT_ID CLIENT_SECRET CONCURRENCY[,...] SECONDS"
              + " WARMUP_SECONDS [SERVER_PID]");
      System.exit(2);
    }
    PaymentLoad load = new PaymentLoad(URI.create(args[0].replaceAll("/*$", "/")), args[1], args[2]);
    int[] levels = Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
    int seconds = Integer.parseInt(args[4]);
    int warmup = Integer.parseInt(args[5]);
    ServerCpu cpu = args.length == 7 ? new ServerCpu(Long.parseLong(args[6])) : null;
    load.accessToken = load.fetchAccessToken();

    System.out.printf(
        Locale.ROOT,
        "%-11s %9s %11s %9s %9s %9s %9s %8s %13s%n",
        "concurrency",
        "payments",
        "payments/s",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "max ms",
        "failed",
        "server CPU ms");
    boolean allApproved = true;
    for (int level : levels) {
      load.run(level, warmup, false);
      double cpuBefore = cpu == null ? Double.NaN : cpu.seconds();
      Result result = load.run(level, seconds, true);
      double cpuPerPayment =
          cpu == null ? Double.NaN : (cpu.seconds() - cpuBefore) * 1000 / result.approved;
      System.out.printf(
          Locale.ROOT,
          "%-11d %9d %11.1f %9.1f %9.1f %9.1f %9.1f %8d %13.2f%n",
          level,
          result.approved,
          result.approved / result.seconds,
          result.percentile(50),
          result.percentile(90),
          result.percentile(99),
          result.percentile(100),
          result.failed,
          cpuPerPayment);
      if (result.failed > 0) {
        allApproved = false;
        System.out.println("  first failure: " + result.firstFailure);
      }
    }
    System.out.println("approved payments in total: " + load.totalApproved);
    System.exit(allApproved ? 0 : 1);
  }

  private long totalApproved;

  private Result run(int concurrency, int seconds, boolean measured) throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    List<Worker> workers = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(concurrency);
    long start = System.nanoTime();
    for (int i = 0; i < concurrency; i++) {
      Worker worker = new Worker(stop, done);
      workers.add(worker);
      Thread thread = new Thread(worker, "payment-load-" + i);
      thread.setDaemon(true);
      thread.start();
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    done.await();
    double elapsed = (System.nanoTime() - start) / 1e9;
    Result result = new Result(elapsed);
    for (Worker worker : workers) {
      result.add(worker);
    }
    totalApproved += result.approved;
    return result;
  }

  private String fetchAccessToken() throws IOException, InterruptedException {
    String basic =
        Base64.getEncoder()
            .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("api/v1/oauth/token"))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    Matcher token = ACCESS_TOKEN.matcher(response.body());
    if (response.statusCode() != 200 || !token.find()) {
      throw new IllegalStateException(
          "no access token: HTTP " + response.statusCode() + " " + response.body());
    }
    return token.group(1);
  }

  /** CPU time used so far by the server process, from {@code /proc/PID/stat}. */
  private static final class ServerCpu {
    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private final java.nio.file.Path stat;

    ServerCpu(long pid) {
      this.stat = java.nio.file.Path.of("/proc", Long.toString(pid), "stat");
    }

    double seconds() throws IOException {
      String line = java.nio.file.Files.readString(stat);
      String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
      // fields[0] is field 3 (state): utime is field 14, stime field 15
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }
  }

  /** One closed-loop client: the next payment starts when the previous one is answered. */
  private final class Worker implements Runnable {
    private final AtomicBoolean stop;
    private final CountDownLatch done;
    private final List<Long> latencies = new ArrayList<>();
    private long failed;
    private String firstFailure;

    Worker(AtomicBoolean stop, CountDownLatch done) {
      this.stop = stop;
      this.done = done;
    }

    @Override
    public void run() {
      try {
        while (!stop.get()) {
          pay();
        }
      } finally {
        done.countDown();
      }
    }

    private void pay() {
      String key = UUID.randomUUID().toString();
      String body =
          "{\"token\":\""
              + TEST_TOKEN
              + "\",\"amount\":1050,\"currency\":\"GBP\",\"merchantReference\":\"bench-"
              + key.substring(0, 8)
              + "\"}";
      HttpRequest request =
          HttpRequest.newBuilder(base.resolve("api/v1/token-payments"))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + accessToken)
              .header("Content-Type", "application/json")
              .header("Idempotency-Key", key)
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      long start = System.nanoTime();
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        if (response.statusCode() == 201 && APPROVED.matcher(response.body()).find()) {
          latencies.add(took);
        } else {
          fail("HTTP " + response.statusCode() + " " + response.body());
        }
      } catch (IOException e) {
        fail(e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop.set(true);
      }
    }

    private void fail(String why) {
      failed++;
      if (firstFailure == null) {
        firstFailure = why.length() > 300 ? why.substring(0, 300) : why;
      }
    }
  }

  /** Latencies and failures of one measured period, all workers together. */
  private static final class Result {
    private final double seconds;
    private long[] sorted = new long[0];
    private long approved;
    private long failed;
    private String firstFailure;

    Result(double seconds) {
      this.seconds = seconds;
    }

    void add(Worker worker) {
      long[] merged = Arrays.copyOf(sorted, sorted.length + worker.latencies.size());
      for (int i = 0; i < worker.latencies.size(); i++) {
        merged[sorted.length + i] = worker.latencies.get(i);
      }
      Arrays.sort(merged);
      sorted = merged;
      approved += worker.latencies.size();
      failed += worker.failed;
      if (firstFailure == null) {
        firstFailure = worker.firstFailure;
      }
    }

    double percentile(int p) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
  }
}
