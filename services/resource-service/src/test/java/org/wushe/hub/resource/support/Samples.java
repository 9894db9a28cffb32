package org.wushe.hub.resource.support;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Realistic request bodies (Liyuan town, Tongzhou, Beijing) as mutable maps, so a test can break one
 * field at a time.
 */
public final class Samples {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final String TONGZHOU = "110112";
    public static final String LIYUAN = "110112104";
    public static final UUID COMMUNITY = UUID.fromString("6f1c9a52-3c1e-4b8e-9a57-0d1f5b3e2c11");

    private Samples() {}

    public static Map<String, Object> place() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", "梨园镇社会工作服务中心");
        p.put("districtCode", TONGZHOU);
        p.put("streetCode", LIYUAN);
        p.put("communityId", COMMUNITY.toString());
        p.put("geohash", "wx4g8kzz"); // cut to 6 characters
        p.put("latitude", 39.884612); // rounded to 2 decimals
        p.put("longitude", 116.658876);
        return p;
    }

    public static Map<String, Object> donor(String name, String kind) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name);
        d.put("kind", kind);
        d.put("unifiedSocialCreditCode", uscc());
        d.put("communityId", COMMUNITY.toString());
        d.put("description", "梨园镇的爱心企业 a caring enterprise of Liyuan town");
        d.put("website", "https://example.org/liyuan");
        d.put("place", place());
        return d;
    }

    public static Map<String, Object> window(Instant start, Instant end) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("start", start.toString());
        w.put("end", end.toString());
        return w;
    }

    /** From an hour ago to 60 days on. */
    public static Map<String, Object> window() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return window(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(60)));
    }

    private static Map<String, Object> offer(UUID donorId, String kind, String category, String title) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("donorId", donorId.toString());
        o.put("kind", kind);
        o.put("category", category);
        o.put("title", title);
        o.put("beneficiaryGroups", List.of("ELDERLY_ALONE", "VERY_OLD"));
        o.put("communityIds", List.of(COMMUNITY.toString()));
        o.put("place", place());
        o.put("availableWindow", window());
        return o;
    }

    public static Map<String, Object> goods(UUID donorId, int quantity, String unit, LocalDate expiryDate) {
        Map<String, Object> o = offer(donorId, "GOODS", "DAILY_GOODS", "爱心牛奶 milk for elderly living alone");
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("quantity", quantity);
        g.put("unit", unit);
        if (expiryDate != null) {
            g.put("expiryDate", expiryDate.toString());
        }
        o.put("goods", g);
        return o;
    }

    /** A free clinic (义诊) every Saturday 09:00–11:30 local time, 20 people per session. */
    public static Map<String, Object> service(UUID donorId, int capacityPerSlot) {
        Map<String, Object> o = offer(donorId, "SERVICE", "HEALTH", "社区义诊 free clinic");
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("skills", List.of("MEDICAL", "NURSING"));
        s.put("languages", List.of("en"));
        s.put("capacity", capacityPerSlot);
        s.put("sessionMinutes", 15);
        s.put("schedule", List.of(Map.of("day", "SATURDAY", "start", "09:00", "end", "11:30")));
        o.put("service", s);
        return o;
    }

    public static Map<String, Object> fund(UUID donorId, long amountFen, Long maxPerNeedFen) {
        Map<String, Object> o = offer(donorId, "FUND", "STUDY_SPACE", "社区基金：学习空间改造 community fund: study spaces");
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("amountFen", amountFen);
        f.put("maxPerNeedFen", maxPerNeedFen);
        f.put("purpose", "困境儿童学习空间改造 study-space makeovers for children in hardship");
        o.put("fund", f);
        return o;
    }

    public static Map<String, Object> venue(UUID donorId, int capacity) {
        Map<String, Object> o = offer(donorId, "VENUE", "CULTURAL_EVENT", "社区活动室 community hall");
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("capacity", capacity);
        v.put(
                "openingHours",
                List.of(
                        Map.of("day", "TUESDAY", "start", "14:00", "end", "17:00"),
                        Map.of("day", "THURSDAY", "start", "14:00", "end", "17:00")));
        o.put("venue", v);
        return o;
    }

    /** The next Saturday (local time) at least a day away, 09:30–09:45 as instants. */
    public static Instant[] nextSaturdayMorning() {
        LocalDate d = LocalDate.now(SHANGHAI).plusDays(2);
        while (d.getDayOfWeek() != java.time.DayOfWeek.SATURDAY) {
            d = d.plusDays(1);
        }
        return new Instant[] {
            d.atTime(9, 30).atZone(SHANGHAI).toInstant(),
            d.atTime(9, 45).atZone(SHANGHAI).toInstant()
        };
    }

    /** A valid-looking 18-character unified social credit code, unique per call. */
    public static String uscc() {
        String digits =
                String.format("%010d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 10_000_000_000L));
        return "91" + "110112" + digits;
    }
}
