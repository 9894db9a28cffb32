package org.wushe.hub.notification.outbox;

import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.wushe.hub.notification.NotificationProperties;
import org.wushe.hub.platform.i18n.Messages;

/**
 * E-mail over SMTP through Spring's {@link JavaMailSender} ({@code spring.mail.host}, {@code port}, …; any SMTP
 * server in production, GreenMail in the tests). Subject and body in the recipient's language (Chinese first with
 * the English beside it, or English alone), with a link to the portal's page. Without {@code spring.mail.host}
 * the channel is unavailable and its deliveries are skipped with that reason.
 */
@Component
public class EmailChannel implements NotificationChannel {

    public static final String NAME = "email";

    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationProperties properties;

    public EmailChannel(ObjectProvider<JavaMailSender> mail, NotificationProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> unavailable() {
        return mail.getIfAvailable() == null
                ? Optional.of("no SMTP server configured (spring.mail.host) 未配置邮件服务器")
                : Optional.empty();
    }

    @Override
    public void send(Notification notification, Contact contact) throws Exception {
        JavaMailSender sender = mail.getObject();
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper mime = new MimeMessageHelper(message, false, "UTF-8");
        mime.setFrom(properties.mailFrom());
        mime.setTo(contact.address());
        mime.setSubject(NotificationTexts.title(notification, contact.language()));
        StringBuilder body = new StringBuilder(NotificationTexts.body(notification, contact.language()));
        if (notification.link() != null) {
            body.append("\n\n").append(stripSlash(properties.portalUrl())).append(notification.link());
        }
        body.append("\n\n").append(Messages.text(contact.language(), "notification.mail.footer"));
        mime.setText(body.toString(), false);
        sender.send(message);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
