/**
 * Webhooks of the integrator API: subscriptions per API client, the outbox of deliveries written in
 * the transaction of every session change, their signature ({@code Tonewall-Signature}), their
 * retry schedule and their states (pending, delivered, dead). Payloads carry ids, statuses and
 * times only, never card data.
 */
package io.tonewall.session.webhook;
