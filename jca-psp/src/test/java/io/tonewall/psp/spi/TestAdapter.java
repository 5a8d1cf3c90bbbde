package io.tonewall.psp.spi;

import io.tonewall.psp.api.PspConnection;
import io.tonewall.psp.api.PspConnectionFactory;
import jakarta.resource.ResourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** A started resource adapter with one managed connection factory, as a server would set up. */
final class TestAdapter implements AutoCloseable {
  final PspResourceAdapter adapter;
  final PspManagedConnectionFactory factory;

  private TestAdapter(PspResourceAdapter adapter, PspManagedConnectionFactory factory) {
    this.adapter = adapter;
    this.factory = factory;
  }

  /** Sandbox only. */
  static TestAdapter start(Path logDirectory) throws ResourceException {
    return start(logDirectory, null);
  }

  /** With a configuration file or directory (null: sandbox only). */
  static TestAdapter start(Path logDirectory, Path configurations) throws ResourceException {
    return start(logDirectory, configurations, Clock.systemUTC());
  }

  /** With a configuration file or directory (null: sandbox only) and a clock. */
  static TestAdapter start(Path logDirectory, Path configurations, Clock clock)
      throws ResourceException {
    return start(logDirectory, configurations, clock, 1000);
  }

  /** With a read time-out long enough for a busy machine, where a test needs no time-out. */
  static TestAdapter patient(Path logDirectory, Path configurations) throws ResourceException {
    return start(logDirectory, configurations, Clock.systemUTC(), 10_000);
  }

  private static TestAdapter start(
      Path logDirectory, Path configurations, Clock clock, int readTimeoutMillis)
      throws ResourceException {
    PspResourceAdapter adapter = new PspResourceAdapter(clock);
    adapter.setRecoveryLogDirectory(logDirectory.toString());
    adapter.setReadTimeoutMillis(readTimeoutMillis);
    adapter.setConnectTimeoutMillis(500);
    if (configurations != null) {
      adapter.setConfigurationLocation(configurations.toString());
    }
    adapter.start(null);
    PspManagedConnectionFactory factory = new PspManagedConnectionFactory();
    factory.setResourceAdapter(adapter);
    return new TestAdapter(adapter, factory);
  }

  /** Writes a properties file with a Stripe and an Adyen configuration. */
  static Path providerConfigurations(Path directory, String stripeUrl, String adyenUrl)
      throws IOException {
    Path file = directory.resolve("psp.properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "stripe-test.provider=stripe",
            "stripe-test.baseUrl=" + stripeUrl,
            "stripe-test.apiKey=sk_test_secret",
            "adyen-test.provider=adyen",
            "adyen-test.baseUrl=" + adyenUrl + "/v71",
            "adyen-test.apiKey=AQE-secret",
            "adyen-test.merchantAccount=TonewallMOTO",
            ""));
    return file;
  }

  /** A connection outside any transaction. */
  PspConnection connection() throws ResourceException {
    return ((PspConnectionFactory) factory.createConnectionFactory()).getConnection();
  }

  /** A managed connection, to drive its XAResource as a transaction manager would. */
  PspManagedConnection managed() throws ResourceException {
    return (PspManagedConnection) factory.createManagedConnection(null, null);
  }

  /** Stops without finishing anything: what a crash leaves is what the log has. */
  void crash() {
    adapter.stop();
  }

  @Override
  public void close() {
    adapter.stop();
  }
}
