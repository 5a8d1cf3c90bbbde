package io.tonewall.telephony.spi.inbound;

import io.tonewall.telephony.api.TelephonyEvent;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The activated message endpoints and the delivery of each call event to those that want it. Each
 * endpoint has an {@link EventQueue}; an {@link EventDelivery} Work on the WorkManager drains it in
 * order (never on the relay or SIP thread that produced the event). Thread-safe.
 */
public final class EventDispatcher implements Consumer<TelephonyEvent> {

  private static final Logger LOG = Logger.getLogger(EventDispatcher.class.getName());

  private final WorkManager work;
  private final Map<MessageEndpointFactory, EventQueue> endpoints = new ConcurrentHashMap<>();

  public EventDispatcher(WorkManager work) {
    this.work = work;
  }

  /** Called from {@code endpointActivation}. */
  public void activate(MessageEndpointFactory factory, TelephonyActivationSpec spec) {
    endpoints.put(factory, new EventQueue(factory, spec));
  }

  /** Called from {@code endpointDeactivation}: events not yet delivered are dropped. */
  public void deactivate(MessageEndpointFactory factory) {
    endpoints.remove(factory);
  }

  /** Endpoints activated now. */
  public int endpoints() {
    return endpoints.size();
  }

  /** Queues the event for every endpoint whose spec asks for its type. */
  @Override
  public void accept(TelephonyEvent event) {
    for (EventQueue queue : endpoints.values()) {
      if (queue.wants(event) && queue.add(event)) {
        try {
          work.scheduleWork(new EventDelivery(queue));
        } catch (WorkException e) {
          queue.abandonDrain();
          LOG.log(Level.WARNING, "could not schedule delivery of " + event, e);
        }
      }
    }
  }
}
