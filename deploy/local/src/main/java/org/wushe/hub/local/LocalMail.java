package org.wushe.hub.local;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's own mail server (GreenMail, in the launcher's JVM): SMTP that notification-service sends its e-mails to
 * ({@link #environment()}: {@code SPRING_MAIL_HOST}, {@code SPRING_MAIL_PORT}), and IMAP where a developer reads
 * them. Every mail, whoever it is addressed to, lands in the one mailbox {@value #USER} (password {@value
 * #PASSWORD}), so one IMAP account shows all of them; and each is announced by one line in the hub's log with its
 * recipients and subject only (never the body: it may hold a verification code or a time). Nothing leaves the machine.
 */
public final class LocalMail implements AutoCloseable {

    /** The IMAP login (and address) of the mailbox every mail lands in. */
    public static final String USER = "hub@wushe.local";

    /** Its password: a local, loopback-only server with test mail, nothing to protect. */
    public static final String PASSWORD = "hub";

    private static final Logger log = LoggerFactory.getLogger(LocalMail.class);

    private final int smtpPort;
    private final int imapPort;
    private final Consumer<String> announce;
    private GreenMail server;

    /** SMTP and IMAP on 127.0.0.1 at these ports; each received mail's line goes to the hub's log. */
    public LocalMail(int smtpPort, int imapPort) {
        this(smtpPort, imapPort, log::info);
    }

    /** As above, the line of each received mail given to {@code announce}. */
    public LocalMail(int smtpPort, int imapPort, Consumer<String> announce) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.announce = announce;
    }

    public synchronized LocalMail start() {
        GreenMail mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        mail.withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, USER, PASSWORD));
        mail.start();
        UserManager users = mail.getUserManager();
        GreenMailUser hub = users.getUserByEmail(USER);
        users.setMessageDeliveryHandler((message, to) -> {
            announce.accept("mail 邮件 to " + to.getEmail() + ": " + subject(message.getMessage()));
            return hub;
        });
        server = mail;
        return this;
    }

    /** What notification-service needs to send through this server. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_MAIL_HOST", "127.0.0.1");
        env.put("SPRING_MAIL_PORT", Integer.toString(smtpPort));
        return env;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            String s = message.getSubject();
            return s == null ? "(no subject)" : s;
        } catch (MessagingException e) {
            return "(unreadable subject)";
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
