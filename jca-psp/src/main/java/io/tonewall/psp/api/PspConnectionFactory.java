package io.tonewall.psp.api;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import java.io.Serializable;

/**
 * The connection factory applications look up or inject ({@code @Resource(lookup =
 * "eis/tonewall/psp")}). Obtain a connection per unit of work and close it.
 */
public interface PspConnectionFactory extends Serializable, Referenceable {

  /** A connection handle, enlisted in the caller's JTA transaction if there is one. */
  PspConnection getConnection() throws ResourceException;
}
