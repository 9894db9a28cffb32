package org.wushe.hub.socialworker.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.wushe.hub.events.community.StationLevel;

/**
 * A centre's report for a period (中心报表): one row for the centre's own work, one for each station it
 * leads (with the stations below that one, for a district centre), and the totals of them all.
 *
 * @param period the preset asked for, if any
 */
public record CentreReport(UUID centreId, String centreName, StationLevel level, LocalDate from, LocalDate to, ReportPreset period,
                          List<Row> stations, Row totals) {

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
    public record Row(Scope scope, UUID stationId, String stationName, StationLevel level, List<UUID> stationsIncluded,
                      Needs needs,
                      @Schema(description = "From NeedPublished to the need's first MatchProposed, over needs first proposed in the period")
                      Durations toFirstProposal,
                      @Schema(description = "From NeedPublished to fulfilment (the first MatchCompleted or NeedClosed FULFILLED), over needs fulfilled in the period")
                      Durations toFulfilment,
                      @Schema(description = "ServiceHoursCredited minutes served in the period at the station (its own stationId, else its match's)")
                      long volunteerMinutes,
                      BigDecimal volunteerHours,
                      @Schema(description = "PointsAwarded in the period for hours credited at the station")
                      long pointsAwarded,
                      int phoneVisits, int homeVisits,
                      int casesOpened,
                      @Schema(description = "Cases open at the end of the period's last day")
                      int casesOpen,
                      int caseClients,
                      int groupsRun, int groupSessions, int groupParticipants,
                      int volunteersRecruited,
                      int socialWorkers, int certifiedWorkers, BigDecimal certificationRate, String certificationRateText) {
    }

    /** Needs by what happened to them in the period; a need counts in each column whose event fell in it. */
    public record Needs(
            @Schema(description = "NeedPublished in the period") int published,
            @Schema(description = "First MatchProposed in the period") int matched,
            @Schema(description = "First MatchAccepted in the period") int accepted,
            @Schema(description = "Fulfilled in the period: the first MatchCompleted or NeedClosed FULFILLED") int fulfilled,
            @Schema(description = "NeedClosed CANCELLED in the period") int cancelled,
            @Schema(description = "NeedClosed EXPIRED in the period") int expired) {
    }

    /**
     * Median and 90th percentile (interpolated, as PostgreSQL's percentile_cont) of a time, in minutes
     * (one decimal) and hours (two decimals); absent when no need was timed.
     *
     * @param needs the needs timed (those whose publication is known)
     */
    public record Durations(int needs, BigDecimal medianMinutes, BigDecimal p90Minutes, BigDecimal medianHours, BigDecimal p90Hours) {
    }
}
