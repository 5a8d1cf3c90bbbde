package io.tonewall.telephony.spi;

import java.util.List;

/** The adapter's configuration properties are invalid; the message lists every problem. */
public final class InvalidTelephonySettingsException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public InvalidTelephonySettingsException(List<String> problems) {
    super("Invalid telephony adapter settings: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each invalid setting, one sentence each. */
  public List<String> problems() {
    return problems;
  }
}
