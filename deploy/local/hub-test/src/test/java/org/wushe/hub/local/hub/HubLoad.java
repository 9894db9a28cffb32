package org.wushe.hub.local.hub;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load and bookkeeping shared by the fault tests: station staff accepting and completing proposals while
 * the sample town's needs arrive, and afterwards the counts that show nothing was lost or doubled —
 * every published need has one live match or a recorded reason and is known to matching, no need has
 * two live matches, each completed volunteer match was credited hours and points once, no offer's stock
 * is out of balance, and no event went to a dead-letter topic.
 */
final class HubLoad {

    /** The community's closed states of a need (NeedStatus.isClosed in community-service). */
    private static final Set<String> CLOSED = Set.of("FULFILLED", "CANCELLED", "EXPIRED");

    private final HubProcess hub;
    private final Map<String, String> completedVolunteerMatches = new ConcurrentHashMap<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refusedWhileDown = new AtomicInteger();
    private final java.util.concurrent.ScheduledExecutorService staff =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "station-staff"));
    final Map<String, Integer> counts = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();

    HubLoad(HubProcess hub) {
        this.hub = hub;
    }

    /** Station staff start deciding: every second, up to five proposals accepted, volunteer ones completed. */
    void startStaff() {
        staff.scheduleWithFixedDelay(
                () -> {
                    try {
                        decideSome(5);
                    } catch (RuntimeException | AssertionError e) {
                        refusedWhileDown.incrementAndGet(); // a service down for a moment: try again
                    }
                },
                0,
                1,
                java.util.concurrent.TimeUnit.SECONDS);
    }

    void stopStaff() throws InterruptedException {
        staff.shutdown();
        staff.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    int accepted() {
        return accepted.get();
    }

    int completed() {
        return completedVolunteerMatches.size();
    }

    int refusedWhileDown() {
        return refusedWhileDown.get();
    }

    /** Waits (up to {@code settle}) until every need is accounted for, then counts credits, stock and dead letters. */
    void count(Duration settle) {
        try {
            await().atMost(settle).pollInterval(Duration.ofSeconds(5)).until(() -> {
                counts.clear();
                problems.clear();
                countNeeds(allNeeds(), counts, problems);
                return problems.isEmpty();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "needs not accounted for after " + settle + ": " + counts + "; the first of " + problems.size()
                            + ": " + problems.subList(0, Math.min(10, problems.size())),
                    e);
        }
        countCredits(counts, problems);
        countStock(counts, problems);
        countDeadLetters(counts, problems);
    }

    void print(String title) {
        System.out.println(title);
        counts.forEach((k, v) -> System.out.printf("  %-64s %6d%n", k, v));
    }

    // ---------------------------------------------------------------- staff

    private void decideSome(int max) {
        int done = 0;
        for (JsonNode station : hub.get("matching-service", "/stations")) {
            for (JsonNode p : hub.get(
                    "matching-service", "/stations/" + station.path("stationId").asText() + "/proposals")) {
                if (done >= max) {
                    return;
                }
                String id = p.path("matchId").asText();
                HttpResponse<String> a = post("/matches/" + id + "/accept", "{}");
                if (a.statusCode() != 200) {
                    continue;
                }
                accepted.incrementAndGet();
                done++;
                if ("VOLUNTEER".equals(p.path("candidate").path("kind").asText())) {
                    HttpResponse<String> c =
                            post("/matches/" + id + "/complete", "{\"serviceMinutes\":90,\"peopleReached\":1}");
                    if (c.statusCode() == 200) {
                        completedVolunteerMatches.put(
                                id, p.path("candidate").path("id").asText());
                    }
                }
            }
        }
    }

    private HttpResponse<String> post(String path, String json) {
        return hub.send(
                "matching-service",
                HttpRequest.newBuilder(URI.create(hub.url("matching-service", path)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    // ---------------------------------------------------------------- counts

    private List<JsonNode> allNeeds() {
        List<JsonNode> all = new ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            JsonNode page = hub.get("community-service", "/needs?limit=1000&offset=" + offset);
            page.forEach(all::add);
            if (page.size() < 1000) {
                return all;
            }
        }
    }

    private void countNeeds(List<JsonNode> needs, Map<String, Integer> counts, List<String> problems) {
        counts.put("needs published", needs.size());
        for (JsonNode need : needs) {
            String id = need.get("id").asText();
            HttpResponse<String> r = hub.send(
                    "matching-service",
                    HttpRequest.newBuilder(URI.create(hub.url("matching-service", "/needs/" + id)))
                            .header("Accept", "application/json")
                            .GET());
            if (r.statusCode() == 404) {
                counts.merge("needs unknown to matching (an event lost)", 1, Integer::sum);
                problems.add("need " + id + " unknown to matching");
                continue;
            }
            JsonNode m = HubProcess.readTree(r.body());
            long live = 0;
            Set<String> liveIds = new java.util.HashSet<>();
            for (JsonNode match : m.path("matches")) {
                String status = match.path("status").asText();
                if (Set.of("PROPOSED", "ESCALATED", "ACCEPTED", "RESERVED").contains(status)) {
                    live++;
                    liveIds.add(match.path("matchId").asText());
                }
            }
            boolean completed = false;
            for (JsonNode match : m.path("matches")) {
                completed |= match.path("status").asText().equals("COMPLETED");
            }
            boolean waitingWithReason = !m.path("waitingEn").asText("").isBlank()
                    || !m.path("waitingZh").asText("").isBlank();
            if (live > 1) {
                counts.merge("needs with two live matches (a duplicate)", 1, Integer::sum);
                problems.add("need " + id + " has " + live + " live matches " + liveIds);
            } else if (live == 1) {
                counts.merge("needs with exactly one live match", 1, Integer::sum);
            } else if (completed) {
                counts.merge("needs fulfilled (a completed match)", 1, Integer::sum);
            } else if (waitingWithReason) {
                counts.merge("needs waiting, with a recorded reason", 1, Integer::sum);
            } else if (CLOSED.contains(need.path("status").asText())) {
                // closed by the community's staff without a completed match (a resident's wish they saw done, a need
                // cancelled or past its date): matching withdrew whatever it had proposed
                counts.merge("needs closed by the community (fulfilled, cancelled, expired)", 1, Integer::sum);
            } else {
                counts.merge("needs with neither a live match nor a reason", 1, Integer::sum);
                problems.add("need " + id + " (" + need.path("status").asText() + ") has no live match and no reason: "
                        + m.path("state").asText());
            }
        }
    }

    private void countCredits(Map<String, Integer> counts, List<String> problems) {
        long dailyCap = hub.get("volunteer-service", "/points/rules/current")
                .path("dailyCap")
                .asLong(Long.MAX_VALUE);
        Map<String, List<String>> byVolunteer = new HashMap<>();
        completedVolunteerMatches.forEach((match, volunteer) ->
                byVolunteer.computeIfAbsent(volunteer, v -> new ArrayList<>()).add(match));
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> byVolunteer.entrySet().stream().allMatch(e -> {
                    JsonNode hours = hub.get("volunteer-service", "/volunteers/" + e.getKey() + "/hours");
                    return e.getValue().stream()
                            .allMatch(m -> hours.path("credits").toString().contains(m));
                }));
        for (Map.Entry<String, List<String>> e : byVolunteer.entrySet()) {
            JsonNode hours = hub.get("volunteer-service", "/volunteers/" + e.getKey() + "/hours");
            JsonNode points =
                    hub.get("volunteer-service", "/points/accounts/" + e.getKey() + "/transactions?limit=500");
            for (String match : e.getValue()) {
                List<String> creditIds = new ArrayList<>();
                for (JsonNode credit : hours.path("credits")) {
                    if (credit.path("matchId").asText().equals(match)) {
                        creditIds.add(credit.path("id").asText());
                    }
                }
                counts.merge(
                        "completed volunteer matches credited hours once", creditIds.size() == 1 ? 1 : 0, Integer::sum);
                if (creditIds.size() != 1) {
                    problems.add("match " + match + " credited hours " + creditIds.size() + " times");
                    continue;
                }
                int earned = 0;
                for (JsonNode line : points) {
                    if (line.path("hoursId").asText().equals(creditIds.get(0))) {
                        earned++;
                    }
                }
                if (earned == 1) {
                    counts.merge("... and points once", 1, Integer::sum);
                } else if (earned == 0 && earnedForService(points) >= dailyCap) {
                    counts.merge("... and no points: the volunteer's daily cap was reached", 1, Integer::sum);
                } else {
                    problems.add("match " + match + " earned points " + earned + " times (earned "
                            + earnedForService(points) + " today, cap " + dailyCap + ")");
                }
            }
        }
    }

    /** Points the account earned for service (lines for hours), all of them from today's run. */
    private static long earnedForService(JsonNode statement) {
        long sum = 0;
        for (JsonNode line : statement) {
            if (!line.path("hoursId").isNull()
                    && !line.path("hoursId").asText().isEmpty()
                    && line.path("points").asLong() > 0) {
                sum += line.path("points").asLong();
            }
        }
        return sum;
    }

    /** Whole offer: available (goods, funds; null for sessions) never below zero, and the parts add up to the total. */
    private void countStock(Map<String, Integer> counts, List<String> problems) {
        for (JsonNode offer : hub.get("resource-service", "/offers")) {
            String id = offer.path("offerId").asText(offer.path("id").asText());
            JsonNode stock = hub.get("resource-service", "/offers/" + id + "/stock");
            counts.merge("offers checked for stock", 1, Integer::sum);
            long total = stock.path("total").asLong();
            long used = stock.path("reserved").asLong()
                    + stock.path("consumed").asLong()
                    + stock.path("withdrawn").asLong();
            boolean oversold = used > total;
            if (!stock.path("available").isNull() && !stock.path("available").isMissingNode()) {
                long available = stock.path("available").asLong();
                oversold |= available < 0 || available + used != total;
            }
            for (JsonNode period : stock.path("periods")) {
                oversold |= period.path("available").asLong() < 0;
            }
            if (oversold) {
                counts.merge("offers oversold or out of balance", 1, Integer::sum);
                problems.add("offer " + id + " stock " + stock);
            } else {
                counts.merge("offers whose stock adds up", 1, Integer::sum);
            }
        }
    }

    /** No good event went to a dead-letter topic because a service or the database was down. */
    private void countDeadLetters(Map<String, Integer> counts, List<String> problems) {
        Map<String, Long> dead = hub.recordCounts(topic -> topic.endsWith(".dlt"));
        dead.forEach((topic, n) -> {
            if (n > 0) {
                problems.add(n + " dead letters on " + topic);
            }
        });
        counts.put("dead letters on all .dlt topics", (int)
                dead.values().stream().mapToLong(Long::longValue).sum());
    }
}
