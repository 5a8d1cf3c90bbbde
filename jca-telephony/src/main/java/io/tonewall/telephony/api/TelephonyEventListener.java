package io.tonewall.telephony.api;

/**
 * The message listener of the telephony adapter: a message-driven bean implementing it receives
 * every call event (JCA message inflow). Events arrive on WorkManager threads, one delivery per
 * event; an exception thrown here is logged by the adapter and the event is not redelivered.
 */
public interface TelephonyEventListener {

  /** Called by the adapter once per event, inside {@code beforeDelivery}/{@code afterDelivery}. */
  void onEvent(TelephonyEvent event);
}
