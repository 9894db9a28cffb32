package org.wushe.hub.socialworker.report;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.community.StationLevel;

/**
 * A centre's report for a period (中心报表): one row for the centre's own work, one for each station it
 * leads (with the stations below that one, for a district centre), and the totals of them all.
 *
 * @param period the preset asked for, if any
 */
public record CentreReport(
        UUID centreId,
        String centreName,
        StationLevel level,
        LocalDate from,
        LocalDate to,
        ReportPreset period,
        List<Row> stations,
        Row totals) {

    /** Whose figures a row holds. */
    public enum Scope {
        /** 中心本级: the centre's own staff and needs. */
        CENTRE,
        /** A station the centre leads, with any stations below it. */
        STATION,
        /** 合计: the centre and every station below it. */
        TOTAL
    }

    /**
     * One row of the report. Needs, times, hours and points come from other services' events; visits,
     * cases, groups, volunteers recruited and workers from this service's station report.
     */
    public record Row(
            Scope scope,
            UUID stationId,
            String stationName,
            StationLevel level,
            List<UUID> stationsIncluded,
            Needs needs,

            @Schema(
                    description =
                            "From NeedPublished to the need's first MatchProposed, over needs first proposed in the period")
            Durations toFirstProposal,

            @Schema(
                    description =
                            "From NeedPublished to fulfilment (the first MatchCompleted or NeedClosed FULFILLED), over needs fulfilled in the period")
            Durations toFulfilment,

            @Schema(
                    description =
                            "ServiceHoursCredited minutes served in the period at the station (its own stationId, else its match's)")
            long volunteerMinutes,

            BigDecimal volunteerHours,

            @Schema(description = "PointsAwarded in the period for hours credited at the station")
            long pointsAwarded,

            int phoneVisits,
            int homeVisits,
            int casesOpened,

            @Schema(description = "Cases open at the end of the period's last day")
            int casesOpen,

            int caseClients,
            int groupsRun,
            int groupSessions,
            int groupParticipants,
            int volunteersRecruited,
            int socialWorkers,
            int certifiedWorkers,
            BigDecimal certificationRate,
            String certificationRateText,

            @Schema(
                    description =
                            "Grid work (网格) in the communities the row's stations serve, from wushe.community.grid")
            GridWork grid,

            @Schema(
                    description =
                            "Residents' wishes (in the communities served) and ratings and follow-ups (at the row's stations)")
            Residents residents,

            @Schema(
                    description =
                            "Volunteer activities (活动) starting in the period, not cancelled, published by the row's stations (or their social workers), else by or in a community they serve (ActivityPublished/Changed/Cancelled)")
            int activitiesHeld,

            @Schema(description = "Of those, trainings (志愿服务培训)")
            int trainingsHeld,

            @Schema(description = "Distinct volunteers who checked out of those activities (VolunteerCheckedOut)")
            int activityParticipants,

            @Schema(description = "Check-outs of those activities, one per sign-up")
            int activityAttendances,

            @Schema(description = "Their credited minutes, as last corrected, in hours (one decimal)")
            BigDecimal activityHours) {}

    /**
     * Grid work in the period, in the communities the row's stations serve (the events name a community, not a
     * station: a community served by two rows counts in both, and once in the totals).
     */
    public record GridWork(
            @Schema(description = "PatrolRecorded: rounds walked on the period's days")
            int patrols,

            @Schema(description = "HazardReported: findings of rounds walked in the period")
            int hazardsFound,

            @Schema(
                    description =
                            "Findings of patrol rounds whose need (published at once when urgent, or after review) was fulfilled in the period")
            int hazardsFixed,

            @Schema(
                    description =
                            "Care visits made on the period's days (a CareVisitDue SCHEDULED whose last visit moved on)")
            int careVisits,

            @Schema(description = "Of these, on or before the due day then in force")
            int careVisitsOnTime,

            @Schema(description = "Of these, after the due day")
            int careVisitsLate,

            @Schema(
                    description =
                            "CareVisitDue OVERDUE: due days passed without a visit, counted on the first day overdue")
            int careVisitsOverdue) {}

    /** Residents' voice in the period (居民). */
    public record Residents(
            @Schema(description = "WishSubmitted in the communities the row's stations serve")
            int wishesSubmitted,

            @Schema(description = "Micro-wish needs (source MICRO_WISH) of those communities fulfilled in the period")
            int wishesFulfilled,

            @Schema(description = "ServiceRated at the row's stations")
            int ratings,

            @Schema(description = "Mean stars (1-5, two decimals) of those ratings; absent without any")
            BigDecimal meanRating,

            @Schema(description = "Of those ratings, the low ones that asked the station for a follow-up visit (回访)")
            int followUpsAsked,

            @Schema(description = "FollowUpRecorded: follow-up visits done by the row's stations")
            int followUpsDone) {}

    /** Needs by what happened to them in the period; a need counts in each column whose event fell in it. */
    public record Needs(
            @Schema(description = "NeedPublished in the period")
            int published,

            @Schema(description = "First MatchProposed in the period")
            int matched,

            @Schema(description = "First MatchAccepted in the period")
            int accepted,

            @Schema(description = "Fulfilled in the period: the first MatchCompleted or NeedClosed FULFILLED")
            int fulfilled,

            @Schema(description = "NeedClosed CANCELLED in the period")
            int cancelled,

            @Schema(description = "NeedClosed EXPIRED in the period")
            int expired) {}

    /**
     * Median and 90th percentile (interpolated, as PostgreSQL's percentile_cont) of a time, in minutes
     * (one decimal) and hours (two decimals); absent when no need was timed.
     *
     * @param needs the needs timed (those whose publication is known)
     */
    public record Durations(
            int needs, BigDecimal medianMinutes, BigDecimal p90Minutes, BigDecimal medianHours, BigDecimal p90Hours) {}
}
