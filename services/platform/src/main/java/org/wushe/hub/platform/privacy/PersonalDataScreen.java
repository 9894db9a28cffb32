package org.wushe.hub.platform.privacy;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * The one screen that keeps phone and ID numbers out of text a service publishes or keeps in the open (need
 * titles, notes, descriptions): residents' numbers belong to the community service's sealed register (PIPL).
 * Found by shape, whoever writes the text, so the answer never depends on who is registered where.
 *
 * <p>What counts as a number: the text is read as NFKC (full-width ０-９ and － as typed with a Chinese input
 * method in full-width mode, circled digits), and digits may be separated by one space, dash, dot, slash,
 * underscore, middle dot or bracket each ({@code 139 1234 5678}, {@code 1-3-9-1-2-3-4-5-6-7-8},
 * {@code ０１０－６２３４５６７８}). A run of digits so separated is a phone number when it has exactly the
 * digits of a mainland mobile (11, {@code 1[3-9]…}, optionally after 86) or a landline with its area code
 * (0 and 9 to 11 more), an ID number when it has 17 digits and a check digit or X, as a whole or in a
 * stretch of its groups (mobiles and ID numbers: {@code 302-13912345678}); an unseparated run of 11 or more
 * digits is refused as phone-like. Dates ({@code 2026-12-05 09:30}), quantities and room numbers pass.
 * Messages never repeat what was found.
 */
public final class PersonalDataScreen {

    /** What the text holds. */
    public enum Finding {
        ID_NUMBER("privacy.id-number"),
        PHONE("privacy.phone");

        private final String code;

        Finding(String code) {
            this.code = code;
        }

        /** Why such a text is refused, in the request's language (the catalogue's {@code privacy.*}), without repeating it. */
        public String message() {
            return Messages.text(code);
        }
    }

    private static final String SEPARATOR = "[\\s\\-._/·•()\\[\\]]";
    /** Digits, each pair separated by at most one separator; an ID number's check X at the end. */
    private static final Pattern SEPARATED_RUN =
            Pattern.compile("(?<![\\dXx])\\d(?:" + SEPARATOR + "?\\d)*(?:" + SEPARATOR + "?[Xx])?(?![\\dXx])");

    private static final Pattern MOBILE = Pattern.compile("(?:86)?1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("(?:86)?0\\d{9,11}");
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dXx]");
    private static final Pattern LONG_DIGITS = Pattern.compile("\\d{11,}");
    /** Separators and digits people type that NFKC leaves alone. */
    private static final Pattern OTHER_DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212\\u30FC\\uFE58\\uFE63\\u3000]");

    /** Ids (a residentRef, a matchId) are not numbers a person has: read past them. */
    private static final Pattern UUID = Pattern.compile(
            "(?i)(?<![0-9a-f])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-f])");

    private PersonalDataScreen() {}

    /**
     * The text, stripped, when it holds no phone or ID number.
     *
     * @throws InvalidInputException 400 naming {@code field}, the message never repeating what was found
     */
    public static String screen(String field, String text) {
        if (text == null) {
            return null;
        }
        Optional<Finding> found = find(text);
        if (found.isPresent()) {
            throw new InvalidInputException(field, found.get().message());
        }
        return text.strip();
    }

    /** What phone or ID number {@code text} holds (an ID number before a phone), or empty. */
    public static Optional<Finding> find(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Finding found = null;
        Matcher run = SEPARATED_RUN.matcher(UUID.matcher(normalize(text)).replaceAll(" "));
        while (run.find()) {
            String[] groups = run.group().split(SEPARATOR);
            String all = String.join("", groups);
            if (ID_NUMBER.matcher(all).matches()) {
                return Optional.of(Finding.ID_NUMBER);
            }
            if (MOBILE.matcher(all).matches() || LANDLINE.matcher(all).matches()) {
                found = Finding.PHONE;
            }
            // A number among others in one run (302-13912345678, 1 3 9 …): every stretch of whole groups.
            for (int i = 0; i < groups.length; i++) {
                if (LONG_DIGITS.matcher(groups[i]).find()) {
                    if (ID_NUMBER.matcher(groups[i]).find()) {
                        return Optional.of(Finding.ID_NUMBER);
                    }
                    found = Finding.PHONE;
                }
                StringBuilder stretch = new StringBuilder();
                for (int j = i; j < groups.length && stretch.length() < 18; j++) {
                    stretch.append(groups[j]);
                    if (ID_NUMBER.matcher(stretch).matches()) {
                        return Optional.of(Finding.ID_NUMBER);
                    }
                    if (MOBILE.matcher(stretch).matches()) {
                        found = Finding.PHONE;
                    }
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether {@code text} holds a phone or ID number. */
    public static boolean holdsNumber(String text) {
        return find(text).isPresent();
    }

    /** The text as the screen reads it: NFKC, the dashes and spaces NFKC keeps as ASCII ones. */
    public static String normalize(String text) {
        return OTHER_DASHES
                .matcher(Normalizer.normalize(text, Normalizer.Form.NFKC))
                .replaceAll("-");
    }
}
