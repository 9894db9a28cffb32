package org.wushe.hub.notification.outbox;

import org.springframework.stereotype.Component;

/**
 * The in-app inbox ({@code GET /notifications/me}): a notification is delivered by being written, unless the
 * recipient turned in-app off for its kind (then its delivery is skipped and the inbox does not show it).
 */
@Component
public class InAppChannel implements NotificationChannel {

    public static final String NAME = "in-app";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean needsAddress() {
        return false;
    }

    @Override
    public boolean deliveredOnWrite() {
        return true;
    }

    @Override
    public void send(Notification notification, Contact contact) {
        // The inbox row is the delivery: nothing to send.
    }
}
