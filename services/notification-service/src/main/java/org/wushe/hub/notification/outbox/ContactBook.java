package org.wushe.hub.notification.outbox;

/** What each recipient chose: whether a notification goes out on a channel, and how they are reached there. */
public interface ContactBook {

    /**
     * The contact to send {@code notification} to on {@code channel}, or the reason it is skipped (the recipient
     * turned the channel off for the kind, or has no address on it). Reading an address is logged, with
     * {@code reason}.
     */
    Reach reach(Notification notification, NotificationChannel channel, String reason);

    /** Either a contact or why there is none. */
    record Reach(Contact contact, String skipped) {

        public static Reach to(Contact contact) {
            return new Reach(contact, null);
        }

        public static Reach skip(String why) {
            return new Reach(null, why);
        }

        public boolean isSkipped() {
            return contact == null;
        }
    }
}
