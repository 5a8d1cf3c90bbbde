/**
 * Notifications (webhooks) that PSPs send about their asynchronous results — Adyen's standard
 * notifications: the item as received ({@link io.tonewall.session.notification.NotificationItem}),
 * its durable record ({@link io.tonewall.session.notification.PspNotification}, stored before it is
 * acknowledged, once per item however often the PSP sends it) and what an event means for Tonewall
 * ({@link io.tonewall.session.notification.NotificationAction}). Nothing here holds card data:
 * references are checked or withheld, reasons are stored with every digit masked.
 */
package io.tonewall.session.notification;
