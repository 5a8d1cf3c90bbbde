/**
 * Webhook plumbing: the JPA store of subscriptions and outbox deliveries, the observer that writes
 * the outbox inside the transaction of every session change, the timer that sends due deliveries
 * over HTTP, and the settings (MicroProfile Config) they run with.
 */
package io.tonewall.session.infrastructure.webhook;
