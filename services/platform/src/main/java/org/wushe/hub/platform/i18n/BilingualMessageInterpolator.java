package org.wushe.hub.platform.i18n;

import jakarta.validation.MessageInterpolator;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.wushe.hub.platform.core.Language;

/**
 * Bean Validation messages by the hub's rule (see {@link Messages}): for an English request the English message
 * alone; otherwise the Chinese one with its English beside it ("不能为空 must not be blank"). Hibernate Validator's own
 * messages come in both languages; a message written {@code "{code}"} comes from the catalogue; a message written
 * out in the annotation stays as written.
 */
public class BilingualMessageInterpolator implements MessageInterpolator {

    private final MessageInterpolator oneLanguage;

    /** @param oneLanguage an interpolator answering in exactly the locale asked (Spring Boot's, over {@link HubMessageSource}) */
    public BilingualMessageInterpolator(MessageInterpolator oneLanguage) {
        this.oneLanguage = oneLanguage;
    }

    @Override
    public String interpolate(String template, Context context) {
        return interpolate(template, context, LocaleContextHolder.getLocale());
    }

    @Override
    public String interpolate(String template, Context context, Locale locale) {
        String en = oneLanguage.interpolate(template, context, Locale.ENGLISH);
        if (Language.of(locale) == Language.EN) {
            return en;
        }
        String zh = oneLanguage.interpolate(template, context, Locale.SIMPLIFIED_CHINESE);
        return zh.equals(en) ? zh : zh + " " + en;
    }
}
