package org.wushe.hub.notification.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server in the test JVM (GreenMail), on one port for the whole run, which a test may stop (the
 * server is down: connections refused) and start again on the same port.
 */
public final class Smtp {

    private static final int PORT = freePort();
    private static GreenMail server = started();

    private Smtp() {}

    public static int port() {
        return PORT;
    }

    public static synchronized void stop() {
        server.stop();
    }

    public static synchronized void start() {
        server = started();
    }

    /** The messages received (since the last start) addressed to {@code address}. */
    public static synchronized List<MimeMessage> to(String address) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> {
                    try {
                        Address[] all = m.getAllRecipients();
                        return all != null
                                && Arrays.stream(all).anyMatch(a -> a.toString().equalsIgnoreCase(address));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static GreenMail started() {
        GreenMail mail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
