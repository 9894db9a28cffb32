package org.wushe.hub.socialworker.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.NeedDetails;
import org.wushe.hub.events.common.NeedSource;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.events.socialworker.VisitKind;
import org.wushe.hub.events.socialworker.VisitOutcome;
import org.wushe.hub.events.socialworker.VisitRaisedNeed;
import org.wushe.hub.events.socialworker.VisitRecorded;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventHeaders;
import org.wushe.hub.socialworker.support.ServiceScenario;
import org.wushe.hub.testing.Http;

/**
 * Phone and home visits: each a VisitRecorded; a home visit that finds a broken door lock also raises
 * the need as an event (VisitRaisedNeed) the community service will publish — the contract, not a call.
 */
class VisitTest extends ServiceScenario {

    static Map<String, Object> doorLock(Instant start) {
        return Http.map(
                "category",
                "HOME_REPAIR",
                "urgency",
                "URGENT",
                "beneficiaryGroup",
                "ELDERLY_ALONE",
                "title",
                "门锁损坏需维修 door lock broken",
                "geohash",
                "wx4g0cm2",
                "start",
                start.toString(),
                "end",
                start.plus(4, ChronoUnit.HOURS).toString(),
                "requiredSkills",
                List.of("HOME_REPAIR"),
                "estimatedMinutes",
                45);
    }

    @Test
    void aPhoneVisitAndAHomeVisitThatFindsANeedWhichIsRaisedAsAnEvent() {
        KnownStation station = communityStation(null);
        UUID worker = workerAt(station);
        UUID resident = UUID.randomUUID();
        Instant called = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String phoneNotes = "电话问候，身体尚可 called, fine " + UUID.randomUUID();
        Http.Response phone = http().post(
                        "/visits",
                        Http.map(
                                "socialWorkerId",
                                worker.toString(),
                                "residentRef",
                                resident.toString(),
                                "kind",
                                "PHONE",
                                "outcome",
                                "WELL",
                                "visitedAt",
                                called.toString(),
                                "minutes",
                                8,
                                "notes",
                                phoneNotes));
        assertThat(phone.status()).as(phone.text()).isEqualTo(201);

        Instant visited = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant start = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String homeNotes = "入户发现门锁坏了 the lock is broken " + UUID.randomUUID();
        Http.Response home = http().post(
                        "/visits",
                        Http.map(
                                "socialWorkerId",
                                worker.toString(),
                                "residentRef",
                                resident.toString(),
                                "kind",
                                "HOME",
                                "outcome",
                                "NEED_FOUND",
                                "visitedAt",
                                visited.toString(),
                                "minutes",
                                40,
                                "notes",
                                homeNotes,
                                "raisedNeed",
                                doorLock(start)));
        assertThat(home.status()).as(home.text()).isEqualTo(201);
        UUID homeVisit = UUID.fromString(home.json().get("id").asText());
        assertThat(home.json().get("raisedNeed").get("title").asText()).isEqualTo("门锁损坏需维修 door lock broken");

        List<ConsumerRecord<String, byte[]>> onWire = records(Aggregate.SOCIAL_WORKER, worker, 4);
        List<Object> events =
                onWire.stream().map(r -> (Object) codec.decode(r.value())).toList();
        assertThat(events)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("SocialWorkerRegistered", "VisitRecorded", "VisitRecorded", "VisitRaisedNeed");
        VisitRecorded first = (VisitRecorded) events.get(1);
        assertThat(first.getKind()).isEqualTo(VisitKind.PHONE);
        assertThat(first.getOutcome()).isEqualTo(VisitOutcome.WELL);
        assertThat(first.getVisitedAt()).isEqualTo(called);
        assertThat(first.getMinutes()).isEqualTo(8);
        assertThat(first.getNeedRaised()).isFalse();
        assertThat(first.getStationId()).isEqualTo(station.id());
        assertThat(first.getCommunityId()).isEqualTo(station.community());
        VisitRecorded second = (VisitRecorded) events.get(2);
        assertThat(second.getVisitId()).isEqualTo(homeVisit);
        assertThat(second.getKind()).isEqualTo(VisitKind.HOME);
        assertThat(second.getOutcome()).isEqualTo(VisitOutcome.NEED_FOUND);
        assertThat(second.getNeedRaised()).isTrue();

        VisitRaisedNeed raised = (VisitRaisedNeed) events.get(3);
        assertThat(raised.getVisitId()).isEqualTo(homeVisit);
        assertThat(raised.getSocialWorkerId()).isEqualTo(worker);
        assertThat(raised.getCommunityId()).isEqualTo(station.community());
        assertThat(raised.getStationId()).isEqualTo(station.id());
        assertThat(raised.getEventId())
                .isEqualTo(UUID.fromString(
                        home.json().get("raisedNeed").get("eventId").asText()));
        NeedDetails need = raised.getDetails();
        assertThat(need.getSource()).isEqualTo(NeedSource.VISIT);
        assertThat(need.getCategory()).isEqualTo(Category.HOME_REPAIR);
        assertThat(need.getUrgency()).isEqualTo(Urgency.URGENT);
        assertThat(need.getBeneficiaryGroup()).isEqualTo(BeneficiaryGroup.ELDERLY_ALONE);
        assertThat(need.getResidentRef()).isEqualTo(resident);
        assertThat(need.getBeneficiaryCount()).isEqualTo(1);
        assertThat(need.getTitle()).isEqualTo("门锁损坏需维修 door lock broken");
        assertThat(need.getPlace().getDistrictCode()).isEqualTo(DISTRICT);
        assertThat(need.getPlace().getStreetCode()).isEqualTo(STREET);
        assertThat(need.getPlace().getCommunityId()).isEqualTo(station.community());
        assertThat(need.getPlace().getGeohash()).isEqualTo("wx4g0c");
        assertThat(need.getTimeWindow().getStart()).isEqualTo(start);
        assertThat(need.getTimeWindow().getEnd()).isEqualTo(start.plus(4, ChronoUnit.HOURS));
        assertThat(need.getRequiredSkills()).containsExactly(Skill.HOME_REPAIR);
        assertThat(need.getEstimatedMinutes()).isEqualTo(45);
        assertThat(need.getQuantity()).isNull();
        ConsumerRecord<String, byte[]> raisedRecord = onWire.get(3);
        assertThat(new String(
                        raisedRecord
                                .headers()
                                .lastHeader(EventHeaders.EVENT_TYPE)
                                .value(),
                        StandardCharsets.UTF_8))
                .isEqualTo("VisitRaisedNeed");
        assertThat(raisedRecord.key()).isEqualTo(worker.toString());
        // Visit notes never leave the service; the resident travels only inside the raised need.
        assertThat(onWire)
                .allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8))
                        .doesNotContain(phoneNotes)
                        .doesNotContain(homeNotes));
        assertThat(onWire.subList(0, 3))
                .allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8))
                        .doesNotContain(resident.toString()));

        assertThat(asWorker(worker).get("/visits?residentRef=" + resident).json())
                .extracting(v -> v.get("kind").asText())
                .containsExactly("HOME", "PHONE");
        assertThat(asWorker(worker)
                        .get("/visits/" + homeVisit + "?" + reason("回访 follow-up"))
                        .json()
                        .get("notes")
                        .asText())
                .isEqualTo(homeNotes);
    }

    @Test
    void aVisitWithinACaseBelongsToThatResidentsOpenCase() {
        KnownStation station = communityStation(null);
        UUID worker = workerAt(station);
        UUID resident = UUID.randomUUID();
        String caseId = http().post(
                        "/cases",
                        Http.map(
                                "socialWorkerId",
                                worker.toString(),
                                "residentRef",
                                resident.toString(),
                                "category",
                                "COMPANIONSHIP",
                                "beneficiaryGroup",
                                "VERY_OLD"))
                .json()
                .get("id")
                .asText();
        Instant visited = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Http.Response someoneElse = http().post(
                        "/visits",
                        Http.map(
                                "socialWorkerId",
                                worker.toString(),
                                "residentRef",
                                UUID.randomUUID().toString(),
                                "caseId",
                                caseId,
                                "kind",
                                "HOME",
                                "outcome",
                                "FOLLOW_UP",
                                "visitedAt",
                                visited.toString()));
        assertThat(someoneElse.status()).isEqualTo(400);
        assertThat(someoneElse.problemField()).isEqualTo("caseId");
        Http.Response inCase = http().post(
                        "/visits",
                        Http.map(
                                "socialWorkerId",
                                worker.toString(),
                                "residentRef",
                                resident.toString(),
                                "caseId",
                                caseId,
                                "kind",
                                "HOME",
                                "outcome",
                                "FOLLOW_UP",
                                "visitedAt",
                                visited.toString()));
        assertThat(inCase.status()).as(inCase.text()).isEqualTo(201);

        VisitRecorded recorded = ofType(events(Aggregate.SOCIAL_WORKER, worker, 3), VisitRecorded.class)
                .get(0);
        assertThat(recorded.getCaseId()).isEqualTo(UUID.fromString(caseId));
        assertThat(recorded.getOutcome()).isEqualTo(VisitOutcome.FOLLOW_UP);
    }

    @Test
    void aNeedGoesWithNeedFoundAndFollowsTheRulesOfNeeds() {
        KnownStation station = communityStation(null);
        UUID worker = workerAt(station);
        Instant visited = Instant.now().minus(10, ChronoUnit.MINUTES);
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS);
        Map<String, Object> visit = Http.map(
                "socialWorkerId",
                worker.toString(),
                "residentRef",
                UUID.randomUUID().toString(),
                "kind",
                "HOME",
                "outcome",
                "NEED_FOUND",
                "visitedAt",
                visited.toString());

        Http.Response undescribed = http().post("/visits", visit);
        assertThat(undescribed.status()).isEqualTo(400);
        assertThat(undescribed.problemField()).isEqualTo("raisedNeed");
        Http.Response wellButNeed = http().post(
                        "/visits",
                        override(
                                Http.map(),
                                "socialWorkerId",
                                worker.toString(),
                                "residentRef",
                                UUID.randomUUID().toString(),
                                "kind",
                                "PHONE",
                                "outcome",
                                "WELL",
                                "visitedAt",
                                visited.toString(),
                                "raisedNeed",
                                doorLock(start)));
        assertThat(wellButNeed.status()).isEqualTo(400);
        assertThat(wellButNeed.problemField()).isEqualTo("outcome");
        Map<String, Object> backwards = doorLock(start);
        backwards.put("end", start.minus(1, ChronoUnit.HOURS).toString());
        visit.put("raisedNeed", backwards);
        Http.Response r = http().post("/visits", visit);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.problemField()).isEqualTo("raisedNeed.end");
        Map<String, Object> milk = doorLock(start);
        milk.put("category", "DAILY_GOODS");
        visit.put("raisedNeed", milk);
        assertThat(http().post("/visits", visit).problemField()).isEqualTo("raisedNeed.quantity");
        Map<String, Object> leaky = doorLock(start);
        leaky.put("title", "王阿姨 13912345678 门锁坏了");
        visit.put("raisedNeed", leaky);
        Http.Response leak = http().post("/visits", visit);
        assertThat(leak.status()).isEqualTo(400);
        assertThat(leak.problemField()).isEqualTo("raisedNeed.title");
        Map<String, Object> future = doorLock(start);
        visit.put("raisedNeed", future);
        visit.put("visitedAt", Instant.now().plus(1, ChronoUnit.HOURS).toString());
        assertThat(http().post("/visits", visit).problemField()).isEqualTo("visitedAt");

        // None of these reached the topic: the worker's only event is their registration.
        assertThat(asWorker(worker).get("/visits?socialWorkerId=" + worker).json())
                .isEmpty();
    }
}
