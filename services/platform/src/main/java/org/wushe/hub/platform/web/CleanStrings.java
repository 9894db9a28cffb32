package org.wushe.hub.platform.web;

import org.wushe.hub.platform.i18n.Messages;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string in a request body is text PostgreSQL can store and JSON can carry back: a NUL character
 * (which PostgreSQL refuses, so the insert would fail as a 500) or half of a surrogate pair (which UTF-8
 * cannot encode, so it would be stored as "?") is bad input, 400 naming the field. Everything else,
 * however odd (right-to-left marks, joiners, emoji, control characters), is kept as sent.
 */
public final class CleanStrings extends StringDeserializer {

    public static SimpleModule module() {
        return new SimpleModule("wushe-clean-strings").addDeserializer(String.class, new CleanStrings());
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        String s = super.deserialize(p, ctxt);
        String why = problem(s);
        if (why != null) {
            return (String) ctxt.handleWeirdStringValue(String.class, s, Messages.text("body.text-unsavable", why));
        }
        return s;
    }

    /** Why the text cannot be kept, or null. */
    public static String problem(String s) {
        if (s == null) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u0000') {
                return "contains a NUL character (U+0000) at " + i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains half of a surrogate pair at " + i;
            }
            if (Character.isLowSurrogate(c)) {
                return "contains half of a surrogate pair at " + i;
            }
        }
        return null;
    }
}
