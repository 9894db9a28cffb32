package org.wushe.hub.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.wushe.hub.platform.core.Language;

/**
 * The issuer's texts (#17 item 4): problem titles and field messages, refusals and the sign-in page come from
 * {@code messages/service_zh_CN.properties} and {@code messages/service_en.properties} (UTF-8, Java MessageFormat), as
 * every service's do. The issuer runs without the platform (no Kafka, no outbox), so it holds its own bundles; the
 * language follows platform-core's {@link Language}, the rule the platform's {@code Messages} uses: English alone when
 * the request's {@code Accept-Language} prefers English, otherwise (no header, Chinese, any other language) Chinese
 * with its English beside it ("输入有误 Invalid input"). The bundles are also the context's {@code messageSource}, and
 * the request's locale ({@code localeResolver}) follows the same rule, Chinese by default.
 */
@Configuration(proxyBeanMethods = false)
public class Texts {

    private static final ReloadableResourceBundleMessageSource BUNDLE = bundle();

    private static ReloadableResourceBundleMessageSource bundle() {
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasename("classpath:messages/service");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setCacheSeconds(-1); // read once
        source.setAlwaysUseMessageFormat(true); // one quoting rule for every text: a literal quote is always ''
        return source;
    }

    /** The bundles as the context's message source (one language per call, the locale's). */
    @Bean
    MessageSource messageSource() {
        return BUNDLE;
    }

    /** The request's locale: English when the request prefers English, Chinese otherwise (never the machine's). */
    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return language(request).locale();
            }
        };
        resolver.setSupportedLocales(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        return resolver;
    }

    /** The text of {@code code} in the language of the request being served (Chinese with English outside one). */
    static String text(String code, Object... args) {
        return text(currentLanguage(), code, args);
    }

    /** The text of {@code code} in the language {@code request} asks for. */
    static String text(HttpServletRequest request, String code, Object... args) {
        return text(language(request), code, args);
    }

    /** The text of {@code code} in {@code language}: Chinese with its English beside it, or English alone. */
    static String text(Language language, String code, Object... args) {
        String en = one(Locale.ENGLISH, code, args);
        if (language == Language.EN) {
            return en;
        }
        String zh = one(Locale.SIMPLIFIED_CHINESE, code, args);
        return zh.equals(en) ? zh : zh + " " + en;
    }

    /** One language's text alone (the sign-in page's lang attribute, a label in one language). */
    static String only(Language language, String code, Object... args) {
        return one(language.locale(), code, args);
    }

    static Language language(HttpServletRequest request) {
        return Language.fromHeader(request.getHeader("Accept-Language"));
    }

    private static Language currentLanguage() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? language(servlet.getRequest())
                : Language.ZH;
    }

    private static String one(Locale locale, String code, Object[] args) {
        // A missing text must show up in a test, not silently: the code itself is answered, never an empty string.
        return BUNDLE.getMessage(code, inLanguage(locale, args), code, locale);
    }

    /** A list argument joined as the language writes a list: 、 in Chinese, ", " in English. */
    private static Object[] inLanguage(Locale locale, Object[] args) {
        if (args == null) {
            return null;
        }
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof java.util.Collection<?> list) {
                out[i] = list.stream()
                        .map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining("en".equals(locale.getLanguage()) ? ", " : "、"));
            }
        }
        return out;
    }
}
