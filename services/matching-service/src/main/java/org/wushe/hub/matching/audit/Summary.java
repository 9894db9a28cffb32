package org.wushe.hub.matching.audit;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.wushe.hub.events.community.NeedClosed;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.events.community.NeedUpdated;
import org.wushe.hub.events.matching.MatchAccepted;
import org.wushe.hub.events.matching.MatchCompleted;
import org.wushe.hub.events.matching.MatchDeclined;
import org.wushe.hub.events.matching.MatchEscalated;
import org.wushe.hub.events.matching.MatchProposed;
import org.wushe.hub.events.resource.ResourceConsumed;
import org.wushe.hub.events.resource.ResourceReleased;
import org.wushe.hub.events.resource.ResourceReservationFailed;
import org.wushe.hub.events.resource.ResourceReserved;
import org.wushe.hub.events.volunteer.AssignmentAnswerKind;
import org.wushe.hub.events.volunteer.ServiceHoursCredited;
import org.wushe.hub.events.volunteer.VolunteerAvailabilityDeclared;

/**
 * A short plain line about an event, in Chinese and English, e.g. "提出匹配：志愿者 8c8bd58a，评分 0.87" /
 * "Proposed volunteer 8c8bd58a, score 0.87". Built from codes and shortened ids only: never a title, a
 * note or a name, which may hold personal data.
 */
public record Summary(String zh, String en) {

    private static final Map<String, String> CATEGORY = Map.ofEntries(
            Map.entry("HOME_REPAIR", "上门维修"),
            Map.entry("SAFETY_CHECK", "安全检查"),
            Map.entry("DAILY_GOODS", "生活物资"),
            Map.entry("MEAL_ASSISTANCE", "助餐"),
            Map.entry("HEALTH", "健康服务"),
            Map.entry("ESCORT", "陪诊"),
            Map.entry("COMPANIONSHIP", "陪伴探访"),
            Map.entry("HAIRCUT", "义剪"),
            Map.entry("LEGAL_ADVICE", "法律咨询"),
            Map.entry("ANTI_FRAUD", "反诈宣传"),
            Map.entry("MEDIATION", "矛盾调解"),
            Map.entry("PSYCHOLOGICAL_SUPPORT", "心理疏导"),
            Map.entry("TUTORING", "课业辅导"),
            Map.entry("STUDY_SPACE", "学习空间改造"),
            Map.entry("CULTURAL_EVENT", "文化与邻里活动"),
            Map.entry("OTHER", "其他"));
    private static final Map<String, String> URGENCY =
            Map.of("IMMEDIATE", "立即", "URGENT", "加急", "SOON", "近期", "ROUTINE", "常规");
    private static final Map<String, String> REASON = Map.of(
            "NOT_SUITABLE",
            "不合适",
            "TOO_FAR",
            "距离太远",
            "TIME_CONFLICT",
            "时间冲突",
            "VOLUNTEER_UNAVAILABLE",
            "志愿者无法参加",
            "RESOURCE_UNAVAILABLE",
            "资源不可用",
            "NEED_ALREADY_MET",
            "需求已满足",
            "RESIDENT_DECLINED",
            "居民谢绝",
            "PROPOSAL_EXPIRED",
            "无人在期限内答复",
            "OTHER",
            "其他原因");
    private static final Map<String, String> OUTCOME = Map.of("FULFILLED", "已完成", "CANCELLED", "已取消", "EXPIRED", "已过期");
    private static final Map<String, String> STATUS = Map.of(
            "PUBLISHED",
            "待匹配",
            "MATCHED",
            "已推荐",
            "ACCEPTED",
            "已接受",
            "FULFILLED",
            "已完成",
            "CANCELLED",
            "已取消",
            "EXPIRED",
            "已过期");

    public static Summary of(NeedPublished n) {
        String c = n.getDetails().getCategory().name();
        String u = n.getDetails().getUrgency().name();
        return new Summary(
                "需求发布：" + zh(CATEGORY, c) + "，" + zh(URGENCY, u), "Need published: " + lower(c) + ", " + lower(u));
    }

    public static Summary of(NeedUpdated n) {
        String s = n.getStatus().name();
        return new Summary(
                "需求更新：第 " + n.getRevision() + " 版，" + zh(STATUS, s),
                "Need updated: revision " + n.getRevision() + ", " + lower(s));
    }

    public static Summary of(NeedClosed n) {
        String o = n.getOutcome().name();
        return new Summary("需求关闭：" + zh(OUTCOME, o), "Need closed: " + lower(o));
    }

    public static Summary of(MatchProposed m) {
        Candidate c = Candidate.of(m.getVolunteerId(), m.getOfferId(), m.getCapacityId());
        String score = String.format(Locale.ROOT, "%.2f", m.getScore());
        return new Summary(
                "提出匹配：" + c.zh() + "，评分 " + score + (m.getRank() > 1 ? "（第 " + m.getRank() + " 次推荐）" : ""),
                "Proposed " + c.en() + ", score " + score + (m.getRank() > 1 ? " (proposal " + m.getRank() + ")" : ""));
    }

    public static Summary of(MatchEscalated m) {
        return new Summary(
                "无人答复，上报中心 " + shortId(m.getEscalatedTo()),
                "Unanswered; escalated to centre " + shortId(m.getEscalatedTo()));
    }

    public static Summary of(MatchAccepted m) {
        Candidate c = Candidate.of(m.getVolunteerId(), m.getOfferId(), m.getCapacityId());
        return new Summary("接受匹配：" + c.zh(), "Accepted " + c.en());
    }

    public static Summary of(MatchDeclined m) {
        Candidate c = Candidate.of(m.getVolunteerId(), m.getOfferId(), m.getCapacityId());
        String r = m.getReason().name();
        boolean system = m.getDeclinedBy().name().equals("SYSTEM");
        return new Summary(
                (system ? "系统结束匹配：" : "拒绝匹配：") + c.zh() + "，原因：" + zh(REASON, r),
                (system ? "Ended by the system: " : "Declined ") + c.en() + ", reason: " + lower(r));
    }

    public static Summary of(MatchCompleted m) {
        return new Summary(
                "服务完成：" + m.getServiceMinutes() + " 分钟，服务 " + m.getPeopleReached() + " 人",
                "Completed: " + m.getServiceMinutes() + " min, " + m.getPeopleReached()
                        + (m.getPeopleReached() == 1 ? " person" : " people") + " reached");
    }

    public static Summary of(ResourceReserved r) {
        return new Summary("资源 " + shortId(r.getOfferId()) + " 已预留", "Offer " + shortId(r.getOfferId()) + " reserved");
    }

    public static Summary of(ResourceReservationFailed r) {
        return new Summary(
                "资源 " + shortId(r.getOfferId()) + " 预留失败：" + r.getReason().name(),
                "Reservation of offer " + shortId(r.getOfferId()) + " failed: "
                        + lower(r.getReason().name()));
    }

    public static Summary of(ResourceReleased r) {
        return new Summary(
                "资源 " + shortId(r.getOfferId()) + " 的预留已释放（" + r.getReason() + "）",
                "Reservation of offer " + shortId(r.getOfferId()) + " released (" + lower(String.valueOf(r.getReason()))
                        + ")");
    }

    public static Summary of(ResourceConsumed r) {
        return new Summary("资源 " + shortId(r.getOfferId()) + " 已交付", "Offer " + shortId(r.getOfferId()) + " delivered");
    }

    public static Summary of(ServiceHoursCredited h) {
        return new Summary(
                "记入服务时长 " + h.getMinutes() + " 分钟：志愿者 " + shortId(h.getVolunteerId()),
                "Service hours credited: " + h.getMinutes() + " min to volunteer " + shortId(h.getVolunteerId()));
    }

    /** A volunteer's own answer to a match (only called when the declaration carries one). */
    public static Summary of(VolunteerAvailabilityDeclared a) {
        var answer = a.getAssignmentAnswer();
        String who = shortId(a.getVolunteerId());
        if (answer.getAnswer() == AssignmentAnswerKind.CONFIRMED) {
            return new Summary(
                    "志愿者 " + who + " 确认参加匹配 " + shortId(answer.getMatchId()),
                    "Volunteer " + who + " confirmed match " + shortId(answer.getMatchId()));
        }
        String reason = answer.getDeclineReason() == null
                ? "OTHER"
                : answer.getDeclineReason().name();
        return new Summary(
                "志愿者 " + who + " 谢绝匹配 " + shortId(answer.getMatchId()) + "：" + zh(VOLUNTEER_REASON, reason),
                "Volunteer " + who + " declined match " + shortId(answer.getMatchId()) + ": " + lower(reason));
    }

    private static final Map<String, String> VOLUNTEER_REASON = Map.of(
            "TIME_CONFLICT",
            "时间冲突",
            "TOO_FAR",
            "距离太远",
            "NOT_SUITABLE",
            "不合适",
            "UNAVAILABLE",
            "无法参加",
            "OTHER",
            "其他原因",
            "UNKNOWN",
            "其他原因");

    private record Candidate(String zh, String en) {
        static Candidate of(UUID volunteer, UUID offer, UUID capacity) {
            if (volunteer != null) {
                return new Candidate("志愿者 " + shortId(volunteer), "volunteer " + shortId(volunteer));
            }
            if (offer != null) {
                return new Candidate("资源 " + shortId(offer), "offer " + shortId(offer));
            }
            if (capacity != null) {
                return new Candidate("机构服务 " + shortId(capacity), "organization service " + shortId(capacity));
            }
            return new Candidate("候选", "candidate");
        }
    }

    static String shortId(UUID id) {
        return id == null ? "—" : id.toString().substring(0, 8);
    }

    private static String zh(Map<String, String> words, String code) {
        return words.getOrDefault(code, code);
    }

    private static String lower(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
