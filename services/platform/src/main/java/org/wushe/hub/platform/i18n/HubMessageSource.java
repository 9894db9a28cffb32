package org.wushe.hub.platform.i18n;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;

/**
 * The catalogue as Spring's {@code messageSource}, one language per call (the locale's: English, or Chinese for any
 * other): Bean Validation messages written {@code "{code}"} resolve through it, and {@link BilingualMessageInterpolator}
 * puts the two languages side by side as {@link Messages#text} does.
 */
public class HubMessageSource implements MessageSource {

    @Override
    public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
        return Messages.has(code) ? Messages.only(locale, code, args) : defaultMessage;
    }

    @Override
    public String getMessage(String code, Object[] args, Locale locale) throws NoSuchMessageException {
        if (!Messages.has(code)) {
            throw new NoSuchMessageException(code, locale);
        }
        return Messages.only(locale, code, args);
    }

    @Override
    public String getMessage(MessageSourceResolvable resolvable, Locale locale) throws NoSuchMessageException {
        String[] codes = resolvable.getCodes();
        if (codes != null) {
            for (String code : codes) {
                if (Messages.has(code)) {
                    return Messages.only(locale, code, resolvable.getArguments());
                }
            }
        }
        if (resolvable.getDefaultMessage() != null) {
            return resolvable.getDefaultMessage();
        }
        throw new NoSuchMessageException(codes == null || codes.length == 0 ? "" : codes[codes.length - 1], locale);
    }
}
