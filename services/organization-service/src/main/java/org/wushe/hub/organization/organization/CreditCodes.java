package org.wushe.hub.organization.organization;

import java.util.regex.Pattern;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015) of a registered organization: 18
 * characters of 0-9 and A-Y without I, O, S, V, Z; the last is a check character over the first 17
 * (weights 3^i mod 31). Civil-affairs registrations (社会团体, 民办非企业单位, 基金会) start with 5.
 */
public final class CreditCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final Pattern SHAPE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCodes() {}

    public static boolean isValid(String code) {
        return code != null
                && SHAPE.matcher(code).matches()
                && code.charAt(17) == checkCharacter(code.substring(0, 17));
    }

    /** The check character of the first 17 characters. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("17 characters expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a credit code character: " + first17.charAt(i));
            }
            sum += value * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
