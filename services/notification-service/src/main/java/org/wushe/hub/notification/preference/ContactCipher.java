package org.wushe.hub.notification.preference;

import org.wushe.hub.notification.outbox.Recipient;
import org.wushe.hub.platform.privacy.FieldCipher;

/**
 * Seals and opens a recipient's address on a channel with the platform's {@link FieldCipher}, bound to {@code
 * <recipient_kind>/<recipient_id>/<channel>}, so it cannot be moved to another recipient or channel.
 */
public final class ContactCipher {

    /** The purpose the keys are derived for: this service's own keys, even from a secret shared by mistake. */
    public static final String PURPOSE = "wushe-notification-contact";

    private final FieldCipher cipher;

    public ContactCipher(FieldCipher cipher) {
        this.cipher = cipher;
    }

    public byte[] seal(Recipient recipient, String channel, String address) {
        return cipher.encrypt(address, context(recipient, channel));
    }

    public String open(Recipient recipient, String channel, byte[] sealed) {
        return cipher.decryptText(sealed, context(recipient, channel));
    }

    private static String context(Recipient recipient, String channel) {
        return recipient.kind() + "/" + recipient.id() + "/" + channel;
    }
}
