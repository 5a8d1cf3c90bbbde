package io.tonewall.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The JSON-B instance the JAX-RS JSON provider uses for the API's bodies: like the default, except
 * that a member no body type has is refused (Yasson's {@code jsonb.fail-on-unknown-properties})
 * instead of silently ignored, so that a misspelt {@code "ammount"} is a 400 naming it ({@link
 * UnknownMember}) rather than a session opened without the amount meant. One instance, built once:
 * Jsonb is thread-safe and costly to build.
 */
@Provider
public class StrictJsonb implements ContextResolver<Jsonb> {

  /** Yasson's property; read by Yasson only, ignored by other JSON-B implementations. */
  static final String FAIL_ON_UNKNOWN_PROPERTIES = "jsonb.fail-on-unknown-properties";

  private static final Jsonb STRICT =
      JsonbBuilder.create(new JsonbConfig().setProperty(FAIL_ON_UNKNOWN_PROPERTIES, true));

  @Override
  public Jsonb getContext(Class<?> type) {
    return STRICT;
  }
}
