package io.tonewall.session.access;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * One account named in a bootstrap setting: {@code name:secret}, optionally followed by {@code
 * :scope+scope}. Parsing never repeats the secret in a message: a malformed entry is reported by
 * the setting's name and the expected form only. The secret is a char array, wiped by {@link
 * #wipe}.
 */
public final class BootstrapCredential {

  private final String name;
  private final char[] secret;
  private final Set<String> scopes;

  private BootstrapCredential(String name, char[] secret, Set<String> scopes) {
    this.name = name;
    this.secret = secret;
    this.scopes = scopes;
  }

  /**
   * Reads {@code name:secret}; everything after the first colon is the secret.
   *
   * @param setting the environment variable, named in the error message
   * @param form the expected form in words, for the error message
   * @throws IllegalArgumentException when the name or the secret is missing
   */
  public static BootstrapCredential nameAndSecret(String setting, String form, String entry) {
    String value = entry.strip();
    int colon = value.indexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new IllegalArgumentException(setting + " must be " + form);
    }
    return new BootstrapCredential(
        value.substring(0, colon), value.substring(colon + 1).toCharArray(), Set.of());
  }

  /**
   * Reads {@code name:secret} or {@code name:secret:scope+scope}; the secret cannot contain a
   * colon.
   *
   * @param setting the environment variable, named in the error message
   * @throws IllegalArgumentException when the name or the secret is missing
   */
  public static BootstrapCredential withScopes(String setting, String entry) {
    String[] parts = entry.strip().split(":", 3);
    if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new IllegalArgumentException(
          setting + " entries must be id:secret or id:secret:scope+scope");
    }
    Set<String> scopes =
        parts.length == 3 && !parts[2].isBlank()
            ? Set.of(parts[2].strip().split("[+ ]+"))
            : Set.of();
    return new BootstrapCredential(parts[0], parts[1].toCharArray(), scopes);
  }

  /** The client id or user name. */
  public String name() {
    return name;
  }

  /** The secret itself (not a copy): use it, then {@link #wipe}. */
  public char[] secret() {
    return secret;
  }

  /** The scopes named in the entry; empty when it names none. */
  public Optional<Set<String>> scopes() {
    return scopes.isEmpty() ? Optional.empty() : Optional.of(scopes);
  }

  /** Overwrites the secret. */
  public void wipe() {
    Arrays.fill(secret, '\0');
  }

  /** Names the account; never the secret. */
  @Override
  public String toString() {
    return "BootstrapCredential[" + name + "]";
  }
}
