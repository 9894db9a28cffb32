package org.wushe.hub.platform.core;

import java.util.List;
import java.util.Locale;

/**
 * The languages the hub answers in, and the one rule that picks it: English alone when a request prefers English,
 * otherwise (no header, Chinese, any other language, a malformed header) Chinese, with its English beside it. One
 * home for the services' message catalogue (platform's {@code Messages}) and for the issuer's, which runs without the
 * platform.
 */
public enum Language {
    ZH(Locale.SIMPLIFIED_CHINESE),
    EN(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The language an {@code Accept-Language} header asks for; Chinese when absent, malformed or neither. */
    public static Language fromHeader(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ZH;
        }
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), List.of("zh-cn", "zh", "en"));
            return tag != null && tag.startsWith("en") ? EN : ZH;
        } catch (IllegalArgumentException malformed) {
            return ZH;
        }
    }

    /** The language of a locale: English for any English locale, Chinese for every other. */
    public static Language of(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? EN : ZH;
    }
}
