/**
 * Access to the integrator API beyond the single development client: further API clients created at
 * start-up from configuration (for development and integration tests).
 */
package io.tonewall.session.access;
