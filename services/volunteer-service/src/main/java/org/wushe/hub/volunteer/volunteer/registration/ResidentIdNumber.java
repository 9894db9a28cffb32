package org.wushe.hub.volunteer.volunteer.registration;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.regex.Pattern;
import org.wushe.hub.platform.core.IdNumbers;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * An 18-digit resident ID number (居民身份证号码, GB 11643-1999): six digits of the area code, the birth date
 * {@code yyyyMMdd}, three digits of the sequence and a check character computed with ISO 7064 MOD 11-2 (0-9 or X).
 * Only the birth date is read from it: the age and the young-old flag (低龄老人, aged 60 to 69) follow from it.
 *
 * @param value     the number, upper-case X
 * @param birthDate the birth date it carries
 */
public record ResidentIdNumber(String value, LocalDate birthDate) {

    /** Young-old (低龄老人): from this age... */
    public static final int YOUNG_OLD_FROM = 60;
    /** ...to before this one. */
    public static final int YOUNG_OLD_UNTIL = 70;
    /** Under this age a volunteer is a minor (未成年人). */
    public static final int ADULT_AT = 18;

    private static final Pattern SHAPE = Pattern.compile("\\d{17}[0-9X]");

    /** Why a text is not a resident ID number. */
    public static final class Malformed extends IllegalArgumentException {
        Malformed(String message) {
            super(message);
        }
    }

    /**
     * The number, checked: 18 characters, the check character right and a real birth date not after {@code today}.
     *
     * @throws Malformed naming what is wrong, in Chinese and English
     */
    public static ResidentIdNumber parse(String text, LocalDate today) {
        String s = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
        if (!SHAPE.matcher(s).matches()) {
            throw new Malformed(Messages.text("id-number.shape"));
        }
        if (checkCharacter(s.substring(0, 17)) != s.charAt(17)) {
            throw new Malformed(Messages.text("id-number.check-character"));
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(
                    Integer.parseInt(s.substring(6, 10)),
                    Integer.parseInt(s.substring(10, 12)),
                    Integer.parseInt(s.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new Malformed(Messages.text("id-number.birth-not-a-date", s.substring(6, 14)));
        }
        if (birth.isAfter(today)) {
            throw new Malformed(Messages.text("id-number.birth-impossible", birth));
        }
        return new ResidentIdNumber(s, birth);
    }

    /** {@link #parse} for a request field: 400 naming {@code field} when the number is wrong. */
    public static ResidentIdNumber require(String field, String text, LocalDate today) {
        try {
            return parse(text, today);
        } catch (Malformed e) {
            throw new InvalidInputException(field, e.getMessage());
        }
    }

    /** The check character of the first 17 digits (ISO 7064 MOD 11-2). */
    static char checkCharacter(String first17) {
        return IdNumbers.checkCharacter(first17);
    }

    /** Full years of age on {@code day}. */
    public static int age(LocalDate birthDate, LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    /** Young-old (低龄老人) on {@code day}: aged 60 to 69. */
    public static boolean youngOld(LocalDate birthDate, LocalDate day) {
        int age = age(birthDate, day);
        return age >= YOUNG_OLD_FROM && age < YOUNG_OLD_UNTIL;
    }

    /** A minor (未成年人) on {@code day}: under 18. */
    public static boolean minor(LocalDate birthDate, LocalDate day) {
        return age(birthDate, day) < ADULT_AT;
    }

    @Override
    public String toString() {
        return "ResidentIdNumber[" + value.substring(0, 6) + "********" + value.substring(14) + "]";
    }
}
