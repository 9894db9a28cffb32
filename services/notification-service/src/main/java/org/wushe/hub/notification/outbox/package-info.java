/**
 * The notification outbox: a notification written once per kind, subject and recipient into the in-app inbox
 * ({@code notification}), one delivery per channel ({@code delivery}) that the {@link
 * org.wushe.hub.notification.outbox.Dispatcher} sends through the {@link
 * org.wushe.hub.notification.outbox.NotificationChannel} beans (in-app, e-mail; SMS or WeChat later), retrying
 * with back-off while a channel fails, skipping what the recipient turned off (asked of the {@link
 * org.wushe.hub.notification.outbox.ContactBook}).
 */
package org.wushe.hub.notification.outbox;
