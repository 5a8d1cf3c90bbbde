package io.tonewall.psp.spi;

import io.tonewall.psp.http.PspHttpClient;
import io.tonewall.psp.http.WorkManagerExecutor;
import io.tonewall.psp.provider.InvalidPspConfigurationException;
import io.tonewall.psp.provider.sandbox.SandboxAcquirer;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * The PSP resource adapter: reads the PSP configurations, opens the recovery log and holds the
 * payment gateway that every connection pool of the adapter shares. Called by the application
 * server ({@code start} at deployment, {@code stop} at undeployment, {@code getXAResources} during
 * transaction recovery).
 */
@Connector(
    displayName = "Tonewall PSP adapter",
    description = "Payment service providers (sandbox, Stripe, Adyen) behind one XA connection",
    vendorName = "Tonewall",
    eisType = "Payment service provider",
    version = "1.0",
    transactionSupport = TransactionSupport.TransactionSupportLevel.XATransaction,
    reauthenticationSupport = false)
public class PspResourceAdapter implements ResourceAdapter {
  private static final Logger LOG = Logger.getLogger(PspResourceAdapter.class.getName());

  static final String DEFAULT_RECOVERY_LOG_DIRECTORY = "var/psp-recovery";

  @ConfigProperty(
      defaultValue = "",
      description =
          "A .properties or .json file of PSP configurations, or a directory of such files; empty:"
              + " tonewall.psp.configuration / TONEWALL_PSP_CONFIGURATION, else the built-in"
              + " sandbox only")
  private String configurationLocation = "";

  @ConfigProperty(
      defaultValue = "",
      description =
          "Directory of the durable transaction log (no card data); empty:"
              + " tonewall.psp.recovery.dir / TONEWALL_PSP_RECOVERY_DIR, else var/psp-recovery")
  private String recoveryLogDirectory = "";

  @ConfigProperty(defaultValue = "3000", description = "TCP connect time-out to providers, ms")
  private Integer connectTimeoutMillis = 3000;

  @ConfigProperty(
      defaultValue = "20000",
      description = "Time to wait for a provider's answer, ms; then the outcome is UNKNOWN")
  private Integer readTimeoutMillis = 20000;

  @ConfigProperty(defaultValue = "0", description = "Simulated latency of the sandbox, ms")
  private Integer sandboxLatencyMillis = 0;

  private final transient Clock clock;
  private final transient SettingSource settings;
  private transient PaymentGateway gateway;

  public PspResourceAdapter() {
    this(Clock.systemUTC(), SettingSource.ofProcess());
  }

  PspResourceAdapter(Clock clock) {
    this(clock, SettingSource.ofProcess());
  }

  PspResourceAdapter(Clock clock, SettingSource settings) {
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * Checks every property and reads the PSP configurations.
   *
   * @throws InvalidPropertyException naming the first bad property or configuration
   */
  public void validate() throws InvalidPropertyException {
    configurations();
  }

  /**
   * Called by the application server at deployment; {@code context} may be null outside a server,
   * then the HTTP client uses the JDK's own executor.
   */
  @Override
  public void start(BootstrapContext context) throws ResourceAdapterInternalException {
    try {
      PspConfigurations configurations = configurations();
      PspHttpClient http =
          new PspHttpClient(
              Duration.ofMillis(connectTimeoutMillis),
              Duration.ofMillis(readTimeoutMillis),
              clock,
              Optional.ofNullable(context)
                  .map(BootstrapContext::getWorkManager)
                  .map(WorkManagerExecutor::new));
      RecoveryLog log = RecoveryLog.open(recoveryLogPath(), clock);
      PaymentJournal journal = PaymentJournal.open(recoveryLogPath(), clock);
      gateway =
          new PaymentGateway(
              configurations,
              new ProviderDirectory(configurations, http, new SandboxAcquirer()),
              log,
              journal,
              clock);
      LOG.info(
          () ->
              "PSP adapter started with configurations "
                  + configurations.ids()
                  + ", recovery log "
                  + log.file()
                  + ", "
                  + log.recovered().size()
                  + " branches to recover, "
                  + journal.payments().size()
                  + " payments known");
    } catch (InvalidPropertyException | IOException e) {
      throw new ResourceAdapterInternalException("PSP adapter cannot start: " + e.getMessage(), e);
    }
  }

  /** Called by the application server at undeployment or shutdown. */
  @Override
  public void stop() {
    if (gateway != null) {
      try {
        gateway.close();
      } catch (IOException e) {
        LOG.warning("closing the PSP recovery log failed: " + e);
      }
      gateway = null;
    }
  }

  /** No inbound messages: the adapter has outbound connections only. */
  @Override
  public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec)
      throws ResourceException {
    throw new NotSupportedException("the PSP adapter has no inbound messages");
  }

  @Override
  public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
    // nothing was activated
  }

  /** Called by the transaction manager during recovery: one resource over the shared log. */
  @Override
  public XAResource[] getXAResources(ActivationSpec[] specs) throws ResourceException {
    return new XAResource[] {new PspXAResource(gateway())};
  }

  PaymentGateway gateway() {
    if (gateway == null) {
      throw new IllegalStateException("PSP adapter is not started");
    }
    return gateway;
  }

  public String getConfigurationLocation() {
    return configurationLocation;
  }

  public void setConfigurationLocation(String configurationLocation) {
    this.configurationLocation = configurationLocation == null ? "" : configurationLocation;
  }

  public String getRecoveryLogDirectory() {
    return recoveryLogDirectory;
  }

  public void setRecoveryLogDirectory(String recoveryLogDirectory) {
    this.recoveryLogDirectory = recoveryLogDirectory == null ? "" : recoveryLogDirectory;
  }

  public Integer getConnectTimeoutMillis() {
    return connectTimeoutMillis;
  }

  public void setConnectTimeoutMillis(Integer connectTimeoutMillis) {
    this.connectTimeoutMillis = connectTimeoutMillis;
  }

  public Integer getReadTimeoutMillis() {
    return readTimeoutMillis;
  }

  public void setReadTimeoutMillis(Integer readTimeoutMillis) {
    this.readTimeoutMillis = readTimeoutMillis;
  }

  public Integer getSandboxLatencyMillis() {
    return sandboxLatencyMillis;
  }

  public void setSandboxLatencyMillis(Integer sandboxLatencyMillis) {
    this.sandboxLatencyMillis = sandboxLatencyMillis;
  }

  private PspConfigurations configurations() throws InvalidPropertyException {
    positive("connectTimeoutMillis", connectTimeoutMillis);
    positive("readTimeoutMillis", readTimeoutMillis);
    if (sandboxLatencyMillis == null || sandboxLatencyMillis < 0) {
      throw new InvalidPropertyException("sandboxLatencyMillis must be 0 or more");
    }
    Duration latency = Duration.ofMillis(sandboxLatencyMillis);
    Optional<String> location = settings.resolve(configurationLocation, "psp.configuration");
    try {
      return location.isEmpty()
          ? PspConfigurations.sandboxOnly(latency)
          : PspConfigurations.load(Path.of(location.get()), latency);
    } catch (InvalidPspConfigurationException e) {
      InvalidPropertyException invalid = new InvalidPropertyException(e.getMessage());
      invalid.initCause(e);
      throw invalid;
    }
  }

  /** The recovery log directory: the property, else the system setting, else the default. */
  Path recoveryLogPath() {
    return Path.of(
        settings
            .resolve(recoveryLogDirectory, "psp.recovery.dir")
            .orElse(DEFAULT_RECOVERY_LOG_DIRECTORY));
  }

  private static void positive(String name, Integer value) throws InvalidPropertyException {
    if (value == null || value <= 0) {
      throw new InvalidPropertyException(name + " must be greater than zero");
    }
  }
}
