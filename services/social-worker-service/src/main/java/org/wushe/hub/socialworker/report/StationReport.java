package org.wushe.hub.socialworker.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a station (or a centre with its stations) reports for a period.
 *
 * @param caseClients         residents (by residentRef) with a case open at some time in the period
 * @param casesOpen           cases open at the end of the period's last day
 * @param groupsRun           groups that held at least one session in the period
 * @param volunteersRecruited volunteers who registered in the period with a community the stations serve
 *                            (or, when they named none, whose home area is in one)
 * @param socialWorkers       workers assigned to the stations now and registered by the period's end
 * @param certifiedWorkers    of those, the ones holding a certificate dated on or before the period's end
 */
public record StationReport(
        UUID stationId,
        String stationName,
        List<UUID> stationsIncluded,
        LocalDate from,
        LocalDate to,
        int phoneVisits,
        int homeVisits,
        int visitsNotReached,
        int needsRaised,
        int caseClients,
        int casesOpened,
        int casesClosed,
        int casesOpen,
        int groupsRun,
        int groupSessions,
        int groupParticipants,
        int volunteersRecruited,
        int socialWorkers,
        int certifiedWorkers,
        BigDecimal certificationRate,
        String certificationRateText,
        int trainedLocally,
        int fullTime,
        int partTime) {}
