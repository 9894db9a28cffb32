package org.wushe.hub.volunteer.certificate;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A certificate's verification code: 12 characters of Crockford's base32 (0-9 and A-Z without I, L, O, U) drawn
 * from {@link SecureRandom}, 60 bits: guessing one among even millions of certificates takes about 10^11 tries. Read
 * back as people type it: case-insensitive, hyphens and spaces ignored, I and L read as 1, O as 0.
 */
final class VerificationCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 12;

    private static final SecureRandom RANDOM = new SecureRandom();

    private VerificationCodes() {}

    static String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** The code as stored, or empty when {@code typed} cannot be one. */
    static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : typed.strip().toUpperCase(Locale.ROOT).toCharArray()) {
            char d = switch (c) {
                case '-', ' ' -> 0;
                case 'I', 'L' -> '1';
                case 'O' -> '0';
                default -> c;
            };
            if (d == 0) {
                continue;
            }
            if (ALPHABET.indexOf(d) < 0 || code.length() == LENGTH) {
                return Optional.empty();
            }
            code.append(d);
        }
        return code.length() == LENGTH ? Optional.of(code.toString()) : Optional.empty();
    }
}
