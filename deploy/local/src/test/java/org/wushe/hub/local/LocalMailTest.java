package org.wushe.hub.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The hub's mail server: a mail sent the way notification-service sends it (SMTP at the host and port the hub gives
 * it in its environment) is announced by one line with its recipient and subject, not its body, and can be read at
 * IMAP in the one mailbox {@link LocalMail#USER}, whoever it was addressed to.
 */
class LocalMailTest {

    @Test
    void aMailSentToTheHubsSmtpIsAnnouncedAndReadableAtImap() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (LocalMail mail = new LocalMail(freePort(), freePort(), lines::add).start()) {
            Map<String, String> env = Hub.mailEnvironment(mail);
            assertThat(env).containsEntry("SPRING_MAIL_HOST", "127.0.0.1").containsKey("SPRING_MAIL_PORT");

            Properties smtp = new Properties();
            smtp.put("mail.smtp.host", env.get("SPRING_MAIL_HOST"));
            smtp.put("mail.smtp.port", env.get("SPRING_MAIL_PORT"));
            MimeMessage message = new MimeMessage(Session.getInstance(smtp));
            message.setFrom(new InternetAddress("noreply@wushe.local"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("volunteer-7@example.org"));
            message.setSubject("新的服务任务 New assignment", "UTF-8");
            message.setText("验证码 SECRET42 body text", "UTF-8");
            Transport.send(message);

            await().atMost(Duration.ofSeconds(10)).until(() -> !lines.isEmpty());
            assertThat(lines)
                    .singleElement()
                    .asString()
                    .contains("volunteer-7@example.org")
                    .contains("新的服务任务 New assignment")
                    .doesNotContain("SECRET42");

            Properties imap = new Properties();
            imap.put("mail.imap.host", "127.0.0.1");
            imap.put("mail.imap.port", Integer.toString(mail.imapPort()));
            Store store = Session.getInstance(imap).getStore("imap");
            store.connect(LocalMail.USER, LocalMail.PASSWORD);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                Message[] read = inbox.getMessages();
                assertThat(read).hasSize(1);
                assertThat(read[0].getSubject()).isEqualTo("新的服务任务 New assignment");
                assertThat(read[0].getContent().toString()).contains("SECRET42");
                inbox.close(false);
            } finally {
                store.close();
            }
        }
    }

    @Test
    void withoutTheMailServerNotificationServiceIsGivenNoSmtpHost() {
        assertThat(Hub.mailEnvironment(null)).isEmpty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
