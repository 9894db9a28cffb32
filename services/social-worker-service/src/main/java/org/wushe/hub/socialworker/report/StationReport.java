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
 * @param activitiesHeld      volunteer activities (活动) starting in the period and not cancelled, published by the
 *                            stations (or a social worker of theirs), or else by or in a community they serve
 * @param trainingsHeld       of those, trainings (志愿服务培训)
 * @param activityParticipants distinct volunteers who checked out of those activities
 * @param activityAttendances check-outs (one per sign-up) of those activities
 * @param activityHours       their credited minutes (as last corrected) / 60, one decimal
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
        int partTime,
        int activitiesHeld,
        int trainingsHeld,
        int activityParticipants,
        int activityAttendances,
        BigDecimal activityHours) {}
