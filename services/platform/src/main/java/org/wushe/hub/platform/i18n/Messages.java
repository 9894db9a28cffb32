package org.wushe.hub.platform.i18n;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.wushe.hub.platform.core.Language;

/**
 * The hub's message catalogue: every text a person reads in an answer (problem titles, field messages,
 * role names) comes from two bundles on the classpath, {@code messages/platform} (this library) and
 * {@code messages/service} (each service's own), each in Chinese ({@code _zh_CN}) and English ({@code _en}),
 * UTF-8. The language is the request's {@code Accept-Language}: English when it prefers English, Chinese
 * otherwise (no header, or any other language). Chinese answers are Chinese first with the English beside
 * it ("输入有误 Invalid input"), as the hub's pages show them; English answers are English only. Outside a
 * request (consumers, jobs) the text is the Chinese one, with its English.
 */
public final class Messages {

    static final String[] BASENAMES = {"classpath:messages/service", "classpath:messages/platform"};

    private static final ReloadableResourceBundleMessageSource BUNDLES = bundles();

    private Messages() {}

    private static ReloadableResourceBundleMessageSource bundles() {
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasenames(BASENAMES);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setCacheSeconds(-1); // read once
        source.setAlwaysUseMessageFormat(true); // one quoting rule for every text: a literal quote is always ''
        return source;
    }

    /** The text of {@code code} in the current request's language (see the class comment). */
    public static String text(String code, Object... args) {
        return text(currentLanguage(), code, args);
    }

    /** The text of {@code code} in {@code language}: Chinese with its English beside it, or English alone. */
    public static String text(Language language, String code, Object... args) {
        String en = one(Locale.ENGLISH, code, args);
        if (language == Language.EN) {
            return en;
        }
        String zh = one(Locale.SIMPLIFIED_CHINESE, code, args);
        return zh.equals(en) ? zh : zh + " " + en;
    }

    /** One language's text alone (a short label; English for logs). */
    public static String only(Locale locale, String code, Object... args) {
        return one(Language.of(locale).locale(), code, args);
    }

    /** Whether the catalogue has {@code code} (in English, which every code must have). */
    public static boolean has(String code) {
        try {
            BUNDLES.getMessage(code, null, Locale.ENGLISH);
            return true;
        } catch (NoSuchMessageException e) {
            return false;
        }
    }

    private static String one(Locale locale, String code, Object[] args) {
        // A missing text must show up in a test, not silently: the code itself is answered, never an empty string.
        return BUNDLES.getMessage(code, inLanguage(locale, args), code, locale);
    }

    /** Arguments that are texts (or lists of texts) put into the language of the sentence around them. */
    private static Object[] inLanguage(Locale locale, Object[] args) {
        if (args == null) {
            return null;
        }
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = inLanguage(locale, args[i]);
        }
        return out;
    }

    private static Object inLanguage(Locale locale, Object arg) {
        if (arg instanceof Text t) {
            return one(locale, t.code(), t.args().toArray());
        }
        if (arg instanceof java.util.Collection<?> list) {
            return list.stream()
                    .map(a -> String.valueOf(inLanguage(locale, a)))
                    .collect(java.util.stream.Collectors.joining(Language.of(locale) == Language.EN ? ", " : "、"));
        }
        return arg;
    }

    /** The language of the request being served (its Accept-Language), Chinese outside a request. */
    public static Language currentLanguage() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            return language(servlet.getRequest());
        }
        return Language.ZH;
    }

    public static Language language(HttpServletRequest request) {
        return Language.fromHeader(request.getHeader("Accept-Language"));
    }
}
