package org.wushe.hub.community.needimport;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.QuantityUnit;

/**
 * Values as clerks type them, normalised: full-width digits and punctuation (０-９ ．，、), dates in every
 * common shape (2026-12-05, 2026/12/5, 2026.12.5, 2026年12月5日, 12月5日, 20261205, Excel serial day
 * numbers, each with or without a time such as 9:00, 9时30分, 下午3点), whole numbers with a word after
 * them (3人, 60分钟, 2.0) and quantities with their unit (3箱, ５ 份). Pure: no clock but the given day.
 */
public final class Values {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern FULL =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*[日号]?(.*)");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?!\\d)(.*)");
    private static final Pattern MONTH_DAY = Pattern.compile("(\\d{1,2})\\s*[月/]\\s*(\\d{1,2})\\s*[日号]?(.*)");
    private static final Pattern SERIAL = Pattern.compile("(\\d{5})(?:\\.(\\d+))?");
    private static final Pattern TIME = Pattern.compile(
            "(上午|早上|早晨|中午|下午|晚上|傍晚|am|pm)?\\s*(\\d{1,2})\\s*(?:[:时点]\\s*(?:(\\d{1,2})\\s*分?)?(?::\\s*(\\d{1,2})(?:\\.\\d+)?)?)?\\s*(半)?\\s*(am|pm)?");
    private static final Pattern NUMBER_WITH_WORD = Pattern.compile("([-+]?\\d+(?:\\.\\d+)?)\\s*([^\\d\\s].*)?");
    /** Excel's day zero (its 1900 system, with the phantom 29 February 1900 counted). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    /** An amount and the unit written after it (or null when none was). */
    public record Quantity(BigDecimal amount, String unitText) {}

    private Values() {}

    /** Full-width forms to ASCII (NFKC), the Chinese list and decimal marks to ASCII, trimmed, spaces collapsed. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replace('、', ',')
                .replace('。', '.')
                .replace('～', '~')
                .strip()
                .replaceAll("\\s+", " ");
    }

    /**
     * A start (or an end) time: a date alone starts at 00:00, or ends at the end of that day; a month
     * and day without a year are this year's, or next year's when that day has passed ({@code today}).
     */
    public static Optional<Instant> time(String text, boolean end, LocalDate today) {
        String t = normalise(text).replaceAll("(之前|以前|前|止)$", "").strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeException notOffset) {
            // local time, the usual case
        }
        try {
            Matcher m;
            if ((m = SERIAL.matcher(t)).matches()) {
                return serial(m, end);
            }
            LocalDate date;
            String rest;
            if ((m = FULL.matcher(t)).matches() || (m = COMPACT.matcher(t)).matches()) {
                date = LocalDate.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                rest = m.group(4);
            } else if ((m = MONTH_DAY.matcher(t)).matches()) {
                date = LocalDate.of(today.getYear(), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                if (date.isBefore(today)) {
                    date = date.plusYears(1);
                }
                rest = m.group(3);
            } else {
                return Optional.empty();
            }
            rest = rest == null ? "" : rest.strip();
            if (rest.startsWith("T") || rest.startsWith("t")) {
                rest = rest.substring(1);
            }
            if (rest.isEmpty()) {
                return Optional.of(
                        (end ? date.plusDays(1) : date).atStartOfDay(ZONE).toInstant());
            }
            Optional<LocalTime> time = timeOfDay(rest);
            return time.isEmpty()
                    ? Optional.empty()
                    : Optional.of(
                            LocalDateTime.of(date, time.get()).atZone(ZONE).toInstant());
        } catch (DateTimeException | NumberFormatException invalid) {
            return Optional.empty(); // 2026-02-30, 25:00
        }
    }

    private static Optional<Instant> serial(Matcher m, boolean end) {
        long days = Long.parseLong(m.group(1));
        if (days < 20_000 || days > 80_000) {
            return Optional.empty(); // not a plausible date (1954..2118): a plain number
        }
        LocalDate date = EXCEL_EPOCH.plusDays(days);
        if (m.group(2) == null || new BigDecimal("0." + m.group(2)).signum() == 0) {
            return Optional.of(
                    (end ? date.plusDays(1) : date).atStartOfDay(ZONE).toInstant());
        }
        long seconds = new BigDecimal("0." + m.group(2))
                .multiply(BigDecimal.valueOf(86_400))
                .setScale(0, java.math.RoundingMode.HALF_UP)
                .longValue();
        return Optional.of(date.atStartOfDay().plusSeconds(seconds).atZone(ZONE).toInstant());
    }

    private static Optional<LocalTime> timeOfDay(String text) {
        Matcher m = TIME.matcher(text.toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        int hour = Integer.parseInt(m.group(2));
        int minute = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        int second = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        if (m.group(5) != null) {
            minute = 30;
        }
        String half = m.group(1) != null ? m.group(1) : m.group(6);
        if (half != null
                && hour < 12
                && (half.equals("下午") || half.equals("晚上") || half.equals("傍晚") || half.equals("pm"))) {
            hour += 12;
        }
        if (hour == 24 && minute == 0 && second == 0) {
            return Optional.of(LocalTime.MAX.withNano(0));
        }
        return Optional.of(LocalTime.of(hour, minute, second));
    }

    /** A number with an optional word after it ("3", "3人", "2.0", "1,200"); empty when it is not one. */
    public static Optional<Quantity> numberWithWord(String text) {
        String t = normalise(text).replace(",", "");
        Matcher m = NUMBER_WITH_WORD.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        String word = m.group(2) == null ? null : m.group(2).strip();
        return Optional.of(new Quantity(new BigDecimal(m.group(1)), word == null || word.isEmpty() ? null : word));
    }

    /** The whole number of a value ("5", "2.0", "60分钟", "3人"), or empty when it is not a whole number. */
    public static Optional<Integer> wholeNumber(String text) {
        return numberWithWord(text).flatMap(q -> {
            try {
                return Optional.of(q.amount().intValueExact());
            } catch (ArithmeticException notWhole) {
                return Optional.empty();
            }
        });
    }

    /** The unit a quantity of this category is counted in when the sheet names none. */
    public static QuantityUnit defaultUnit(Category category) {
        if (category == null) {
            return QuantityUnit.PIECE;
        }
        return switch (category) {
            case MEAL_ASSISTANCE -> QuantityUnit.PORTION;
            case STUDY_SPACE -> QuantityUnit.SET;
            default -> QuantityUnit.PIECE;
        };
    }
}
