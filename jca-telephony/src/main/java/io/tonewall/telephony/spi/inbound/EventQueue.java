package io.tonewall.telephony.spi.inbound;

import io.tonewall.telephony.api.TelephonyEvent;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The events waiting for one activated endpoint, in the order they happened, and whether a Work is
 * already draining them: at most one at a time, so that an endpoint sees a call's events in order
 * (digit counts never go backwards on the console). Thread-safe.
 */
final class EventQueue {

  private final MessageEndpointFactory factory;
  private final TelephonyActivationSpec spec;
  private final Queue<TelephonyEvent> events = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  EventQueue(MessageEndpointFactory factory, TelephonyActivationSpec spec) {
    this.factory = factory;
    this.spec = spec;
  }

  MessageEndpointFactory factory() {
    return factory;
  }

  boolean wants(TelephonyEvent event) {
    return spec.types().contains(event.type());
  }

  /**
   * Adds an event.
   *
   * @return true when the caller must schedule a Work to drain the queue
   */
  boolean add(TelephonyEvent event) {
    events.add(event);
    return draining.compareAndSet(false, true);
  }

  /** The next event, or empty when the queue is drained (the drain then ends). */
  Optional<TelephonyEvent> next() {
    while (true) {
      TelephonyEvent event = events.poll();
      if (event != null) {
        return Optional.of(event);
      }
      draining.set(false);
      if (events.isEmpty() || !draining.compareAndSet(false, true)) {
        return Optional.empty();
      }
    }
  }

  /** Gives up draining after the WorkManager refused the Work; the next event tries again. */
  void abandonDrain() {
    draining.set(false);
  }
}
