package org.wushe.hub.matching.engine;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import org.wushe.hub.events.common.Skill;

/**
 * Plain sentences, in Chinese and English, for every component of a score and for an empty result. Places are
 * coarse (a geohash-6 cell, 2 decimals), so distances and times on foot are "about".
 */
final class Explainer {

    private static final double WALK_KMH = 4.8;
    private static final double BIKE_KMH = 15;
    private static final String[] WEEKDAYS_ZH = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
    private static final DateTimeFormatter EN_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    /** Most texts a cache keeps before it starts again. */
    private static final int CACHED = 50_000;

    private final MatchSettings settings;
    private final SlotCalendar calendar;
    /**
     * The words for a window and for an urgency with its waiting time repeat across proposals (windows start on the
     * half-hour grid), so they are made once: formatting dates and times was a tenth of a match's CPU time.
     */
    private final ConcurrentHashMap<Window, String[]> windows = new ConcurrentHashMap<>();

    private final ConcurrentHashMap<Long, String[]> urgencies = new ConcurrentHashMap<>();

    Explainer(MatchSettings settings, SlotCalendar calendar) {
        this.settings = settings;
        this.calendar = calendar;
    }

    Proposal proposal(NeedSpec need, Candidate c, long now) {
        List<ScoreComponent> parts = new ArrayList<>(Component.ALL.length);
        for (Component component : Component.ALL) {
            String[] text = switch (component) {
                case SKILL -> skill(need, c);
                case DISTANCE -> distance(c);
                case TIME -> time(c);
                case URGENCY -> urgency(need, now);
                case PRIORITY -> priority(need, c);
                case EXPIRY -> expiry(c);
                case FAIRNESS -> fairness(c);
            };
            parts.add(new ScoreComponent(
                    component.key,
                    component.weight(settings.weights()),
                    c.values()[component.ordinal()],
                    text[0],
                    text[1]));
        }
        return new Proposal(need.needId(), c.ref(), c.score(), parts, c.window(), c.allocation());
    }

    private String[] skill(NeedSpec need, Candidate c) {
        String categoryZh = Vocabulary.zh(need.category());
        String categoryEn = Vocabulary.en(need.category());
        if (c.offer() == null) {
            if (c.fittingSkills() == 0) {
                return texts(
                        "没有专门技能；" + categoryZh + "人人都能帮忙", "No specific skill; anyone can help with " + categoryEn);
            }
            List<Skill> skills = SkillMask.list(c.fittingSkills());
            return texts(
                    "有" + skillsZh(skills) + "技能，符合" + categoryZh + "需求",
                    "Has the " + skillsEn(skills) + " skill" + (skills.size() > 1 ? "s" : "") + " the " + categoryEn
                            + " needs");
        }
        Allocation a = c.allocation();
        return switch (c.offer().kind()) {
            case GOODS ->
                a.quantity() >= c.wanted()
                        ? texts(
                                "可提供全部所需的" + a.quantity() + Vocabulary.zh(a.unit()),
                                "Can give " + (a.quantity() == 1 ? "the " : "all ") + a.quantity() + " "
                                        + Vocabulary.en(a.unit(), a.quantity()) + " wanted")
                        : texts(
                                "库存只够所需" + c.wanted() + Vocabulary.zh(a.unit()) + "中的" + a.quantity()
                                        + Vocabulary.zh(a.unit()),
                                "Can give " + a.quantity() + " of the " + c.wanted() + " "
                                        + Vocabulary.en(a.unit(), c.wanted()) + " wanted");
            case FUND -> {
                boolean capped = a.amountFen() < c.left();
                yield texts(
                        "可资助" + yuan(a.amountFen()) + "元" + (capped ? "（每个需求的上限）" : "（资金余额）"),
                        "Can fund CNY " + yuan(a.amountFen()) + (capped ? " (its cap per need)" : " (what is left)"));
            }
            case VENUE ->
                texts(
                        "场地适合" + categoryZh + "，还能容纳" + c.left() + "人",
                        "The venue suits the " + categoryEn + " and still has room for " + c.left() + " people");
            case SERVICE, CAPACITY -> {
                String placesZh = "，本场次还剩" + c.left() + "个名额";
                String placesEn = "; " + c.left() + " place" + (c.left() == 1 ? "" : "s") + " left in the session";
                if (c.fittingSkills() == 0) {
                    yield texts(
                            "提供" + categoryZh + "服务，符合需求" + placesZh,
                            "Offers the " + categoryEn + " service the need asks for" + placesEn);
                }
                List<Skill> skills = SkillMask.list(c.fittingSkills());
                yield texts(
                        "提供" + categoryZh + "服务，有" + skillsZh(skills) + "技能" + placesZh,
                        "Offers " + categoryEn + " with the " + skillsEn(skills) + " skill"
                                + (skills.size() > 1 ? "s" : "") + placesEn);
            }
        };
    }

    private String[] distance(Candidate c) {
        if (Double.isNaN(c.distanceKm())) {
            return texts("资金指定用于本社区，与距离无关", "The fund is earmarked for this community; distance does not matter");
        }
        String[] who = subject(c);
        if (c.distanceKm() < 0.5) {
            return texts(who[0] + "在附近（不到0.5公里）", who[1] + " close by, less than 0.5 km away");
        }
        String km = String.format(Locale.ROOT, "%.1f", c.distanceKm());
        boolean walk = c.distanceKm() <= 2;
        long minutes = Math.max(5, Math.round(c.distanceKm() / (walk ? WALK_KMH : BIKE_KMH) * 60 / 5) * 5);
        return texts(
                who[0] + "在约" + km + "公里外，" + (walk ? "步行" : "骑车") + "约" + minutes + "分钟",
                who[1] + " about " + km + " km away, about " + minutes + " minutes " + (walk ? "on foot" : "by bike"));
    }

    private static String[] subject(Candidate c) {
        if (c.offer() == null) {
            return c.sameCommunity()
                    ? texts("志愿者是本社区居民，住", "The volunteer lives in the same community,")
                    : texts("志愿者住", "The volunteer lives");
        }
        return switch (c.offer().kind()) {
            case GOODS -> texts("物资存放", "The goods are stored");
            case VENUE -> texts("场地", "The venue is");
            case FUND -> texts("资金方", "The fund is held");
            case SERVICE, CAPACITY -> texts("服务方", "The provider is based");
        };
    }

    private String[] time(Candidate c) {
        String[] when = when(c.window());
        String[] what;
        if (c.offer() == null) {
            what = texts("双方都有空：", "Both are free ");
        } else {
            what = switch (c.offer().kind()) {
                case GOODS -> texts("可送达时间：", "Can be delivered ");
                case FUND -> texts("资金可用时间：", "The money is available ");
                case VENUE -> texts("场地开放：", "The venue is open ");
                case SERVICE, CAPACITY -> texts("服务场次：", "Session ");
            };
        }
        if (c.usableMillis() >= c.neededMillis()) {
            return texts(what[0] + when[0], what[1] + when[1]);
        }
        long usable = c.usableMillis() / 60_000;
        long needed = c.neededMillis() / 60_000;
        String en = what[1] + when[1];
        return texts(
                "只有" + usable + "分钟对得上（需要" + needed + "分钟）；" + what[0] + when[0],
                "Only " + usable + " of the " + needed + " minutes needed fit; " + Character.toLowerCase(en.charAt(0))
                        + en.substring(1));
    }

    private String[] when(Window w) {
        String[] texts = windows.get(w);
        if (texts == null) {
            texts = whenUncached(w);
            if (windows.size() >= CACHED) {
                windows.clear();
            }
            windows.put(w, texts);
        }
        return texts;
    }

    private String[] whenUncached(Window w) {
        LocalDateTime start = LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(w.startMillis()), calendar.zone());
        LocalDateTime end = LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(w.endMillis()), calendar.zone());
        String zhStart = start.getMonthValue() + "月" + start.getDayOfMonth() + "日（" + weekdayZh(start.getDayOfWeek())
                + "）" + HOUR_MINUTE.format(start);
        String enStart = "on " + EN_DAY.format(start) + ", " + HOUR_MINUTE.format(start);
        if (start.toLocalDate().equals(end.toLocalDate())
                || end.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                        && start.toLocalDate().plusDays(1).equals(end.toLocalDate())) {
            String endTime = end.toLocalDate().equals(start.toLocalDate()) ? HOUR_MINUTE.format(end) : "24:00";
            return texts(zhStart + "–" + endTime, enStart + "–" + endTime);
        }
        return texts(
                zhStart + " 至 " + end.getMonthValue() + "月" + end.getDayOfMonth() + "日 " + HOUR_MINUTE.format(end),
                enStart + " to " + EN_DAY.format(end) + ", " + HOUR_MINUTE.format(end));
    }

    private String[] urgency(NeedSpec need, long now) {
        long waitedMinutes = Math.max(0, now - need.publishedAtMillis()) / 60_000;
        // what the words depend on: the urgency, and less than an hour, the hours up to 48, or the days
        long shown = waitedMinutes < 60
                ? 0
                : waitedMinutes < 48 * 60 ? waitedMinutes / 60 : 100_000 + waitedMinutes / (24 * 60);
        long key = shown * 16 + need.urgency().ordinal();
        String[] texts = urgencies.get(key);
        if (texts == null) {
            texts = urgencyUncached(need, waitedMinutes);
            if (urgencies.size() >= CACHED) {
                urgencies.clear();
            }
            urgencies.put(key, texts);
        }
        return texts;
    }

    private static String[] urgencyUncached(NeedSpec need, long waitedMinutes) {
        String zh;
        String en;
        if (waitedMinutes < 60) {
            zh = "不到1小时";
            en = "less than an hour";
        } else if (waitedMinutes < 48 * 60) {
            long h = waitedMinutes / 60;
            zh = h + "小时";
            en = h + (h == 1 ? " hour" : " hours");
        } else {
            long d = waitedMinutes / (24 * 60);
            zh = d + "天";
            en = d + " days";
        }
        return texts(
                Vocabulary.zh(need.urgency()) + "，已等待" + zh, Vocabulary.en(need.urgency()) + ", waiting for " + en);
    }

    private String[] priority(NeedSpec need, Candidate c) {
        String groupZh = Vocabulary.zh(need.beneficiaryGroup());
        String groupEn = Vocabulary.en(need.beneficiaryGroup());
        boolean first = settings.groupPriorities().get(need.beneficiaryGroup()) >= 0.8;
        String zh = "服务对象是" + groupZh + (first ? "，优先安排" : "");
        String en = "The need serves " + groupEn + (first ? ", who come first" : "");
        if (c.offer() != null && c.offer().targets(need.beneficiaryGroup())) {
            zh += "；这项资源专门面向" + groupZh;
            en += "; this offer is meant for them";
        }
        return texts(zh, en);
    }

    private String[] expiry(Candidate c) {
        if (c.offer() == null || c.offer().kind() != OfferKind.GOODS) {
            return texts("不涉及物资保质期", "No goods that could expire");
        }
        long days = c.daysToExpiry();
        if (days < 0) {
            return texts("物资没有保质期", "These goods do not expire");
        }
        if (days == 0) {
            return texts("这批物资今天过期，优先使用", "These goods expire today, so they go first");
        }
        if (days < settings.expiryHorizonDays()) {
            return texts(
                    "这批物资" + days + "天后过期，优先使用",
                    "These goods expire in " + days + (days == 1 ? " day" : " days") + ", so they go first");
        }
        return texts("这批物资" + days + "天后才过期", "These goods keep for " + days + " more days");
    }

    private String[] fairness(Candidate c) {
        if (c.offer() != null) {
            return texts("资源不涉及志愿者工作量", "An offer: no volunteer workload involved");
        }
        long days = settings.fairnessWindow().toDays();
        if (c.activeHolds() == 0 && c.recentMinutes() == 0) {
            return texts(
                    "目前没有进行中的匹配，近" + days + "天未服务，分摊工作",
                    "No active matches and no service in the last " + days + " days, so the work is spread");
        }
        String hours =
                String.format(Locale.ROOT, "%.1f", c.recentMinutes() / 60.0).replace(".0", "");
        return texts(
                "目前有" + c.activeHolds() + "个进行中的匹配，近" + days + "天服务" + hours + "小时",
                "Has " + c.activeHolds() + " active match" + (c.activeHolds() == 1 ? "" : "es") + " and served " + hours
                        + " hours in the last " + days + " days");
    }

    /** Why a search found nothing, in Chinese. */
    static String noneZh(double maxKm, int examined, int[] rejections) {
        String km = String.format(Locale.ROOT, "%.0f", maxKm);
        if (examined == 0) {
            return km + "公里内没有技能或类别相符的志愿者或资源";
        }
        StringJoiner why = new StringJoiner("，");
        for (Rejection r : Rejection.values()) {
            if (rejections[r.ordinal()] > 0) {
                why.add(rejections[r.ordinal()] + "个" + r.zh);
            }
        }
        return km + "公里内查看了" + examined + "个候选，都不合适：" + why;
    }

    /** Why a search found nothing, in English. */
    static String noneEn(double maxKm, int examined, int[] rejections) {
        String km = String.format(Locale.ROOT, "%.0f", maxKm);
        if (examined == 0) {
            return "No volunteer or offer of the right skill or category within " + km + " km";
        }
        StringJoiner why = new StringJoiner(", ");
        for (Rejection r : Rejection.values()) {
            if (rejections[r.ordinal()] > 0) {
                why.add(rejections[r.ordinal()] + " " + r.en);
            }
        }
        return "Checked " + examined + " candidate" + (examined == 1 ? "" : "s") + " within " + km + " km, none fits: "
                + why;
    }

    private static String skillsZh(List<Skill> skills) {
        StringJoiner j = new StringJoiner("、");
        skills.forEach(s -> j.add(Vocabulary.zh(s)));
        return j.toString();
    }

    private static String skillsEn(List<Skill> skills) {
        StringJoiner j = new StringJoiner(", ");
        skills.forEach(s -> j.add(s.name()));
        return j.toString();
    }

    private static String yuan(long fen) {
        return String.format(Locale.ROOT, "%d.%02d", fen / 100, fen % 100);
    }

    private static String weekdayZh(DayOfWeek d) {
        return WEEKDAYS_ZH[d.getValue() - 1];
    }

    private static String[] texts(String zh, String en) {
        return new String[] {zh, en};
    }
}
