package org.wushe.hub.notification.preference;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import org.wushe.hub.notification.outbox.Contact;
import org.wushe.hub.notification.outbox.ContactBook;
import org.wushe.hub.notification.outbox.EmailChannel;
import org.wushe.hub.notification.outbox.InAppChannel;
import org.wushe.hub.notification.outbox.Notification;
import org.wushe.hub.notification.outbox.NotificationChannel;
import org.wushe.hub.notification.outbox.NotificationKind;
import org.wushe.hub.notification.outbox.Recipient;
import org.wushe.hub.notification.outbox.RecipientData;
import org.wushe.hub.platform.actor.Actor;
import org.wushe.hub.platform.core.Language;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * Each recipient's choices, and the {@link ContactBook} the outbox asks: a kind reaches them on a channel unless
 * they turned it off (every channel is on by default); a channel that needs an address reaches them only once they
 * set one. The e-mail address is sealed at rest; each read of it is logged with who read it and why.
 */
@Service
public class Preferences implements ContactBook, RecipientData {

    public static final String ZH_CN = "zh-CN";
    public static final String EN = "en";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");
    private static final int EMAIL_MAX = 254;

    private final PreferenceRepository repository;
    private final ContactCipher cipher;
    private final Clock clock;

    public Preferences(PreferenceRepository repository, ContactCipher cipher, Clock clock) {
        this.repository = repository;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** One kind's choice: in the inbox, by e-mail. */
    public record KindChoice(String kind, Boolean inApp, Boolean email) {}

    /** A recipient's settings as the API shows and takes them. */
    public record Settings(String email, String language, List<KindChoice> kinds) {}

    /** The recipient's settings, their e-mail address opened (the read logged: the caller, {@code reason}). */
    @Transactional
    public Settings of(Recipient recipient, String reason) {
        Map<String, Boolean> choices = repository.choices(recipient);
        List<KindChoice> kinds = new ArrayList<>();
        for (NotificationKind kind : NotificationKind.values()) {
            kinds.add(new KindChoice(
                    kind.name(),
                    choices.getOrDefault(PreferenceRepository.key(kind.name(), InAppChannel.NAME), true),
                    choices.getOrDefault(PreferenceRepository.key(kind.name(), EmailChannel.NAME), true)));
        }
        return new Settings(
                address(recipient, EmailChannel.NAME, reason).orElse(null),
                repository.language(recipient).orElse(ZH_CN),
                kinds);
    }

    /** Replaces the address and language; changes the kinds listed (an absent flag stays as it was). */
    @Transactional
    public Settings change(Recipient recipient, Settings wanted, String reason) {
        String email = wanted.email() == null || wanted.email().isBlank()
                ? null
                : wanted.email().strip();
        if (email != null
                && (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches())) {
            throw new InvalidInputException("email", Messages.text("preference.email-invalid"));
        }
        String language = wanted.language() == null ? ZH_CN : wanted.language().strip();
        if (!ZH_CN.equals(language) && !EN.equals(language)) {
            throw new InvalidInputException("language", Messages.text("preference.language-unknown", ZH_CN, EN));
        }
        List<KindChoice> kinds = wanted.kinds() == null ? List.of() : wanted.kinds();
        for (int i = 0; i < kinds.size(); i++) {
            KindChoice k = kinds.get(i);
            if (k == null || k.kind() == null || !known(k.kind())) {
                throw new InvalidInputException(
                        "kinds[" + i + "].kind",
                        Messages.text("preference.kind-unknown", List.of(NotificationKind.values())));
            }
        }
        if (repository.lockAndCheckDeparted(recipient)) {
            // A token issued before the erasure: nothing of theirs is kept again.
            throw new ResponseStatusException(HttpStatus.GONE, Messages.text("preference.left"));
        }
        var now = clock.instant();
        repository.saveLanguage(recipient, language, now);
        repository.saveAddress(
                recipient,
                EmailChannel.NAME,
                email == null ? null : cipher.seal(recipient, EmailChannel.NAME, email),
                now);
        for (KindChoice k : kinds) {
            if (k.inApp() != null) {
                repository.saveChoice(recipient, k.kind(), InAppChannel.NAME, k.inApp());
            }
            if (k.email() != null) {
                repository.saveChoice(recipient, k.kind(), EmailChannel.NAME, k.email());
            }
        }
        return of(recipient, reason);
    }

    @Override
    @Transactional
    public Reach reach(Notification notification, NotificationChannel channel, String reason) {
        Recipient recipient = notification.recipient();
        boolean on = repository
                .choice(recipient, notification.kind().name(), channel.name())
                .orElse(true);
        if (!on) {
            return Reach.skip("turned off by the recipient 收件人已关闭此类通知的该渠道");
        }
        Language language = EN.equals(repository.language(recipient).orElse(ZH_CN)) ? Language.EN : Language.ZH;
        if (!channel.needsAddress()) {
            return Reach.to(new Contact(recipient, language, null));
        }
        return address(recipient, channel.name(), reason)
                .map(a -> Reach.to(new Contact(recipient, language, a)))
                .orElseGet(() -> Reach.skip("no " + channel.name() + " address set 收件人未设置地址"));
    }

    private Optional<String> address(Recipient recipient, String channel, String reason) {
        return repository.address(recipient, channel).map(box -> {
            repository.logAccess(recipient, channel, Actor.current().orElse("unknown"), reason, clock.instant());
            return cipher.open(recipient, channel, box);
        });
    }

    private static boolean known(String kind) {
        for (NotificationKind k : NotificationKind.values()) {
            if (k.name().equals(kind)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A recipient who left: their language, sealed addresses and choices deleted; the log of the reads of their
     * address ({@code contact_access}) stays, as it records who read what and why, not the address.
     */
    @Override
    public void forget(Recipient recipient) {
        repository.forget(recipient);
    }
}
