package org.wushe.hub.notification.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.wushe.hub.notification.outbox.Contact;
import org.wushe.hub.notification.outbox.Notification;
import org.wushe.hub.notification.outbox.NotificationChannel;

/**
 * A second channel, in the tests only: a bean of the test context like an SMS or WeChat adapter would be one of the
 * service's, recording what the dispatcher hands it.
 */
public class RecordingChannel implements NotificationChannel {

    public static final String NAME = "test-recording";

    public record Sent(Notification notification, Contact contact) {}

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean needsAddress() {
        return false;
    }

    @Override
    public void send(Notification notification, Contact contact) {
        sent.add(new Sent(notification, contact));
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }
}
