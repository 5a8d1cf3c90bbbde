/**
 * Webhook subscriptions and deliveries of the calling API client: {@code /api/v1/webhooks}. Thin
 * JAX-RS resources over {@code io.tonewall.session.webhook.Webhooks}; scope {@code
 * webhooks:manage}.
 */
package io.tonewall.web.api.webhook;
