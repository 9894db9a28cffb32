package org.wushe.hub.volunteer.certificate;

/** Masked personal details as the certificate and its public verification show them. */
final class Masks {

    private Masks() {}

    /**
     * A name with all but its first and last characters hidden: 张晓明 → 张*明, 欧阳晓明 → 欧**明; a name of two keeps the
     * first (李明 → 李*), of one is hidden.
     */
    static String name(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        int[] cps = name.strip().codePoints().toArray();
        if (cps.length == 1) {
            return "*";
        }
        StringBuilder masked = new StringBuilder().appendCodePoint(cps[0]);
        if (cps.length == 2) {
            return masked.append('*').toString();
        }
        masked.append("*".repeat(cps.length - 2));
        return masked.appendCodePoint(cps[cps.length - 1]).toString();
    }

    /** An ID number with its first three and last four characters shown: 110***********1234. */
    static String idNumber(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return null;
        }
        String id = idNumber.strip();
        if (id.length() <= 7) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 3) + "*".repeat(id.length() - 7) + id.substring(id.length() - 4);
    }
}
