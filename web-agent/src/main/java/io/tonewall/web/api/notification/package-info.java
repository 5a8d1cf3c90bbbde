/**
 * PSP notifications (webhooks) received over HTTP: Adyen's standard notifications at {@code POST
 * /api/v1/psp-configurations/{id}/notifications}, read strictly into items and handed to the
 * session beans, which check them with the PSP adapter, store them and apply them.
 */
package io.tonewall.web.api.notification;
