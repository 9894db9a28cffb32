package org.wushe.hub.platform.core;

import java.util.regex.Pattern;

/**
 * Resident identity card numbers (居民身份证号码, GB 11643-1999): 17 digits and a check character (ISO 7064 MOD 11-2).
 * The one implementation: community-service checks residents' numbers with it, volunteer-service volunteers', the
 * sample town makes valid ones.
 */
public final class IdNumbers {

    private static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dX]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private IdNumbers() {}

    /** Upper-cases a trailing x and drops spaces, as people type it. */
    public static String normalize(String idNumber) {
        return idNumber == null ? null : idNumber.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }

    public static boolean isValid(String idNumber) {
        String n = normalize(idNumber);
        if (n == null || !SHAPE.matcher(n).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (n.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11] == n.charAt(17);
    }

    /** The check character for 17 digits (used to make valid sample numbers). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }
}
