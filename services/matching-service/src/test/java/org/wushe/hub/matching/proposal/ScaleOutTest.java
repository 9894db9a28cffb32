package org.wushe.hub.matching.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.NeedDetails;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.events.resource.ResourceOffered;
import org.wushe.hub.matching.MatchingServiceApplication;
import org.wushe.hub.matching.engine.MatchEngine;
import org.wushe.hub.matching.support.MatchingScenario;
import org.wushe.hub.matching.support.Town;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.TestStack;

/**
 * Two instances of the service on the real stack: this test's context and a second one started beside it (its own
 * server port, the same database schema, Kafka and consumer group). The need topic's partitions are shared between
 * them; many urgent needs arrive at once on both instances' partitions and compete for scarce candidates (three
 * volunteers who may each take three live matches, five boxes of one offer). Every need is answered, both instances
 * propose, no volunteer holds more than they may and the offer is never promised beyond its stock, one live match per
 * need; each instance's engine learns the candidates and the holds of the other.
 */
class ScaleOutTest extends MatchingScenario {

    @Autowired
    CandidateHolds holds;

    /** Far from the places of the other tests (more than 5 km), so only this test's candidates are near. */
    private static final double[] SPOT = {39.70, 116.40};

    private static final String GROUP = "matching-service";
    private static final String NEED_TOPIC = Aggregate.NEED.topic();
    private static final String VOLUNTEER_TOPIC = Aggregate.VOLUNTEER.topic();
    private static final String OFFER_TOPIC = Aggregate.OFFER.topic();

    private static final int VOLUNTEERS = 3;
    private static final int PER_VOLUNTEER = 3; // max-active-matches-per-volunteer of the service's settings
    private static final int BOXES = 5;
    /** Haircut and goods needs on each instance's partitions: more than all the supply, and each side alone less. */
    private static final int HAIRCUTS_EACH = 6;

    private static final int GOODS_EACH = 4;

    private static final String LIVE = "status in ('PROPOSED', 'ESCALATED', 'ACCEPTED', 'RESERVED')";

    @Test
    void twoInstancesShareTheNeedsAndNeverHoldACandidateTwice() throws Exception {
        Place p = newPlace();
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers()))) {
            Map<String, Map<String, Set<Integer>>> before = new HashMap<>();
            for (String topic : List.of(NEED_TOPIC, VOLUNTEER_TOPIC, OFFER_TOPIC)) {
                before.put(topic, partitionsByMember(admin, topic));
                assertThat(before.get(topic))
                        .as("this instance reads %s", topic)
                        .isNotEmpty();
            }
            try (ConfigurableApplicationContext other = startSecondInstance()) {
                // The group has shared the partitions out: this instance's members keep theirs, the rest are the
                // second instance's.
                int partitions = partitions(admin, NEED_TOPIC);
                Set<Integer> ofSecond = secondsShare(admin, NEED_TOPIC, before.get(NEED_TOPIC));
                Set<Integer> ofFirst = new HashSet<>();
                for (int i = 0; i < partitions; i++) {
                    if (!ofSecond.contains(i)) {
                        ofFirst.add(i);
                    }
                }
                MatchEngine otherEngine = other.getBean(MatchEngine.class);

                // Supply, once both run, on the second instance's partitions: only it stores them, and this
                // instance's engine learns them through its engine feeds.
                Set<Integer> volunteersOfSecond = secondsShare(admin, VOLUNTEER_TOPIC, before.get(VOLUNTEER_TOPIC));
                Set<Integer> offersOfSecond = secondsShare(admin, OFFER_TOPIC, before.get(OFFER_TOPIC));
                double fedBefore = fed(meters, "applied");
                List<UUID> volunteers = new ArrayList<>();
                for (int i = 0; i < VOLUNTEERS; i++) {
                    UUID id = keyedTo(volunteersOfSecond, partitions(admin, VOLUNTEER_TOPIC));
                    volunteers()
                            .publish(
                                    Aggregate.VOLUNTEER,
                                    id,
                                    Town.volunteer(id, p.community(), SPOT, Skill.HAIRDRESSING));
                    volunteers.add(id);
                }
                UUID offer = goods(p, keyedTo(offersOfSecond, partitions(admin, OFFER_TOPIC)), BOXES);
                await().atMost(WAIT)
                        .until(() -> count(
                                        "select count(*) from volunteer_view where volunteer_id = any (?::uuid[])",
                                        uuidArray(volunteers))
                                == VOLUNTEERS);
                await().atMost(WAIT).until(() -> knowsEverything(engine) && knowsEverything(otherEngine));
                assertThat(fed(meters, "applied") - fedBefore)
                        .as("volunteers and the offer stored by the second instance, put into this engine by its feeds")
                        .isGreaterThanOrEqualTo(VOLUNTEERS + 1);
                assertThat(fed(other.getBean(MeterRegistry.class), "own-partition"))
                        .as("events the second instance's own consumer read, skipped by its feeds")
                        .isGreaterThanOrEqualTo(VOLUNTEERS + 1);

                double proposedHere = proposals(meters);
                double proposedThere = proposals(other.getBean(MeterRegistry.class));
                double lostBefore = lostClaims(meters) + lostClaims(other.getBean(MeterRegistry.class));

                // Demand, all at once, on both instances' partitions.
                List<UUID> needs = new ArrayList<>();
                for (Set<Integer> side : List.of(ofFirst, ofSecond)) {
                    for (int i = 0; i < HAIRCUTS_EACH; i++) {
                        needs.add(
                                publish(p, SPOT, side, partitions, Category.HAIRCUT, BeneficiaryGroup.VERY_OLD, null));
                    }
                    for (int i = 0; i < GOODS_EACH; i++) {
                        needs.add(publish(
                                p,
                                SPOT,
                                side,
                                partitions,
                                Category.DAILY_GOODS,
                                BeneficiaryGroup.LOW_INCOME_FAMILY,
                                1));
                    }
                }
                String ids = uuidArray(needs);

                // Every need answered: a live match, or waiting with its reason.
                awaitAnswered(needs);

                // Both instances proposed: the partitions were shared.
                assertThat(proposals(meters) - proposedHere)
                        .as("proposals by this instance")
                        .isPositive();
                assertThat(proposals(other.getBean(MeterRegistry.class)) - proposedThere)
                        .as("proposals by the second instance")
                        .isPositive();

                // Nobody over their limit, and the scarce volunteers all taken (twelve haircuts for nine places).
                for (UUID v : volunteers) {
                    assertThat(count("select count(*) from match where candidate_id = ?::uuid and " + LIVE, v))
                            .as("live matches of volunteer %s", v)
                            .isEqualTo(PER_VOLUNTEER);
                }
                // The offer never promised beyond its stock.
                long promised = count(
                        "select coalesce(sum((allocation->>'quantity')::int), 0) from match where candidate_id = ?::uuid"
                                + " and " + LIVE,
                        offer);
                assertThat(promised).as("boxes promised of %s", BOXES).isBetween(1L, (long) BOXES);
                // One live match per need at most, and the needs without one wait with the reason.
                assertThat(jdbc.queryForList(
                                "select count(*) from match where need_id = any (?::uuid[]) and " + LIVE
                                        + " group by need_id",
                                Long.class,
                                ids))
                        .as("live matches per need")
                        .allSatisfy(n -> assertThat(n).isEqualTo(1L));
                long matched = count("select count(*) from match where need_id = any (?::uuid[]) and " + LIVE, ids);
                assertThat(matched)
                        .as("live matches: the supply, no more")
                        .isLessThanOrEqualTo(VOLUNTEERS * PER_VOLUNTEER + BOXES)
                        .isGreaterThanOrEqualTo(VOLUNTEERS * PER_VOLUNTEER + 1);

                // The holds live with the candidates, one per live match, and each engine holds the other's too.
                assertThat(count(
                                "select count(*) from candidate_hold where candidate_id = any (?::uuid[])",
                                candidates(volunteers, offer)))
                        .as("stored holds on this test's candidates")
                        .isEqualTo(matched);
                await().atMost(WAIT)
                        .until(() -> engine.stats().holds() == count("select count(*) from candidate_hold")
                                && otherEngine.stats().holds() == count("select count(*) from candidate_hold"));
                log(lostClaims(meters) + lostClaims(other.getBean(MeterRegistry.class)) - lostBefore, matched);

                // A decline on the second instance frees a place of a volunteer: the hold's row goes, both engines
                // release it, and a new need on this instance's partitions is given that volunteer.
                UUID freed = volunteers.get(0);
                String declined = jdbc.queryForObject(
                        "select match_id::text from match where candidate_id = ?::uuid and status = 'PROPOSED' limit 1",
                        String.class,
                        freed);
                Http onSecond = new Http(Integer.parseInt(other.getEnvironment().getProperty("local.server.port")));
                assertThat(onSecond.post("/matches/" + declined + "/decline", Map.of("reason", "OTHER"))
                                .status())
                        .isEqualTo(200);
                await().atMost(WAIT)
                        .until(() ->
                                count("select count(*) from candidate_hold where match_id = ?::uuid", declined) == 0
                                        && engine.stats().holds() == count("select count(*) from candidate_hold")
                                        && otherEngine.stats().holds() == count("select count(*) from candidate_hold"));
                UUID late = publish(p, SPOT, ofFirst, partitions, Category.HAIRCUT, BeneficiaryGroup.VERY_OLD, null);
                assertThat(awaitLiveMatch(late).get("candidate").get("id").asText())
                        .as("the place freed on the second instance, proposed by this one")
                        .isEqualTo(freed.toString());
                assertThat(count("select count(*) from match where candidate_id = ?::uuid and " + LIVE, freed))
                        .isEqualTo(PER_VOLUNTEER);
            }
        }
    }

    /**
     * Another instance's claim this engine has not heard of yet: three holds on the volunteer are stored (as a second
     * instance's committed proposals would be) and the engine is not told. The engine chooses the volunteer, the claim
     * against the stored holds is lost, the engine learns them, and the need is not given the volunteer: it waits
     * with the reason. The next need goes to a volunteer with room, without another lost claim.
     */
    @Test
    void aClaimLostToAnotherInstancesHoldsLearnsThemAndNeverHoldsTwice() {
        double[] spot = {39.60, 116.50};
        Place p = newPlace();
        UUID full = volunteer(p, spot, Skill.HAIRDRESSING);
        List<UUID> elsewhere = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (UUID matchId : elsewhere) {
            jdbc.update(
                    "insert into candidate_hold (match_id, candidate_kind, candidate_id) values (?, 'VOLUNTEER', ?)",
                    matchId,
                    full);
        }
        try {
            long heldBefore = engine.stats().holds();
            double lostBefore = lostClaims(meters);

            UUID first = publish(p, spot, Set.of(), 0, Category.HAIRCUT, BeneficiaryGroup.VERY_OLD, null);
            var waiting = awaitNeed(first, n -> "WAITING".equals(n.get("state").asText()));
            assertThat(waiting.get("matches"))
                    .as("no match for the need: its only volunteer is full")
                    .isEmpty();
            assertThat(lostClaims(meters) - lostBefore).as("claims lost").isEqualTo(1.0);
            assertThat(count("select count(*) from match where candidate_id = ?::uuid and " + LIVE, full))
                    .isZero();
            assertThat(engine.stats().holds() - heldBefore)
                    .as("the other instance's holds, learned")
                    .isEqualTo(3);

            UUID free = volunteer(p, spot, Skill.HAIRDRESSING);
            UUID second = publish(p, spot, Set.of(), 0, Category.HAIRCUT, BeneficiaryGroup.VERY_OLD, null);
            assertThat(awaitLiveMatch(second).get("candidate").get("id").asText())
                    .isEqualTo(free.toString());
            assertThat(lostClaims(meters) - lostBefore)
                    .as("the engine knew, so no second claim was lost")
                    .isEqualTo(1.0);
        } finally {
            for (UUID matchId : elsewhere) {
                holds.release(matchId);
                holds.forget(matchId);
            }
        }
    }

    /** The second instance: the same stack, schema, group and settings as this test's context, its own port. */
    private ConfigurableApplicationContext startSecondInstance() {
        Map<String, Object> properties = new HashMap<>();
        TestStack.register((name, value) -> properties.put(name, value.get()), "matching");
        properties.put("server.port", "0");
        properties.put("wushe.matching.batch-interval", "PT1H");
        properties.put("wushe.matching.deadline-check-interval", "PT1H");
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        // The same clock as this instance, so both see the same time however the other tests move it.
        return new SpringApplicationBuilder(MatchingServiceApplication.class)
                .initializers(c -> c.getBeanFactory().registerSingleton("sharedTestClock", clock))
                .run(args);
    }

    /** The topic's partitions each member of the group reads, by member id (none while the group rebalances). */
    private static Map<String, Set<Integer>> partitionsByMember(Admin admin, String topic) throws Exception {
        ConsumerGroupDescription g = admin.describeConsumerGroups(List.of(GROUP))
                .all()
                .get(30, TimeUnit.SECONDS)
                .get(GROUP);
        Map<String, Set<Integer>> by = new HashMap<>();
        if (g == null || g.groupState() != GroupState.STABLE) {
            return by;
        }
        for (MemberDescription m : g.members()) {
            Set<Integer> ps = m.assignment().topicPartitions().stream()
                    .filter(tp -> tp.topic().equals(topic))
                    .map(TopicPartition::partition)
                    .collect(Collectors.toSet());
            if (!ps.isEmpty()) {
                by.put(m.consumerId(), ps);
            }
        }
        return by;
    }

    /**
     * The topic's partitions the second instance reads, once the group has shared them out: every partition is
     * assigned, some to members that were not there before it started, not all.
     */
    private static Set<Integer> secondsShare(Admin admin, String topic, Map<String, Set<Integer>> before)
            throws Exception {
        int partitions = partitions(admin, topic);
        Set<Integer> ofSecond = new HashSet<>();
        await().atMost(WAIT).until(() -> {
            Map<String, Set<Integer>> now = partitionsByMember(admin, topic);
            ofSecond.clear();
            now.forEach((member, ps) -> {
                if (!before.containsKey(member)) {
                    ofSecond.addAll(ps);
                }
            });
            int assigned = now.values().stream().mapToInt(Set::size).sum();
            return assigned == partitions && !ofSecond.isEmpty() && ofSecond.size() < partitions;
        });
        return ofSecond;
    }

    private static int partitions(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get(30, TimeUnit.SECONDS)
                .get(topic)
                .partitions()
                .size();
    }

    private boolean knowsEverything(MatchEngine e) {
        return e.stats().volunteers() == count("select count(*) from volunteer_view")
                && e.stats().offers() == count("select count(*) from offer_view where active");
    }

    /** An urgent need at {@code at}, keyed so that it lands on one of {@code side}'s partitions (any if 0 partitions). */
    private UUID publish(
            Place p,
            double[] at,
            Set<Integer> side,
            int partitions,
            Category category,
            BeneficiaryGroup group,
            Integer boxes) {
        UUID needId = keyedTo(side, partitions);
        NeedPublished need = Town.need(
                needId,
                p.community(),
                p.station(),
                category,
                Urgency.URGENT,
                group,
                "同时到达的需求 one of many needs at once",
                clock.instant(),
                7,
                boxes);
        community()
                .publish(
                        Aggregate.NEED,
                        needId,
                        NeedPublished.newBuilder(need)
                                .setDetails(NeedDetails.newBuilder(need.getDetails())
                                        .setPlace(Town.place(p.community(), at))
                                        .build())
                                .build());
        return needId;
    }

    private UUID goods(Place p, UUID id, int boxes) {
        ResourceOffered o = Town.goods(
                id,
                p.community(),
                Category.DAILY_GOODS,
                BeneficiaryGroup.LOW_INCOME_FAMILY,
                "爱心超市大米 rice of the caring shop",
                boxes,
                LocalDate.now().plusMonths(6),
                clock.instant());
        resources()
                .publish(
                        Aggregate.OFFER,
                        id,
                        ResourceOffered.newBuilder(o)
                                .setPlace(Town.place(p.community(), SPOT))
                                .build());
        await().atMost(WAIT).until(() -> count("select count(*) from offer_view where offer_id = ?", id) == 1);
        return id;
    }

    private static String candidates(List<UUID> volunteers, UUID offer) {
        List<UUID> all = new ArrayList<>(volunteers);
        all.add(offer);
        return all.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static double proposals(MeterRegistry registry) {
        return registry.find("wushe.matching.proposals").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private static double fed(MeterRegistry registry, String outcome) {
        Counter c = registry.find(EngineFeed.FED).tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    private static double lostClaims(MeterRegistry registry) {
        Counter c = registry.find("wushe.matching.claims.lost").counter();
        return c == null ? 0 : c.count();
    }

    private static void log(double lost, long matched) {
        org.slf4j.LoggerFactory.getLogger(ScaleOutTest.class)
                .info(
                        "Two instances: {} live matches, {} claims lost to the other instance and retried",
                        matched,
                        lost);
    }
}
