package org.wushe.hub.notification.outbox;

import org.wushe.hub.platform.core.Language;

/**
 * How a recipient is reached on one channel: their address there (null for a channel that needs none, such as
 * in-app) and the language they read (Chinese with English beside it, or English alone).
 */
public record Contact(Recipient recipient, Language language, String address) {}
