package io.tonewall.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * The session-side settings of one PSP configuration: whether new sessions may use it and the
 * surcharge it adds. The configuration itself (provider, credentials) stays in the PSP adapter;
 * this record follows it by id and says whether the adapter still offers it ({@code available}).
 */
@Entity
@Table(name = "psp_settings")
public class PspSettings {

  /** The highest surcharge an administrator may set: 1000 basis points, 10 %. */
  public static final int MAX_SURCHARGE_BASIS_POINTS = 1_000;

  @Id
  @Column(name = "configuration_id", nullable = false, updatable = false, length = 64)
  private String configurationId;

  @Column(name = "provider", nullable = false, length = 32)
  private String provider;

  @Column(name = "available", nullable = false)
  private boolean available;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Column(name = "surcharge_basis_points", nullable = false)
  private int surchargeBasisPoints;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected PspSettings() {
    // for JPA
  }

  private PspSettings(
      String configurationId, String provider, int surchargeBasisPoints, Instant now) {
    this.configurationId = configurationId;
    this.provider = provider;
    this.available = true;
    this.enabled = true;
    this.surchargeBasisPoints = surchargeBasisPoints;
    this.updatedAt = now;
  }

  /**
   * Settings for a configuration the PSP adapter offers and Tonewall sees for the first time:
   * enabled, with the given initial surcharge.
   *
   * @throws InvalidSessionInputException when the surcharge is out of range
   */
  public static PspSettings discovered(
      String configurationId, String provider, int surchargeBasisPoints, Instant now) {
    requireSurchargeInRange(surchargeBasisPoints);
    return new PspSettings(
        Objects.requireNonNull(configurationId, "configurationId"),
        Objects.requireNonNull(provider, "provider"),
        surchargeBasisPoints,
        Objects.requireNonNull(now, "now"));
  }

  /** Whether the PSP adapter offers this configuration now; follows the adapter at start-up. */
  public void offeredByAdapter(boolean offered, String currentProvider, Instant now) {
    if (available != offered || !provider.equals(currentProvider)) {
      available = offered;
      provider = currentProvider;
      updatedAt = now;
    }
  }

  /**
   * An administrator's change.
   *
   * @throws InvalidSessionInputException when the surcharge is out of range
   */
  public void change(boolean enable, int basisPoints, Instant now) {
    requireSurchargeInRange(basisPoints);
    enabled = enable;
    surchargeBasisPoints = basisPoints;
    updatedAt = Objects.requireNonNull(now, "now");
  }

  /**
   * Refuses a new session on this configuration unless the adapter offers it and it is enabled.
   *
   * @throws InvalidSessionInputException naming the configuration and why it cannot be used
   */
  public void requireUsable() {
    if (!available) {
      throw new InvalidSessionInputException(
          "PSP configuration " + configurationId + " is no longer offered by the PSP adapter");
    }
    if (!enabled) {
      throw new InvalidSessionInputException(
          "PSP configuration " + configurationId + " is disabled by an administrator");
    }
  }

  private static void requireSurchargeInRange(int basisPoints) {
    if (basisPoints < 0 || basisPoints > MAX_SURCHARGE_BASIS_POINTS) {
      throw new InvalidSessionInputException(
          "a surcharge must be 0 to " + MAX_SURCHARGE_BASIS_POINTS + " basis points (0 to 10 %)");
    }
  }

  public String configurationId() {
    return configurationId;
  }

  public String provider() {
    return provider;
  }

  public boolean available() {
    return available;
  }

  public boolean enabled() {
    return enabled;
  }

  public int surchargeBasisPoints() {
    return surchargeBasisPoints;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
