package io.tonewall.telephony.api;

/**
 * Where captured card digits go at processing time, typically the payment provider's request
 * serialiser. The arrays it sees are wiped as soon as {@link #receive} returns: copy nothing into a
 * {@code String}, a field or a log.
 */
@FunctionalInterface
public interface CardReceiver {

  /** Receives the captured fields; valid only during this call. */
  void receive(CardFields fields) throws Exception;
}
