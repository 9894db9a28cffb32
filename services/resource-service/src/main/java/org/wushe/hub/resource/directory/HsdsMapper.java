package org.wushe.hub.resource.directory;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.resource.DonorKind;
import org.wushe.hub.events.resource.OfferKind;
import org.wushe.hub.resource.common.CoarsePlace;
import org.wushe.hub.resource.common.WeeklySlot;
import org.wushe.hub.resource.donor.Donor;
import org.wushe.hub.resource.offer.Offer;

/**
 * Donors and offers as an Open Referral HSDS 3.0 directory: a donor is an {@code organization}, an
 * offer a {@code service}, the coarse place of an offer a {@code location} (one per distinct place of
 * an organization) and their link a {@code service_at_location}. Ids of derived objects are name-based
 * UUIDs, so each export names the same thing with the same id and a directory can sync by id.
 */
public final class HsdsMapper {

    public static final String HSDS_VERSION = "3.0";
    static final String CATEGORY_TAXONOMY = "wushe-hub:category";
    static final String KIND_TAXONOMY = "wushe-hub:offer-kind";

    private HsdsMapper() {}

    public static Hsds.Directory directory(
            List<Donor> donors, List<Offer> offers, long totalItems, int page, int perPage, ZoneId zone, Instant now) {
        Map<UUID, Donor> byId =
                donors.stream().collect(Collectors.toMap(Donor::id, d -> d, (a, b) -> a, LinkedHashMap::new));
        Map<String, Hsds.Location> locations = new LinkedHashMap<>();
        List<Hsds.Service> services = new ArrayList<>();
        List<Hsds.ServiceAtLocation> links = new ArrayList<>();
        for (Offer offer : offers) {
            Hsds.Service service = service(offer, byId.get(offer.donorId()), zone);
            services.add(service.flat());
            for (Hsds.ServiceAtLocation link : service.serviceAtLocations()) {
                links.add(link.flat());
                locations.putIfAbsent(link.location().id(), link.location());
            }
        }
        List<Hsds.Organization> organizations = offers.stream()
                .map(Offer::donorId)
                .distinct()
                .map(byId::get)
                .filter(Objects::nonNull)
                .map(HsdsMapper::organization)
                .toList();
        return new Hsds.Directory(
                HSDS_VERSION,
                now.toString(),
                totalItems,
                totalPages(totalItems, perPage),
                page,
                services.size(),
                organizations,
                services,
                List.copyOf(locations.values()),
                links);
    }

    public static <T> Hsds.Page<T> page(List<T> contents, long totalItems, int page, int perPage) {
        int pages = totalPages(totalItems, perPage);
        return new Hsds.Page<>(
                totalItems, pages, page, contents.size(), page == 1, page >= pages, contents.isEmpty(), contents);
    }

    public static Hsds.Organization organization(Donor d) {
        String id = d.id().toString();
        List<Hsds.OrganizationIdentifier> identifiers = d.unifiedSocialCreditCode() == null
                ? List.of()
                : List.of(new Hsds.OrganizationIdentifier(
                        derivedId("uscc", id),
                        id,
                        "CN-USCC",
                        "统一社会信用代码 Unified Social Credit Code",
                        d.unifiedSocialCreditCode()));
        String description = d.description() != null
                ? d.description()
                : DONOR_KINDS.getOrDefault(d.kind(), "捐赠方 donor") + " — 五社联动 charitable resource provider";
        return new Hsds.Organization(id, d.name(), description, d.website(), DONOR_KINDS.get(d.kind()), identifiers);
    }

    /** The service of an offer in the HSDS API form, with its organization and its location embedded. */
    public static Hsds.Service service(Offer o, Donor donor, ZoneId zone) {
        String id = o.id().toString();
        Hsds.Location location = location(o.donorId(), o.place());
        Hsds.ServiceAtLocation link = new Hsds.ServiceAtLocation(
                derivedId("service_at_location", id + "|" + location.id()), id, location.id(), null, location);
        return new Hsds.Service(
                id,
                o.donorId().toString(),
                o.title(),
                description(o),
                o.isActive() ? "active" : "inactive",
                eligibility(o),
                "免费 free of charge",
                "经社区社会工作服务站申请与匹配 through the community social work station",
                languages(o),
                schedules(o, zone),
                attributes(o),
                donor == null ? null : organization(donor),
                List.of(link));
    }

    /** A coarse place as an HSDS location; the same place of the same organization is the same location. */
    public static Hsds.Location location(UUID organizationId, CoarsePlace p) {
        String key = String.join(
                "|",
                organizationId.toString(),
                p.districtCode(),
                String.valueOf(p.streetCode()),
                String.valueOf(p.communityId()),
                String.valueOf(p.gridId()),
                String.valueOf(p.geohash()),
                String.valueOf(p.latitude()),
                String.valueOf(p.longitude()),
                String.valueOf(p.name()));
        String area =
                "区县 district " + p.districtCode() + (p.streetCode() == null ? "" : ", 街道 street " + p.streetCode());
        String name = p.name() != null ? p.name() : area;
        return new Hsds.Location(
                derivedId("location", key),
                "physical",
                organizationId.toString(),
                name,
                "大致位置 coarse place: " + area + (p.geohash() == null ? "" : ", geohash " + p.geohash()),
                coarse(p.latitude()),
                coarse(p.longitude()),
                p.geohash(),
                p.geohash() == null ? null : "geohash");
    }

    static String description(Offer o) {
        String base = o.description() != null ? o.description() : o.title();
        String details = switch (o.kind()) {
            case GOODS ->
                "物资 goods: " + o.goods().quantity() + " " + o.goods().unit()
                        + (o.goods().expiryDate() == null
                                ? ""
                                : ", 保质期至 best before " + o.goods().expiryDate());
            case FUND ->
                "资金 funds: ¥" + BigDecimal.valueOf(o.fund().amountFen(), 2).toPlainString()
                        + (o.fund().purpose() == null
                                ? ""
                                : ", 用途 purpose: " + o.fund().purpose());
            case SERVICE ->
                "服务 service: " + o.service().capacity() + " 人次 people per session"
                        + (o.service().skills().isEmpty()
                                ? ""
                                : ", skills " + o.service().skills());
            case VENUE -> "场地 venue for " + o.venue().capacity() + " people";
            default -> "";
        };
        return base + " — " + details;
    }

    static String eligibility(Offer o) {
        if (o.beneficiaryGroups().isEmpty()) {
            return "所有居民 anyone in reach";
        }
        return o.beneficiaryGroups().stream()
                .map(g -> GROUPS.getOrDefault(g, g.name()))
                .collect(Collectors.joining("; "));
    }

    static List<Hsds.Language> languages(Offer o) {
        String id = o.id().toString();
        List<Hsds.Language> out = new ArrayList<>();
        out.add(new Hsds.Language(derivedId("language", id + "|zh"), id, "中文 Mandarin Chinese", "zh"));
        if (o.service() != null) {
            for (String tag : o.service().languages()) {
                out.add(new Hsds.Language(derivedId("language", id + "|" + tag), id, tag, tag));
            }
        }
        return out;
    }

    /** Weekly slots as WEEKLY rules in +08:00 local time, valid over the offer's window; no slots: one schedule "by appointment". */
    static List<Hsds.Schedule> schedules(Offer o, ZoneId zone) {
        String id = o.id().toString();
        LocalDate from = LocalDate.ofInstant(o.availableWindow().start(), zone);
        LocalDate to = LocalDate.ofInstant(o.availableWindow().end().minusMillis(1), zone);
        ZoneOffset offset = zone.getRules().getOffset(o.availableWindow().start());
        int hours = offset.getTotalSeconds() / 3600;
        if (o.slots().isEmpty()) {
            return List.of(new Hsds.Schedule(
                    derivedId("schedule", id),
                    id,
                    from.toString(),
                    to.toString(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    hours,
                    "可预约 by appointment, " + from + " – " + to));
        }
        List<Hsds.Schedule> out = new ArrayList<>();
        for (WeeklySlot slot : o.slots()) {
            out.add(new Hsds.Schedule(
                    derivedId("schedule", id + "|" + slot.text()),
                    id,
                    from.toString(),
                    to.toString(),
                    "WEEKLY",
                    1,
                    slot.day().name().substring(0, 2),
                    slot.start() + offset.getId(),
                    slot.end() + offset.getId(),
                    "MO",
                    hours,
                    "每周 weekly " + slot.text()));
        }
        return out;
    }

    static List<Hsds.Attribute> attributes(Offer o) {
        String id = o.id().toString();
        return List.of(
                attribute(
                        id,
                        CATEGORY_TAXONOMY,
                        o.category().name(),
                        CATEGORIES.getOrDefault(o.category(), o.category().name())),
                attribute(
                        id,
                        KIND_TAXONOMY,
                        o.kind().name(),
                        KINDS.getOrDefault(o.kind(), o.kind().name())));
    }

    private static Hsds.Attribute attribute(String serviceId, String taxonomy, String code, String name) {
        String termId = derivedId("taxonomy_term", taxonomy + "|" + code);
        return new Hsds.Attribute(
                derivedId("attribute", serviceId + "|" + taxonomy),
                serviceId,
                taxonomy,
                "service",
                termId,
                new Hsds.TaxonomyTerm(termId, code, name, name, taxonomy));
    }

    static String derivedId(String kind, String key) {
        return UUID.nameUUIDFromBytes((kind + ":" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static Double coarse(Double d) {
        return d == null
                ? null
                : BigDecimal.valueOf(d)
                        .setScale(2, java.math.RoundingMode.HALF_UP)
                        .doubleValue();
    }

    private static int totalPages(long totalItems, int perPage) {
        return (int) Math.max(1, (totalItems + perPage - 1) / perPage);
    }

    private static final Map<DonorKind, String> DONOR_KINDS = new EnumMap<>(Map.ofEntries(
            Map.entry(DonorKind.ENTERPRISE, "企业 enterprise"),
            Map.entry(DonorKind.FOUNDATION, "基金会 foundation"),
            Map.entry(DonorKind.CARING_SHOP, "爱心商家 caring shop"),
            Map.entry(DonorKind.HOSPITAL, "医院 hospital"),
            Map.entry(DonorKind.BANK, "银行 bank"),
            Map.entry(DonorKind.LAW_FIRM, "律师事务所 law firm"),
            Map.entry(DonorKind.REPAIR_PLATFORM, "维修平台 repair platform"),
            Map.entry(DonorKind.PROPERTY_MANAGER, "物业 property manager"),
            Map.entry(DonorKind.COMMUNITY_FUND, "社区基金 community fund"),
            Map.entry(DonorKind.GOVERNMENT_PURCHASE, "政府购买服务 government-purchased service"),
            Map.entry(DonorKind.OTHER, "其他 other")));

    private static final Map<OfferKind, String> KINDS = new EnumMap<>(Map.of(
            OfferKind.GOODS,
            "物资 goods",
            OfferKind.SERVICE,
            "服务 service",
            OfferKind.FUND,
            "资金 funds",
            OfferKind.VENUE,
            "场地 venue"));

    private static final Map<BeneficiaryGroup, String> GROUPS = new EnumMap<>(Map.ofEntries(
            Map.entry(BeneficiaryGroup.ELDERLY_ALONE, "独居老人 elderly living alone"),
            Map.entry(BeneficiaryGroup.VERY_OLD, "高龄老人 very old (80+)"),
            Map.entry(BeneficiaryGroup.CHILDLESS_ELDERLY, "孤寡老人 childless elderly"),
            Map.entry(BeneficiaryGroup.DISABLED, "残疾人 people with disabilities"),
            Map.entry(BeneficiaryGroup.CHILD_IN_HARDSHIP, "困境儿童 children in hardship"),
            Map.entry(BeneficiaryGroup.LOW_INCOME_FAMILY, "低保/低收入家庭 low-income families"),
            Map.entry(BeneficiaryGroup.NEWCOMER, "新市民 newcomers"),
            Map.entry(BeneficiaryGroup.FOREIGN_RESIDENT, "外籍居民 foreign residents"),
            Map.entry(BeneficiaryGroup.ALL_RESIDENTS, "全体居民 all residents"),
            Map.entry(BeneficiaryGroup.OTHER, "其他 other")));

    private static final Map<Category, String> CATEGORIES = new EnumMap<>(Map.ofEntries(
            Map.entry(Category.HOME_REPAIR, "上门维修 home repair"), Map.entry(Category.SAFETY_CHECK, "安全检查 safety check"),
            Map.entry(Category.DAILY_GOODS, "生活物资 daily goods"),
                    Map.entry(Category.MEAL_ASSISTANCE, "助餐 meal assistance"),
            Map.entry(Category.HEALTH, "健康服务 health"), Map.entry(Category.ESCORT, "陪诊 escort to hospital"),
            Map.entry(Category.COMPANIONSHIP, "陪伴探访 companionship"), Map.entry(Category.HAIRCUT, "义剪 free haircut"),
            Map.entry(Category.LEGAL_ADVICE, "法律咨询 legal advice"), Map.entry(Category.ANTI_FRAUD, "反诈宣传 anti-fraud"),
            Map.entry(Category.MEDIATION, "矛盾调解 mediation"),
                    Map.entry(Category.PSYCHOLOGICAL_SUPPORT, "心理疏导 psychological support"),
            Map.entry(Category.TUTORING, "课业辅导 tutoring"),
                    Map.entry(Category.STUDY_SPACE, "学习空间改造 study-space makeover"),
            Map.entry(Category.CULTURAL_EVENT, "文化与邻里活动 cultural and neighbourhood events"),
                    Map.entry(Category.OTHER, "其他 other")));
}
