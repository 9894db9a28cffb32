package org.wushe.hub.socialworker.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.socialworker.report.CentreReport.Row;

/**
 * A centre report as a table, the same for CSV and XLSX: one column per figure, headed in Chinese with
 * English beside it; a row per station, then the totals. Times to a first proposal are in minutes,
 * times to fulfilment and volunteer service in hours. The activity columns' headers are the catalogue's texts
 * ({@code report.column.*} in {@code messages/service_*.properties}).
 */
final class CentreReportTable {

    /** How a column's values are written. */
    enum Kind {
        TEXT,
        COUNT,
        ONE_DECIMAL,
        TWO_DECIMALS
    }

    record Column(String zh, String en, Kind kind, Function<Row, Object> value) {
        String header() {
            return zh + " " + en;
        }

        /** A column headed by the catalogue's text of {@code code}: its Chinese, then its English. */
        static Column of(String code, Kind kind, Function<Row, Object> value) {
            return new Column(
                    Messages.only(Locale.SIMPLIFIED_CHINESE, code), Messages.only(Locale.ENGLISH, code), kind, value);
        }
    }

    static final List<Column> COLUMNS = List.of(
            new Column("站点", "Station", Kind.TEXT, CentreReportTable::label),
            new Column("发布需求", "Needs published", Kind.COUNT, r -> r.needs().published()),
            new Column("已匹配", "Matched", Kind.COUNT, r -> r.needs().matched()),
            new Column("已接单", "Accepted", Kind.COUNT, r -> r.needs().accepted()),
            new Column("已完成", "Fulfilled", Kind.COUNT, r -> r.needs().fulfilled()),
            new Column("已取消", "Cancelled", Kind.COUNT, r -> r.needs().cancelled()),
            new Column("已过期", "Expired", Kind.COUNT, r -> r.needs().expired()),
            new Column(
                    "首次推荐用时中位数(分钟)",
                    "Median to first proposal (min)",
                    Kind.ONE_DECIMAL,
                    r -> r.toFirstProposal().medianMinutes()),
            new Column(
                    "首次推荐用时P90(分钟)",
                    "P90 to first proposal (min)",
                    Kind.ONE_DECIMAL,
                    r -> r.toFirstProposal().p90Minutes()),
            new Column(
                    "完成用时中位数(小时)",
                    "Median to fulfilment (h)",
                    Kind.TWO_DECIMALS,
                    r -> r.toFulfilment().medianHours()),
            new Column(
                    "完成用时P90(小时)",
                    "P90 to fulfilment (h)",
                    Kind.TWO_DECIMALS,
                    r -> r.toFulfilment().p90Hours()),
            new Column("志愿服务时长(小时)", "Volunteer hours", Kind.TWO_DECIMALS, Row::volunteerHours),
            new Column("发放积分", "Points awarded", Kind.COUNT, Row::pointsAwarded),
            new Column("电话探访", "Phone visits", Kind.COUNT, Row::phoneVisits),
            new Column("入户探访", "Home visits", Kind.COUNT, Row::homeVisits),
            new Column("新开个案", "Cases opened", Kind.COUNT, Row::casesOpened),
            new Column("在案个案", "Cases open", Kind.COUNT, Row::casesOpen),
            new Column("小组活动(节)", "Group sessions", Kind.COUNT, Row::groupSessions),
            new Column("新招募志愿者", "Volunteers recruited", Kind.COUNT, Row::volunteersRecruited),
            new Column("社工人数", "Social workers", Kind.COUNT, Row::socialWorkers),
            new Column("持证社工", "Certified workers", Kind.COUNT, Row::certifiedWorkers),
            new Column("持证率(%)", "Certification rate (%)", Kind.TWO_DECIMALS, Row::certificationRate),
            new Column("网格巡检(次)", "Patrols", Kind.COUNT, r -> r.grid().patrols()),
            new Column("发现隐患", "Hazards found", Kind.COUNT, r -> r.grid().hazardsFound()),
            new Column("隐患已解决", "Hazards fixed", Kind.COUNT, r -> r.grid().hazardsFixed()),
            new Column(
                    "关爱走访按时", "Care visits on time", Kind.COUNT, r -> r.grid().careVisitsOnTime()),
            new Column("关爱走访迟到", "Care visits late", Kind.COUNT, r -> r.grid().careVisitsLate()),
            new Column(
                    "关爱走访逾期", "Care visits overdue", Kind.COUNT, r -> r.grid().careVisitsOverdue()),
            new Column(
                    "居民微心愿", "Wishes submitted", Kind.COUNT, r -> r.residents().wishesSubmitted()),
            new Column(
                    "微心愿已实现", "Wishes fulfilled", Kind.COUNT, r -> r.residents().wishesFulfilled()),
            new Column("服务评价(条)", "Ratings", Kind.COUNT, r -> r.residents().ratings()),
            new Column(
                    "平均评分(1-5)",
                    "Mean rating (1-5)",
                    Kind.TWO_DECIMALS,
                    r -> r.residents().meanRating()),
            new Column("回访完成", "Follow-ups done", Kind.COUNT, r -> r.residents().followUpsDone()),
            Column.of("report.column.activities-held", Kind.COUNT, Row::activitiesHeld),
            Column.of("report.column.trainings-held", Kind.COUNT, Row::trainingsHeld),
            Column.of("report.column.activity-participants", Kind.COUNT, Row::activityParticipants),
            Column.of("report.column.activity-attendances", Kind.COUNT, Row::activityAttendances),
            Column.of("report.column.activity-hours", Kind.ONE_DECIMAL, Row::activityHours),
            new Column("站点ID", "Station id", Kind.TEXT, r -> r.stationId().toString()));

    private CentreReportTable() {}

    /** The stations' rows, then the totals. */
    static List<Row> rows(CentreReport report) {
        List<Row> rows = new ArrayList<>(report.stations());
        rows.add(report.totals());
        return rows;
    }

    static String label(Row r) {
        return switch (r.scope()) {
            case CENTRE -> r.stationName() + "（中心本级 centre itself）";
            case STATION -> r.stationName();
            case TOTAL -> "合计 Total";
        };
    }

    /** A decimal as the column writes it, e.g. 5.0 minutes, 8.20 hours; null stays null. */
    static BigDecimal decimal(Column c, Object value) {
        if (value == null) {
            return null;
        }
        BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return d.setScale(c.kind() == Kind.ONE_DECIMAL ? 1 : 2, RoundingMode.HALF_UP);
    }
}
