/**
 * Access to the integrator API beyond the single development client: further API clients created at
 * start-up from configuration (for development and integration tests; their entries are read by
 * {@code BootstrapCredential}, also for the development client and console administrator), and the
 * administration of API clients from the console (create, rotate a secret shown once).
 */
package io.tonewall.session.access;
