package org.wushe.hub.volunteer.hours.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.privacy.ReadReasons;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.volunteer.VolunteerProperties;
import org.wushe.hub.volunteer.volunteer.VolunteerDetailsCipher;
import org.wushe.hub.volunteer.volunteer.VolunteerLookups;

/**
 * The service hours recorded at a station in a period, as the rows the national volunteer service information system
 * (全国志愿服务信息系统) takes in its bulk import of service records: one row per volunteer per record, with the
 * volunteer's real name and ID number opened from their sealed details. Only the staff of that station export them
 * (not the hub admin: these are personal details), stating why; the export is written to the access log of every
 * volunteer in it. Erased volunteers are left out (their hours stay anonymous totals; a row without name and ID number
 * is one the import refuses), and counted.
 */
@Service
public class HoursExport {

    /** The access log's action for an export. */
    static final String ACTION = "EXPORT";

    /** The longest period one export covers. */
    static final int MAX_YEARS = 1;

    /** The import's 证件类型 for a resident ID number. */
    static final String RESIDENT_ID_CARD = "居民身份证";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The file's format: {@code csv} (UTF-8 with a byte order mark) or {@code xlsx}. */
    public enum Format {
        csv,
        xlsx
    }

    /**
     * One row of the import, in the order of {@link ExportFiles#HEADERS}.
     *
     * @param hours hours as the hours rules credited them, in decimals with one or two places (90 min: 1.5)
     * @param start the check-in ({@code yyyy-MM-dd HH:mm}, the service's zone), or the day of service when only the
     *              day is known (hours of a match or logged by hand)
     */
    public record Row(
            UUID volunteerId,
            String name,
            String idType,
            String idNumber,
            BigDecimal hours,
            String start,
            String end,
            String project,
            String place,
            String recorder) {}

    /** The rows, and how many records of erased volunteers were left out. */
    public record Export(UUID stationId, LocalDate from, LocalDate to, List<Row> rows, int erasedLeftOut) {}

    private final HoursExportRepository records;
    private final VolunteerLookups lookups;
    private final VolunteerDetailsCipher cipher;
    private final VolunteerProperties properties;
    private final Clock clock;

    public HoursExport(
            HoursExportRepository records,
            VolunteerLookups lookups,
            VolunteerDetailsCipher cipher,
            VolunteerProperties properties,
            Clock clock) {
        this.records = records;
        this.lookups = lookups;
        this.cipher = cipher;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The export of station {@code stationId} for the days {@code from} to {@code to} (both included): 403 naming
     * {@code stationId} unless the caller is staff of that station; 400 naming {@code from}, {@code to} or
     * {@code reason} when a date is missing or not a date, {@code to} is before {@code from} or more than a year after
     * it, or the reason is missing. Written to the access log of each volunteer in it, in this transaction.
     */
    @Transactional
    public Export export(UUID stationId, String from, String to, String reason) {
        Caller caller = Access.requireTenantOnly("stationId", stationId, Roles.STATION_STAFF);
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (last.isBefore(first)) {
            throw new InvalidInputException("to", Messages.text("export.to-before-from"));
        }
        if (!last.isBefore(first.plusYears(MAX_YEARS))) {
            throw new InvalidInputException("to", Messages.text("export.too-long"));
        }
        String why = ReadReasons.require("reason", reason);
        ZoneId zone = properties.zone();
        List<Row> rows = new ArrayList<>();
        Set<UUID> volunteers = new LinkedHashSet<>();
        int erased = 0;
        for (HoursExportRepository.StoredRecord r : records.records(stationId, first, last)) {
            if (r.erased() || r.nameSealed() == null) {
                erased++;
                continue;
            }
            volunteers.add(r.volunteerId());
            String idNumber =
                    r.idNumberSealed() == null ? null : cipher.openIdNumber(r.volunteerId(), r.idNumberSealed());
            boolean timed = r.checkedInAt() != null && r.checkedOutAt() != null;
            rows.add(new Row(
                    r.volunteerId(),
                    cipher.openName(r.volunteerId(), r.nameSealed()),
                    idNumber == null ? null : RESIDENT_ID_CARD,
                    idNumber,
                    hours(r.minutes()),
                    timed
                            ? DATE_TIME.format(r.checkedInAt().atZone(zone))
                            : r.servedOn().toString(),
                    timed
                            ? DATE_TIME.format(r.checkedOutAt().atZone(zone))
                            : r.servedOn().toString(),
                    project(r),
                    null,
                    "站点 station " + stationId));
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (UUID volunteer : volunteers) {
            lookups.logAccess(volunteer, caller.subject(), why, ACTION, at);
        }
        return new Export(stationId, first, last, List.copyOf(rows), erased);
    }

    /** Minutes as hours with two places at most and one at least: 90 → 1.5, 60 → 1.0, 20 → 0.33. */
    static BigDecimal hours(long minutes) {
        BigDecimal h = BigDecimal.valueOf(minutes)
                .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return h.scale() < 1 ? h.setScale(1) : h;
    }

    private static String project(HoursExportRepository.StoredRecord r) {
        return switch (r.source()) {
            case "ACTIVITY" -> r.activityTitle();
            case "MATCH" -> "志愿服务需求对接" + (r.category() == null ? "" : "（" + r.category() + "）");
            default ->
                r.note() == null || r.note().isBlank()
                        ? "志愿服务（工作人员补录）"
                        : r.note().strip();
        };
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, Messages.text("export.date-required"));
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, Messages.text("export.not-a-date", value.strip()));
        }
    }
}
