package org.wushe.hub.sample;

import static org.wushe.hub.sample.SampleTown.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.wushe.hub.sample.SampleTown.CommunityRef;
import org.wushe.hub.sample.SampleTown.ResidentRef;

/**
 * 社工 The social workers of the centre and the stations (two supervisors, 督导), their cases with notes, phone
 * and home visits (some find a need, which community-service publishes) and groups with their sessions, at
 * social-worker-service.
 */
final class SocialWorkers {

    private final Rest rest;
    private final SampleTown.Endpoints api;
    private final SampleTown.Settings settings;

    SocialWorkers(Rest rest, SampleTown.Endpoints api, SampleTown.Settings settings) {
        this.rest = rest;
        this.api = api;
        this.settings = settings;
    }

    /** Workers, cases, visits and groups; returns {workers, cases, visits, visits raising needs, groups, sessions}. */
    int[] load(Random r, SampleTown.CommunityPart part, LocalDate today) {
        List<String> stations = new ArrayList<>();
        stations.add(part.centreId());
        part.communities().stream().map(CommunityRef::stationId).distinct().forEach(stations::add);
        awaitStationsKnown(stations, Duration.ofSeconds(60));

        // The centre's supervisors (督导) first: everyone else names one.
        List<CompletableFuture<JsonNode>> sup = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            sup.add(rest.post(
                    api.socialWorker() + "/social-workers",
                    worker(r, part.centreId(), k == 0 ? "SENIOR" : "INTERMEDIATE", null, true, today)));
        }
        List<String> supervisors =
                Rest.all(sup).stream().map(w -> w.get("id").asText()).toList();
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
        List<String> stationOfWorker = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            calls.add(rest.post(
                    api.socialWorker() + "/social-workers",
                    worker(r, part.centreId(), "ASSISTANT", supervisors.get(k), true, today)));
            stationOfWorker.add(part.centreId());
        }
        for (int s = 1; s < stations.size(); s++) {
            boolean rural = Town.STATIONS.get(s - 1).rural();
            for (int k = 0; k < (rural ? 2 : 3); k++) {
                double x = r.nextDouble();
                String level = x < 0.40 ? "ASSISTANT" : x < 0.52 ? "INTERMEDIATE" : "NONE";
                calls.add(rest.post(
                        api.socialWorker() + "/social-workers",
                        worker(r, stations.get(s), level, supervisors.get(r.nextInt(2)), r.nextDouble() < 0.7, today)));
                stationOfWorker.add(stations.get(s));
            }
        }
        List<JsonNode> workers = Rest.all(calls);
        Map<String, List<String>> workersAt = new LinkedHashMap<>();
        for (int k = 0; k < workers.size(); k++) {
            workersAt
                    .computeIfAbsent(stationOfWorker.get(k), x -> new ArrayList<>())
                    .add(workers.get(k).get("id").asText());
        }

        // Cases (个案) for residents in hardship, one per resident, by a worker of their station.
        List<ResidentRef> pool = new ArrayList<>(part.residents());
        Collections.shuffle(pool, r);
        List<CompletableFuture<JsonNode>> caseCalls = new ArrayList<>();
        int cases = 0;
        for (ResidentRef p : pool) {
            if (cases >= settings.cases()) {
                break;
            }
            String category = switch (p.group()) {
                case "CHILD_IN_HARDSHIP" -> r.nextBoolean() ? "PSYCHOLOGICAL_SUPPORT" : "TUTORING";
                case "ELDERLY_ALONE", "CHILDLESS_ELDERLY", "VERY_OLD" -> "COMPANIONSHIP";
                case "DISABLED" -> "HEALTH";
                case "LOW_INCOME_FAMILY" -> "DAILY_GOODS";
                default -> null;
            };
            if (category == null) {
                continue;
            }
            CommunityRef c = part.communities().get(p.community());
            List<String> here = workersAt.get(c.stationId());
            String assessment = switch (p.group()) {
                case "CHILD_IN_HARDSHIP" -> "案主为困境儿童，父母一方长期患病，学习和情绪需要持续陪伴与支持。";
                case "DISABLED" -> "案主肢体残疾，日常出行不便，需要康复指导和就医协助。";
                case "LOW_INCOME_FAMILY" -> "案主家庭享受低保，收入有限，需要生活物资和就业信息支持。";
                default -> "案主独自居住，子女在外地工作，生活基本自理，情绪较为孤独，需要定期探访。";
            };
            caseCalls.add(rest.post(
                    api.socialWorker() + "/cases",
                    body(
                            "socialWorkerId",
                            here.get(r.nextInt(here.size())),
                            "residentRef",
                            p.ref(),
                            "communityId",
                            c.id(),
                            "category",
                            category,
                            "beneficiaryGroup",
                            p.group(),
                            "openedOn",
                            today.minusDays(5 + r.nextInt(55)).toString(),
                            "assessment",
                            assessment)));
            cases++;
        }
        List<JsonNode> opened = Rest.all(caseCalls);
        List<CompletableFuture<JsonNode>> notes = new ArrayList<>();
        String[] noteTexts = {"本次会谈了解案主近况，情绪较上次平稳。", "与案主共同制定下阶段服务计划。", "链接社区志愿者提供陪伴服务，案主表示满意。", "协助案主申请相关救助政策，材料已提交。"};
        for (JsonNode c : opened) {
            int n = 1 + r.nextInt(3);
            for (int k = 0; k < n; k++) {
                notes.add(rest.post(
                        api.socialWorker() + "/cases/" + c.get("id").asText() + "/notes",
                        body("text", noteTexts[(k + r.nextInt(2)) % noteTexts.length])));
            }
        }
        Rest.all(notes);
        List<CompletableFuture<JsonNode>> closings = new ArrayList<>();
        for (int k = 0; k < opened.size() / 4; k++) {
            closings.add(rest.post(
                    api.socialWorker() + "/cases/" + opened.get(k).get("id").asText() + "/close",
                    body("outcome", "GOALS_MET", "closedOn", today.toString(), "summary", "服务目标达成，案主生活恢复稳定，转为常规探访。")));
        }
        Rest.all(closings);

        // Visits (探访): mostly phone, some home; a few find a need, which the community service publishes.
        List<CompletableFuture<JsonNode>> visits = new ArrayList<>();
        int raising = 0;
        Instant now = Instant.now();
        for (int k = 0; k < settings.visits(); k++) {
            ResidentRef p = part.residents().get(r.nextInt(part.residents().size()));
            CommunityRef c = part.communities().get(p.community());
            List<String> here = workersAt.get(c.stationId());
            boolean home = r.nextDouble() < 0.3;
            double x = r.nextDouble();
            String outcome = x < 0.55
                    ? "WELL"
                    : x < 0.75 ? "FOLLOW_UP" : x < 0.87 && !home ? "NOT_REACHED" : x < 0.87 ? "WELL" : "NEED_FOUND";
            Map<String, Object> b = body(
                    "socialWorkerId",
                    here.get(r.nextInt(here.size())),
                    "residentRef",
                    p.ref(),
                    "communityId",
                    c.id(),
                    "kind",
                    home ? "HOME" : "PHONE",
                    "outcome",
                    outcome,
                    "visitedAt",
                    now.minus(Duration.ofMinutes(60 + r.nextInt(14 * 24 * 60))).toString(),
                    "minutes",
                    home ? 30 + r.nextInt(60) : 5 + r.nextInt(20),
                    "notes",
                    switch (outcome) {
                        case "WELL" -> "老人身体状况良好，生活正常。";
                        case "FOLLOW_UP" -> "居民近期身体不适，下周再次回访。";
                        case "NOT_REACHED" -> "电话未接通，择日再联系。";
                        default -> "探访中发现居民有服务需求，已登记转介。";
                    });
            if (outcome.equals("NEED_FOUND")) {
                raising++;
                b.put("raisedNeed", Needs.raisedOnVisit(r, p, c, now));
            }
            visits.add(rest.post(api.socialWorker() + "/visits", b));
        }
        Rest.all(visits);

        // Groups (小组) with their first sessions held.
        String[][] groups = {
            {"长者智能手机课堂", "CULTURAL_EVENT", "VERY_OLD"},
            {"困境儿童成长小组", "PSYCHOLOGICAL_SUPPORT", "CHILD_IN_HARDSHIP"},
            {"独居老人互助小组", "COMPANIONSHIP", "ELDERLY_ALONE"},
            {"新市民融入小组", "CULTURAL_EVENT", "NEWCOMER"}
        };
        int sessions = 0;
        for (int g = 0; g < groups.length; g++) {
            CommunityRef c = part.communities().get((g * 5) % part.communities().size());
            List<String> here = workersAt.get(c.stationId());
            JsonNode group = Rest.join(rest.post(
                    api.socialWorker() + "/groups",
                    body(
                            "socialWorkerId",
                            here.get(0),
                            "communityId",
                            c.id(),
                            "title",
                            groups[g][0],
                            "category",
                            groups[g][1],
                            "beneficiaryGroup",
                            groups[g][2],
                            "plannedSessions",
                            6)));
            int held = 2 + r.nextInt(2);
            for (int s = 0; s < held; s++) {
                Rest.join(rest.post(
                        api.socialWorker() + "/groups/" + group.get("id").asText() + "/sessions",
                        body(
                                "heldAt",
                                now.minus(Duration.ofDays(7L * (held - s))).toString(),
                                "minutes",
                                90,
                                "participantCount",
                                6 + r.nextInt(10),
                                "notes",
                                "组员积极参与，分享了各自的经验。")));
                sessions++;
            }
        }
        return new int[] {
            supervisors.size() + workers.size(), opened.size(), visits.size(), raising, groups.length, sessions
        };
    }

    private static Map<String, Object> worker(
            Random r, String station, String level, String supervisor, boolean fullTime, LocalDate today) {
        int age = 24 + r.nextInt(30);
        Map<String, Object> b = body(
                "name",
                People.name(r, today.getYear() - age, r.nextDouble() < 0.35),
                "employment",
                fullTime ? "FULL_TIME" : "PART_TIME",
                "certificationLevel",
                level,
                "stationId",
                station,
                "trainedLocally",
                r.nextDouble() < 0.5,
                "skills",
                List.of(
                        "SOCIAL_WORK",
                        new String[] {"PSYCHOLOGICAL_COUNSELLING", "MEDIATION", "ELDER_CARE", "CHILD_CARE"}
                                [r.nextInt(4)]),
                "languages",
                List.of());
        if (!level.equals("NONE")) {
            b.put(
                    "certifiedOn",
                    LocalDate.of(2012 + r.nextInt(13), 1 + r.nextInt(12), 1 + r.nextInt(28))
                            .toString());
        }
        if (supervisor != null) {
            b.put("supervisorId", supervisor);
        }
        return b;
    }

    private void awaitStationsKnown(List<String> stations, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String s : stations) {
            while (rest.tryGet(api.socialWorker() + "/stations/" + s) == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("social-worker-service did not learn of station " + s
                            + " from wushe.community.station within " + timeout.toSeconds() + " s");
                }
                SampleTown.sleep(250);
            }
        }
    }
}
