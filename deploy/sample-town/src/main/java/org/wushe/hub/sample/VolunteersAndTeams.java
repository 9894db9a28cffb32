package org.wushe.hub.sample;

import static org.wushe.hub.sample.SampleTown.DAYS;
import static org.wushe.hub.sample.SampleTown.ZONE;
import static org.wushe.hub.sample.SampleTown.body;
import static org.wushe.hub.sample.SampleTown.day;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.wushe.hub.sample.SampleTown.CommunityRef;

/**
 * 志愿者 Volunteers (about a fifth young-old 低龄老人) with their skills and weekly availability, and the town's
 * volunteer team with its six sub-teams, at volunteer-service.
 */
final class VolunteersAndTeams {

    private final Rest rest;
    private final SampleTown.Endpoints api;
    private final SampleTown.Settings settings;

    VolunteersAndTeams(Rest rest, SampleTown.Endpoints api, SampleTown.Settings settings) {
        this.rest = rest;
        this.api = api;
        this.settings = settings;
    }

    /** Volunteers, the town team and its sub-teams; returns {volunteers, young-old, teams, memberships}. */
    int[] load(Random r, List<CommunityRef> communities) {
        int population =
                Town.COMMUNITIES.stream().mapToInt(Town.Community::population).sum();
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
        List<List<String>> skillsOf = new ArrayList<>();
        int youngOld = 0;
        Set<String> phones = new HashSet<>();
        LocalDate today = LocalDate.now(ZONE);
        for (int k = 0; k < settings.volunteers(); k++) {
            int home = weightedCommunity(r, population);
            CommunityRef c = communities.get(home);
            boolean yo = r.nextDouble() < 0.22;
            youngOld += yo ? 1 : 0;
            boolean hardship = r.nextDouble() < 0.03;
            int age = yo ? 60 + r.nextInt(10) : 18 + r.nextInt(42);
            boolean male = r.nextBoolean();
            String phone;
            do {
                phone = People.mobile(r);
            } while (!phones.add(phone));
            List<String> skills = skills(r, yo);
            skillsOf.add(skills);
            Geo.Point at = new Geo.Point(c.lat(), c.lon()).jitter(r, 700);
            List<String> languages =
                    r.nextDouble() < 0.06 ? List.of("en") : r.nextDouble() < 0.02 ? List.of("ko") : List.of();
            Map<String, Object> b = body(
                    "name",
                    People.name(r, today.getYear() - age, male),
                    "phone",
                    phone,
                    "communityId",
                    c.id(),
                    "homeArea",
                    body(
                            "districtCode",
                            Town.DISTRICT,
                            "streetCode",
                            Town.STREET,
                            "communityId",
                            c.id(),
                            "geohash",
                            at.cell()),
                    "skills",
                    skills,
                    "languages",
                    languages,
                    "youngOld",
                    yo,
                    "inHardship",
                    hardship,
                    "availability",
                    availability(r, yo));
            calls.add(rest.post(api.volunteer() + "/volunteers", b));
        }
        List<JsonNode> volunteers = Rest.all(calls);

        JsonNode team =
                Rest.join(rest.post(api.volunteer() + "/teams", body("name", Town.TEAM, "purpose", "全镇志愿者的总队，下设六个分队")));
        String teamId = team.get("id").asText();
        List<CompletableFuture<JsonNode>> subCalls = new ArrayList<>();
        for (Map.Entry<String, List<String>> s : Town.SUB_TEAMS.entrySet()) {
            subCalls.add(rest.post(
                    api.volunteer() + "/teams",
                    body(
                            "name",
                            s.getKey(),
                            "parentTeamId",
                            teamId,
                            "purpose",
                            "由具备"
                                    + String.join(
                                            "、",
                                            s.getValue().stream()
                                                    .map(VolunteersAndTeams::skillLabel)
                                                    .toList())
                                    + "等技能的志愿者组成")));
        }
        List<JsonNode> subTeams = Rest.all(subCalls);
        List<String> subIds = subTeams.stream().map(t -> t.get("id").asText()).toList();
        List<String> subSkills = new ArrayList<>(Town.SUB_TEAMS.keySet());
        boolean[] led = new boolean[subIds.size()];
        List<CompletableFuture<JsonNode>> joins = new ArrayList<>();
        for (int k = 0; k < volunteers.size(); k++) {
            for (int t = 0; t < subIds.size(); t++) {
                List<String> wanted = Town.SUB_TEAMS.get(subSkills.get(t));
                if (skillsOf.get(k).stream().anyMatch(wanted::contains) && r.nextDouble() < 0.6) {
                    String role = led[t] ? "MEMBER" : "LEADER";
                    led[t] = true;
                    joins.add(rest.put(
                            api.volunteer() + "/teams/" + subIds.get(t) + "/members/"
                                    + volunteers.get(k).get("id").asText(),
                            body("role", role)));
                    break;
                }
            }
        }
        Rest.all(joins);
        return new int[] {volunteers.size(), youngOld, 1 + subIds.size(), joins.size()};
    }

    private static int weightedCommunity(Random r, int population) {
        int x = r.nextInt(population);
        for (int i = 0; i < Town.COMMUNITIES.size(); i++) {
            x -= Town.COMMUNITIES.get(i).population();
            if (x < 0) {
                return i;
            }
        }
        return 0;
    }

    private static List<String> skills(Random r, boolean youngOld) {
        int n = 1 + r.nextInt(3);
        Set<String> chosen = new java.util.LinkedHashSet<>();
        int total =
                Town.SKILL_WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();
        List<String> names = new ArrayList<>(new TreeMap<>(Town.SKILL_WEIGHTS).keySet());
        while (chosen.size() < n) {
            if (youngOld && r.nextDouble() < 0.6) {
                chosen.add(Town.YOUNG_OLD_SKILLS.get(r.nextInt(Town.YOUNG_OLD_SKILLS.size())));
                continue;
            }
            int x = r.nextInt(total);
            for (String s : names) {
                x -= Town.SKILL_WEIGHTS.get(s);
                if (x < 0) {
                    chosen.add(s);
                    break;
                }
            }
        }
        return List.copyOf(chosen);
    }

    /** Weekly availability in a few patterns: evenings, weekends, retired daytime, flexible, mixed. */
    private static Map<String, Object> availability(Random r, boolean youngOld) {
        List<Map<String, Object>> slots = new ArrayList<>();
        double x = r.nextDouble();
        int maxHours;
        if (youngOld ? x < 0.6 : x < 0.1) {
            for (int d = 0; d < 5; d++) {
                slots.add(day(DAYS[d], "08:30", "11:30"));
                slots.add(day(DAYS[d], "14:30", "17:00"));
            }
            maxHours = 10 + r.nextInt(8);
        } else if (youngOld || x < 0.3) {
            for (String d : DAYS) {
                slots.add(day(d, "09:00", "17:00"));
            }
            maxHours = 8 + r.nextInt(6);
        } else if (x < 0.55) {
            for (int d = 0; d < 5; d++) {
                slots.add(day(DAYS[d], "18:30", "21:00"));
            }
            maxHours = 4 + r.nextInt(4);
        } else if (x < 0.85) {
            for (String d : List.of("SATURDAY", "SUNDAY")) {
                slots.add(day(d, "09:00", "12:00"));
                slots.add(day(d, "14:00", "17:00"));
            }
            maxHours = 6 + r.nextInt(6);
        } else {
            slots.add(day("TUESDAY", "19:00", "21:00"));
            slots.add(day("THURSDAY", "19:00", "21:00"));
            slots.add(day("SATURDAY", "09:00", "17:00"));
            maxHours = 6 + r.nextInt(6);
        }
        return body("weeklySlots", slots, "maxHoursPerWeek", maxHours);
    }

    private static String skillLabel(String skill) {
        return switch (skill) {
            case "MEDIATION" -> "调解";
            case "SOCIAL_WORK" -> "社会工作";
            case "LEGAL" -> "法律";
            case "ANTI_FRAUD_EDUCATION" -> "反诈宣传";
            case "GAS_SAFETY" -> "燃气安全";
            case "ELECTRICAL" -> "电工";
            case "DRIVING" -> "驾驶";
            case "ELDER_CARE" -> "助老";
            case "NURSING" -> "护理";
            case "COOKING" -> "烹饪";
            case "HAIRDRESSING" -> "理发";
            case "TUTORING" -> "课业辅导";
            case "CHILD_CARE" -> "儿童照护";
            case "DIGITAL_LITERACY" -> "智能设备教学";
            case "CULTURAL_ARTS" -> "文艺";
            case "SPORTS_FITNESS" -> "体育健身";
            case "EVENT_ORGANIZING" -> "活动组织";
            default -> skill;
        };
    }
}
