package org.wushe.hub.community.need;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A need's title is public (it travels in events to every service), so it must not carry personal
 * data. This screen catches what can be recognized by shape: phone numbers and ID numbers. The need
 * service also checks the title against the linked resident's own name and phone.
 */
public final class TitleScreen {

    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d[\\s-]?\\d{4}[\\s-]?\\d{4}(?!\\d)");
    private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)0\\d{2,3}[\\s-]?\\d{7,8}(?!\\d)");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<!\\d)\\d{17}[\\dXx](?![\\dXx])");
    private static final Pattern LONG_DIGITS = Pattern.compile("\\d{11,}");

    private TitleScreen() {
    }

    /** Why the title may not be published, or empty when it passes. Never repeats what it found. */
    public static Optional<String> problem(String title) {
        if (title == null) {
            return Optional.empty();
        }
        if (ID_NUMBER.matcher(title).find()) {
            return Optional.of("must not contain an ID number (personal data stays in the resident record) 标题不得含身份证号");
        }
        if (MOBILE.matcher(title).find() || LANDLINE.matcher(title).find() || LONG_DIGITS.matcher(title).find()) {
            return Optional.of("must not contain a phone number (personal data stays in the resident record) 标题不得含电话号码");
        }
        return Optional.empty();
    }
}
