package org.wushe.hub.community.resident;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How names are compared in the name search ({@code POST /residents/search}): NFKC (full-width letters
 * as ASCII), trimmed, runs of spaces as one, the middle dots of minority and foreign names (· ・ • ‧) as
 * one, Latin letters in lower case. A query must hold at least one CJK (Han) character or two letters,
 * so that one keystroke does not list a whole register.
 */
final class NameSearch {

    /** At most this many residents per search. */
    static final int MAX_MATCHES = 20;

    static final int MAX_QUERY_LENGTH = 50;

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern DOTS = Pattern.compile("[·・•‧]");

    private NameSearch() {}

    static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC);
        n = DOTS.matcher(n).replaceAll("·");
        n = SPACES.matcher(n).replaceAll(" ").strip();
        return n.toLowerCase(Locale.ROOT);
    }

    /** Whether a normalised query is specific enough: at least 1 Han character or 2 letters. */
    static boolean specificEnough(String normalized) {
        long han = normalized
                .codePoints()
                .filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                .count();
        long letters = normalized.codePoints().filter(Character::isLetter).count();
        return han >= 1 || letters >= 2;
    }

    /** 0: the whole name; 1: the name starts with the query; -1: no match. Both normalised. */
    static int rank(String normalizedName, String normalizedQuery) {
        if (normalizedName.equals(normalizedQuery)) {
            return 0;
        }
        return normalizedName.startsWith(normalizedQuery) ? 1 : -1;
    }

    /**
     * A phone number with its middle hidden: a mobile as {@code 138****5678} (first 3 and last 4 kept), a
     * landline alike ({@code 010*****5678}); a short number shows its last 2 only. {@code null} stays null.
     */
    static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String p = phone.strip();
        int n = p.length();
        if (n >= 8) {
            return p.substring(0, 3) + "*".repeat(n - 7) + p.substring(n - 4);
        }
        return "*".repeat(Math.max(0, n - 2)) + p.substring(Math.max(0, n - 2));
    }
}
