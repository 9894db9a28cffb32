/**
 * Each recipient's choices ({@code GET/PUT /notifications/me/preferences}): the language they read, their
 * address per channel (e-mail; sealed with the platform's FieldCipher, every read logged with who and why), and
 * per kind and channel whether it reaches them. The outbox asks them through its {@link
 * org.wushe.hub.notification.outbox.ContactBook}.
 */
package org.wushe.hub.notification.preference;
