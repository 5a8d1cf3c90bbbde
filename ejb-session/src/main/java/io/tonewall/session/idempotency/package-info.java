/**
 * {@code Idempotency-Key} records of the integrator API: per API client and key, the fingerprint of
 * the first request and, once answered, its response, kept 24 hours so that a retried POST gets the
 * same answer instead of being done twice.
 */
package io.tonewall.session.idempotency;
