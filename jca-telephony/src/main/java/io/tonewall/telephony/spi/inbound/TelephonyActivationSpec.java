package io.tonewall.telephony.spi.inbound;

import io.tonewall.telephony.api.TelephonyEventListener;
import io.tonewall.telephony.api.TelephonyEventType;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * How a message-driven bean receives telephony events. Its one property, {@code eventTypes},
 * narrows the events delivered (comma-separated {@link TelephonyEventType} names; empty: all). The
 * server calls {@link #validate()} at deployment: an unknown type fails it.
 */
@Activation(messageListeners = TelephonyEventListener.class)
public class TelephonyActivationSpec implements ActivationSpec, ResourceAdapterAssociation {

  @ConfigProperty(description = "Event types delivered, comma-separated; empty: all")
  private String eventTypes = "";

  private ResourceAdapter adapter;

  /** Called by the server at endpoint deployment. */
  @Override
  public void validate() throws InvalidPropertyException {
    try {
      types();
    } catch (IllegalArgumentException e) {
      InvalidPropertyException invalid =
          new InvalidPropertyException("eventTypes: " + e.getMessage());
      invalid.initCause(e);
      throw invalid;
    }
  }

  /** The event types to deliver. */
  public Set<TelephonyEventType> types() {
    if (eventTypes == null || eventTypes.isBlank()) {
      return EnumSet.allOf(TelephonyEventType.class);
    }
    Set<TelephonyEventType> types = EnumSet.noneOf(TelephonyEventType.class);
    for (String name : eventTypes.split(",")) {
      String trimmed = name.trim().toUpperCase(Locale.ROOT);
      try {
        types.add(TelephonyEventType.valueOf(trimmed));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + name.trim() + "' is not an event type", e);
      }
    }
    return types;
  }

  public String getEventTypes() {
    return eventTypes;
  }

  public void setEventTypes(String eventTypes) {
    this.eventTypes = eventTypes;
  }

  @Override
  public ResourceAdapter getResourceAdapter() {
    return adapter;
  }

  /** Called by the server once, before the spec is used. */
  @Override
  public void setResourceAdapter(ResourceAdapter adapter) {
    this.adapter = adapter;
  }
}
