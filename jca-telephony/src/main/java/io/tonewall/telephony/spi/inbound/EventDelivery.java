package io.tonewall.telephony.spi.inbound;

import io.tonewall.telephony.api.TelephonyEvent;
import io.tonewall.telephony.api.TelephonyEventListener;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains one endpoint's {@link EventQueue} as a {@link Work} on the adapter's WorkManager, each
 * event through {@code createEndpoint → beforeDelivery → onEvent → afterDelivery → release}. A
 * failure is logged with the event (which carries no digit) and not retried; the next event is
 * still delivered.
 */
final class EventDelivery implements Work {

  private static final Logger LOG = Logger.getLogger(EventDelivery.class.getName());
  static final Method ON_EVENT;

  static {
    try {
      ON_EVENT = TelephonyEventListener.class.getMethod("onEvent", TelephonyEvent.class);
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final EventQueue queue;

  EventDelivery(EventQueue queue) {
    this.queue = queue;
  }

  @Override
  public void run() {
    Optional<TelephonyEvent> next;
    while ((next = queue.next()).isPresent()) {
      deliver(queue.factory(), next.get());
    }
  }

  private static void deliver(MessageEndpointFactory factory, TelephonyEvent event) {
    MessageEndpoint endpoint;
    try {
      endpoint = factory.createEndpoint(null);
    } catch (UnavailableException e) {
      LOG.log(Level.WARNING, "no endpoint to deliver " + event, e);
      return;
    }
    try {
      endpoint.beforeDelivery(ON_EVENT);
      try {
        ((TelephonyEventListener) endpoint).onEvent(event);
      } finally {
        endpoint.afterDelivery();
      }
    } catch (ResourceException | NoSuchMethodException | RuntimeException e) {
      LOG.log(Level.WARNING, "delivery of " + event + " failed", e);
    } finally {
      endpoint.release();
    }
  }

  /** Delivery is short; nothing to interrupt. */
  @Override
  public void release() {
    LOG.finest("event delivery asked to release; it ends on its own");
  }
}
