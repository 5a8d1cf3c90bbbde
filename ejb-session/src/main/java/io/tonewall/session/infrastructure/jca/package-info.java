/**
 * Gateways to the two resource adapters. They are stateless beans, so that stateful payment
 * sessions hold a serialisable bean reference instead of a connection factory, and they turn {@code
 * ResourceException}s into domain exceptions.
 */
package io.tonewall.session.infrastructure.jca;
