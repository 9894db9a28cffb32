package org.wushe.hub.volunteer.certificate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A volunteer service record certificate (志愿服务记录证明) as issued: the totals it states were taken from the hours
 * ledger and the star rules at {@code issuedAt} and never change afterwards.
 *
 * @param periodFrom     the first day of service counted; null: from the first record
 * @param periodTo       the last day of service counted; null: up to the day of issue
 * @param totalMinutes   credited minutes in the period (corrections included)
 * @param serviceRecords records in the period, counted as the hours export counts them
 * @param stars          the star held at issue
 * @param stationId      the issuing station (issuer STATION)
 * @param maskedName     the name as the public verification shows it (张*明)
 * @param issuedBy       who issued it (the token's subject)
 */
public record Certificate(
        UUID id,
        String code,
        UUID volunteerId,
        LocalDate periodFrom,
        LocalDate periodTo,
        long totalMinutes,
        int serviceRecords,
        int stars,
        Issuer issuer,
        UUID stationId,
        String maskedName,
        String issuedBy,
        Instant issuedAt) {

    /** Who issued the certificate: the staff of a station the volunteer serves, or the hub when the volunteer asks. */
    public enum Issuer {
        STATION,
        HUB
    }

    /** The hours with two places at most and one at least, as the hours export writes them: 90 min → 1.5. */
    public BigDecimal hours() {
        BigDecimal h = BigDecimal.valueOf(totalMinutes)
                .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return h.scale() < 1 ? h.setScale(1) : h;
    }
}
