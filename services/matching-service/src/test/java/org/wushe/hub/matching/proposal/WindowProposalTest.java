package org.wushe.hub.matching.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.NeedDetails;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.TimeWindow;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.matching.engine.MatchResult;
import org.wushe.hub.matching.readmodel.Specs;
import org.wushe.hub.matching.support.MatchingScenario;
import org.wushe.hub.matching.support.Town;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TopicReader;
import tools.jackson.databind.JsonNode;

/**
 * The need binding in batch mode: the needs of one poll are matched together as one window, so that a need early in
 * the batch does not take the candidate a later need has no substitute for (issue #16, items 2 and 6 in the service).
 */
class WindowProposalTest extends MatchingScenario {

    /** A place of its own, far from the other tests' volunteers. */
    private static final double[] SPOT = {30.58, 114.30};

    private static final double[] NORTH_3KM = {30.607, 114.30};

    /** Another, 25 km from {@link #SPOT}. */
    private static final double[] ELSEWHERE = {30.80, 114.30};

    @Autowired
    BindingsLifecycleController bindings;

    @Test
    void needsOfOneBatchAreMatchedAsOneWindowNotOneAfterTheOther() throws Exception {
        Place p = newPlace();
        // The barber cuts hair and keeps old people company; the walker only keeps company, 3 km further away.
        UUID barber = volunteer(p, SPOT, Skill.HAIRDRESSING, Skill.ELDER_CARE);
        UUID walker = volunteer(p, NORTH_3KM, Skill.ELDER_CARE);
        // Both needs ask for the same hour tomorrow, so nobody can do both.
        Instant start = hour(1, 10);
        int partitions = needPartitions();
        Set<Integer> onePartition = Set.of(partitionOf(UUID.randomUUID(), partitions));
        UUID visitId = keyedTo(onePartition, partitions);
        UUID haircutId = keyedTo(onePartition, partitions);
        NeedPublished visit = need(p, visitId, Category.COMPANIONSHIP, "陪伴独居老人 a visit", start, SPOT);
        NeedPublished haircut = need(p, haircutId, Category.HAIRCUT, "上门理发 a haircut at home", start, SPOT);

        // One after the other, the visit (first) would take the barber, who is nearer; the haircut has nobody else.
        MatchResult greedy = engine.match(
                Specs.need(
                        visitId,
                        p.community(),
                        p.station(),
                        visit.getDetails(),
                        clock.instant().toEpochMilli()),
                5,
                Set.of());
        assertThat(greedy.proposals()).extracting(x -> x.candidate().id()).containsExactly(barber, walker);

        double windowsBefore = counter("wushe.matching.windows");
        bindings.changeState("needs-in-0", BindingsLifecycleController.State.STOPPED);
        try {
            community().publish(Aggregate.NEED, visitId, visit);
            community().publish(Aggregate.NEED, haircutId, haircut);
            // Both on the topic, on one partition, before the consumers poll again: they come in one batch.
            TopicReader.readUntil(
                    TestStack.bootstrapServers(),
                    Aggregate.NEED.topic(),
                    r -> r.key().equals(visitId.toString()) || r.key().equals(haircutId.toString()),
                    kept -> kept.size() == 2,
                    WAIT);
        } finally {
            bindings.changeState("needs-in-0", BindingsLifecycleController.State.STARTED);
        }

        JsonNode visitMatch = awaitLiveMatch(visitId);
        JsonNode haircutMatch = awaitLiveMatch(haircutId);
        assertThat(visitMatch.get("candidate").get("id").asText()).isEqualTo(walker.toString());
        assertThat(haircutMatch.get("candidate").get("id").asText()).isEqualTo(barber.toString());
        assertThat(List.of(visitMatch, haircutMatch)).allSatisfy(m -> {
            assertThat(m.get("status").asText()).isEqualTo("PROPOSED");
            assertThat(m.get("mode").asText()).isEqualTo("STREAMING");
            assertThat(m.get("rank").asInt()).isEqualTo(1);
        });
        assertThat(counter("wushe.matching.windows")).isGreaterThan(windowsBefore);
        // Each proposal once, with its hold stored with the candidate for the other instances.
        assertThat(count(
                        "select count(*) from match where need_id = any (?::uuid[])",
                        uuidArray(List.of(visitId, haircutId))))
                .isEqualTo(2);
        assertThat(count(
                        "select count(*) from candidate_hold where candidate_id = any (?::uuid[])",
                        uuidArray(List.of(barber, walker))))
                .isEqualTo(2);
        // The needs are MATCHED, and the engine holds both volunteers for that hour.
        await().atMost(WAIT)
                .until(() -> count(
                                "select count(*) from need_state where need_id = any (?::uuid[]) and state = 'MATCHED'",
                                uuidArray(List.of(visitId, haircutId)))
                        == 2);
        assertThat(engine.match(
                                Specs.need(
                                        UUID.randomUUID(),
                                        p.community(),
                                        p.station(),
                                        visit.getDetails(),
                                        clock.instant().toEpochMilli()),
                                5,
                                Set.of())
                        .proposals())
                .isEmpty();
    }

    /** {@code hour}:00 in Shanghai, {@code days} days from the test clock's today. */
    private Instant hour(int days, int hour) {
        return ZonedDateTime.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"))
                .plusDays(days)
                .withHour(hour)
                .truncatedTo(ChronoUnit.HOURS)
                .toInstant();
    }

    private int needPartitions() throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers()))) {
            return admin.describeTopics(List.of(Aggregate.NEED.topic()))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(Aggregate.NEED.topic())
                    .partitions()
                    .size();
        }
    }

    /**
     * The streaming path (a need alone in its poll) books a volunteer's hour as the window does: a volunteer who may
     * take three matches is still not proposed for two needs of one hour.
     */
    @Test
    void oneAfterTheOtherAVolunteerIsNotProposedTwiceForOneHour() {
        Place p = newPlace();
        UUID barber = volunteer(p, ELSEWHERE, Skill.HAIRDRESSING);
        Instant start = hour(2, 15);
        UUID first = UUID.randomUUID();
        community()
                .publish(
                        Aggregate.NEED,
                        first,
                        need(p, first, Category.HAIRCUT, "上门理发 a haircut at home", start, ELSEWHERE));
        assertThat(awaitLiveMatch(first).get("candidate").get("id").asText()).isEqualTo(barber.toString());

        UUID second = UUID.randomUUID();
        community()
                .publish(
                        Aggregate.NEED,
                        second,
                        need(p, second, Category.HAIRCUT, "同一小时的理发 another haircut that hour", start, ELSEWHERE));
        JsonNode waiting =
                awaitNeed(second, n -> "WAITING".equals(n.get("state").asText()));
        assertThat(live(waiting)).isNull();
        assertThat(count("select count(*) from match where need_id = ?", second))
                .isZero();
        // An hour later the barber is free again.
        UUID later = UUID.randomUUID();
        community()
                .publish(
                        Aggregate.NEED,
                        later,
                        need(
                                p,
                                later,
                                Category.HAIRCUT,
                                "晚一小时的理发 a haircut an hour later",
                                start.plus(1, ChronoUnit.HOURS),
                                ELSEWHERE));
        assertThat(awaitLiveMatch(later).get("candidate").get("id").asText()).isEqualTo(barber.toString());
    }

    /** An urgent need at {@code at} for the hour from {@code start}. */
    private NeedPublished need(Place p, UUID needId, Category category, String title, Instant start, double[] at) {
        NeedPublished n = Town.need(
                needId,
                p.community(),
                p.station(),
                category,
                Urgency.URGENT,
                BeneficiaryGroup.ELDERLY_ALONE,
                title,
                clock.instant(),
                7,
                null);
        return NeedPublished.newBuilder(n)
                .setDetails(NeedDetails.newBuilder(n.getDetails())
                        .setPlace(Town.place(p.community(), at))
                        .setTimeWindow(TimeWindow.newBuilder()
                                .setStart(start)
                                .setEnd(start.plus(60, ChronoUnit.MINUTES))
                                .build())
                        .build())
                .build();
    }
}
