package org.wushe.hub.socialworker.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.Availability;
import org.wushe.hub.events.common.Place;
import org.wushe.hub.events.volunteer.VolunteerRegistered;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.testing.Upstream;
import org.wushe.hub.schemas.AvroTrust;
import org.wushe.hub.socialworker.station.StationInbound;
import org.wushe.hub.socialworker.support.ServiceScenario;
import org.wushe.hub.socialworker.volunteers.VolunteerInbound;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TopicReader;
import tools.jackson.databind.JsonNode;

/**
 * A town centre with two community stations reports a month: visits, case clients, groups, volunteers
 * recruited (from VolunteerRegistered, counted once even when Kafka delivers an event again) and the
 * certification rate — for a station alone and for the centre with its stations; redelivered station and volunteer
 * events change nothing.
 */
class StationReportTest extends ServiceScenario {

    @Test
    void aCentreAndItsStationsReportTheMonthsFiguresAndRedeliveredVolunteersCountOnce() throws Exception {
        KnownStation centre = streetCentre();
        KnownStation a = communityStation(centre.id());
        UUID alsoServedByB = UUID.randomUUID();
        KnownStation b = communityStation(centre.id(), alsoServedByB);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String from = today().minusDays(29).toString();
        String to = today().toString();

        // 25 workers at A, 9 of them certified (36%); 2 at B, both certified.
        List<UUID> atA = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            atA.add(
                    i < 9
                            ? workerAt(
                                    a,
                                    "certificationLevel",
                                    i % 2 == 0 ? "ASSISTANT" : "INTERMEDIATE",
                                    "certifiedOn",
                                    "2020-11-0" + (1 + i % 9),
                                    "employment",
                                    i < 20 ? "FULL_TIME" : "PART_TIME")
                            : workerAt(a, "trainedLocally", i < 15));
        }
        UUID atB = workerAt(b, "certificationLevel", "ASSISTANT", "certifiedOn", "2022-06-30");
        workerAt(b, "certificationLevel", "SENIOR", "certifiedOn", "2012-06-30");
        UUID worker = atA.get(0);

        // Visits: at A three phone visits (one not reached) and two home visits (one found a need) this month, one last
        // quarter.
        visit(worker, a, "PHONE", "WELL", now.minus(3, ChronoUnit.DAYS), null);
        visit(worker, a, "PHONE", "NOT_REACHED", now.minus(2, ChronoUnit.DAYS), null);
        visit(worker, a, "PHONE", "REFERRED", now.minus(1, ChronoUnit.DAYS), null);
        visit(worker, a, "HOME", "FOLLOW_UP", now.minus(5, ChronoUnit.DAYS), null);
        visit(
                worker,
                a,
                "HOME",
                "NEED_FOUND",
                now.minus(1, ChronoUnit.HOURS),
                Http.map(
                        "category",
                        "SAFETY_CHECK",
                        "urgency",
                        "SOON",
                        "beneficiaryGroup",
                        "VERY_OLD",
                        "title",
                        "燃气管道老化 gas pipe check",
                        "start",
                        now.plus(1, ChronoUnit.DAYS).toString(),
                        "end",
                        now.plus(3, ChronoUnit.DAYS).toString()));
        visit(worker, a, "PHONE", "WELL", now.minus(40, ChronoUnit.DAYS), null);
        visit(atB, b, "PHONE", "WELL", now.minus(4, ChronoUnit.DAYS), null);

        // Cases at A: one open since two months, one closed before the month, one opened and closed in it, one opened
        // today.
        caseOf(worker, today().minusDays(60).toString(), null);
        caseOf(worker, today().minusDays(50).toString(), today().minusDays(40).toString());
        caseOf(worker, today().minusDays(10).toString(), today().minusDays(5).toString());
        caseOf(worker, today().toString(), null);

        // Groups: at A one with two sessions this month and one whose only session was last quarter; at B one session.
        String group = group(worker, a);
        session(group, now.minus(10, ChronoUnit.DAYS), 11);
        session(group, now.minus(3, ChronoUnit.DAYS), 9);
        session(group(worker, a), now.minus(45, ChronoUnit.DAYS), 30);
        session(group(atB, b), now.minus(2, ChronoUnit.DAYS), 6);

        // Volunteers, from the volunteer service's topic: four for A (one by home area only), one for B, one elsewhere,
        // one long ago.
        AvroTrust.install();
        UUID v1 = UUID.randomUUID();
        List<UUID> volunteers = List.of(
                v1,
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID());
        registered(volunteers.get(0), a.community(), null, now.minus(3, ChronoUnit.DAYS));
        registered(volunteers.get(1), a.community(), a.community(), now.minus(2, ChronoUnit.DAYS));
        registered(volunteers.get(2), a.community(), UUID.randomUUID(), now.minus(1, ChronoUnit.DAYS));
        registered(volunteers.get(3), null, a.community(), now.minus(6, ChronoUnit.DAYS));
        registered(volunteers.get(4), alsoServedByB, null, now.minus(6, ChronoUnit.DAYS));
        registered(volunteers.get(5), UUID.randomUUID(), null, now.minus(6, ChronoUnit.DAYS));
        registered(volunteers.get(6), a.community(), null, now.minus(40, ChronoUnit.DAYS));
        registered(
                v1,
                a.community(),
                null,
                now.minus(1, ChronoUnit.DAYS)); // the same volunteer registered again: still one

        await().atMost(WAIT)
                .until(() -> report(centre, from, to, true)
                                        .get("volunteersRecruited")
                                        .asInt()
                                >= 5
                        && countRows(
                                        "SELECT count(*) FROM volunteer_registration WHERE volunteer_id = ANY (?)",
                                        volunteers)
                                == 7
                        && processed() == 8);

        JsonNode stationA = report(a, from, to, true);
        assertThat(stationA.get("stationsIncluded")).hasSize(1);
        assertThat(stationA.get("phoneVisits").asInt()).isEqualTo(3);
        assertThat(stationA.get("homeVisits").asInt()).isEqualTo(2);
        assertThat(stationA.get("visitsNotReached").asInt()).isEqualTo(1);
        assertThat(stationA.get("needsRaised").asInt()).isEqualTo(1);
        assertThat(stationA.get("caseClients").asInt()).isEqualTo(3);
        assertThat(stationA.get("casesOpened").asInt()).isEqualTo(2);
        assertThat(stationA.get("casesClosed").asInt()).isEqualTo(1);
        assertThat(stationA.get("casesOpen").asInt())
                .as("open at the end of the period: since two months, and today's")
                .isEqualTo(2);
        assertThat(stationA.get("groupsRun").asInt()).isEqualTo(1);
        assertThat(stationA.get("groupSessions").asInt()).isEqualTo(2);
        assertThat(stationA.get("groupParticipants").asInt()).isEqualTo(20);
        assertThat(stationA.get("volunteersRecruited").asInt()).isEqualTo(4);
        assertThat(stationA.get("socialWorkers").asInt()).isEqualTo(25);
        assertThat(stationA.get("certifiedWorkers").asInt()).isEqualTo(9);
        assertThat(stationA.get("certificationRate").decimalValue()).isEqualByComparingTo("36.00");
        assertThat(stationA.get("certificationRateText").asText()).isEqualTo("36%");
        assertThat(stationA.get("trainedLocally").asInt()).isEqualTo(9 + 6);
        assertThat(stationA.get("fullTime").asInt()).isEqualTo(9 + 16);
        assertThat(stationA.get("partTime").asInt()).isEqualTo(0);

        JsonNode wholeCentre = report(centre, from, to, true);
        assertThat(wholeCentre.get("stationsIncluded"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(centre.id().toString(), a.id().toString(), b.id().toString());
        assertThat(wholeCentre.get("phoneVisits").asInt()).isEqualTo(4);
        assertThat(wholeCentre.get("groupsRun").asInt()).isEqualTo(2);
        assertThat(wholeCentre.get("volunteersRecruited").asInt()).isEqualTo(5);
        assertThat(wholeCentre.get("socialWorkers").asInt()).isEqualTo(27);
        assertThat(wholeCentre.get("certifiedWorkers").asInt()).isEqualTo(11);
        assertThat(wholeCentre.get("certificationRateText").asText()).isEqualTo("40.74%");
        JsonNode centreAlone = report(centre, from, to, false);
        assertThat(centreAlone.get("socialWorkers").asInt()).isZero();
        assertThat(centreAlone.get("certificationRateText").asText()).isEqualTo("-");
        assertThat(centreAlone.has("certificationRate")).isFalse();
        assertThat(report(b, from, to, true).get("volunteersRecruited").asInt()).isEqualTo(1);

        // Kafka delivers every volunteer record again, twice, verbatim (key, value, headers): nothing changes.
        Set<String> keys = volunteers.stream().map(UUID::toString).collect(Collectors.toSet());
        List<ConsumerRecord<String, byte[]>> onWire = TopicReader.readUntil(
                TestStack.bootstrapServers(),
                Aggregate.VOLUNTEER.topic(),
                r -> keys.contains(r.key()),
                kept -> kept.size() >= 8,
                WAIT);
        double duplicatesBefore = duplicates();
        resend(onWire, 2);
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> duplicates() - duplicatesBefore >= 2.0 * onWire.size());
        // And the stations' registrations once more: the centre still leads the same two stations.
        Set<String> stationKeys = Set.of(centre.id().toString(), a.id().toString(), b.id().toString());
        List<ConsumerRecord<String, byte[]>> stationsOnWire = TopicReader.readUntil(
                TestStack.bootstrapServers(),
                Aggregate.STATION.topic(),
                r -> stationKeys.contains(r.key()),
                kept -> kept.size() >= 3,
                WAIT);
        double stationDuplicatesBefore = duplicates(StationInbound.CONSUMER);
        resend(stationsOnWire, 1);
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> duplicates(StationInbound.CONSUMER) - stationDuplicatesBefore >= 3);
        assertThat(report(centre, from, to, true).get("stationsIncluded")).hasSize(3);
        assertThat(report(a, from, to, true).get("volunteersRecruited").asInt()).isEqualTo(4);
        assertThat(report(centre, from, to, true).get("volunteersRecruited").asInt())
                .isEqualTo(5);
        assertThat(processed()).isEqualTo(8);
    }

    private final List<UUID> volunteerEventIds = new ArrayList<>();

    private void registered(UUID volunteer, UUID community, UUID homeCommunity, Instant at) {
        volunteerEventIds.add(Upstream.volunteer(codec)
                .publish(
                        Aggregate.VOLUNTEER,
                        volunteer,
                        VolunteerRegistered.newBuilder()
                                .setEventId(UUID.randomUUID())
                                .setOccurredAt(at)
                                .setVolunteerId(volunteer)
                                .setCommunityId(community)
                                .setHomeArea(Place.newBuilder()
                                        .setDistrictCode(DISTRICT)
                                        .setCommunityId(homeCommunity)
                                        .setGeohash("wx4g0b")
                                        .build())
                                .setAvailability(Availability.newBuilder().build())
                                .build())
                .eventId());
    }

    private JsonNode report(KnownStation station, String from, String to, boolean below) {
        Http.Response r = http().get("/stations/" + station.id() + "/report?from=" + from + "&to=" + to
                + "&includeStationsBelow=" + below);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private int countRows(String sql, List<UUID> ids) {
        Integer n = jdbc.queryForObject(sql, Integer.class, (Object) ids.toArray(UUID[]::new));
        return n == null ? 0 : n;
    }

    /** This scenario's volunteer events recorded as processed (one row per event id). */
    private int processed() {
        Integer n = jdbc.queryForObject(
                "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ANY (?)",
                Integer.class,
                VolunteerInbound.CONSUMER,
                volunteerEventIds.toArray(UUID[]::new));
        return n == null ? 0 : n;
    }

    private double duplicates() {
        return duplicates(VolunteerInbound.CONSUMER);
    }
}
