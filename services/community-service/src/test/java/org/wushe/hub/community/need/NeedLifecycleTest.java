package org.wushe.hub.community.need;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.hub.community.support.People;
import org.wushe.hub.community.support.ServiceScenario;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.NeedDetails;
import org.wushe.hub.events.common.NeedSource;
import org.wushe.hub.events.common.Quantity;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.events.community.NeedClosed;
import org.wushe.hub.events.community.NeedOutcome;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.events.community.NeedUpdated;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.testing.Http;
import tools.jackson.databind.JsonNode;

/** A need's whole life over the API, and the event each step puts on {@code wushe.community.need}. */
class NeedLifecycleTest extends ServiceScenario {

    @Autowired
    NeedService needs;

    @Autowired
    NeedSeriesService series;

    @Test
    void publishedMatchedAcceptedInServiceFulfilledEachStepAnEventWithTheWholeNeed() {
        Place place = communityWithStation();
        UUID grid = registerGrid(place.community(), "第一网格");
        JsonNode resident = registerResident(
                place.community(),
                People.next(),
                "DG-" + UUID.randomUUID().toString().substring(0, 8),
                "VERY_OLD");
        Instant start = daysAhead(2);
        JsonNode need = publishNeed(need(
                place,
                "gridId",
                grid.toString(),
                "residentId",
                resident.get("id").asText(),
                "start",
                start.toString(),
                "end",
                start.plus(1, ChronoUnit.HOURS).toString(),
                "requiredLanguages",
                List.of("en")));
        String id = need.get("id").asText();
        assertThat(need.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(need.get("residentRef").asText())
                .isEqualTo(resident.get("residentRef").asText());
        assertThat(need.has("residentId")).isFalse();

        Http.Response edited = http().put(
                        "/needs/" + id,
                        need(
                                place,
                                "gridId",
                                grid.toString(),
                                "residentId",
                                resident.get("id").asText(),
                                "urgency",
                                "URGENT",
                                "title",
                                "门锁损坏 door lock broken, second lock too",
                                "start",
                                start.toString(),
                                "end",
                                start.plus(3, ChronoUnit.HOURS).toString()));
        assertThat(edited.status()).as(edited.text()).isEqualTo(200);
        UUID match = UUID.randomUUID();
        for (String status : List.of("MATCHED", "ACCEPTED", "IN_SERVICE", "FULFILLED")) {
            Http.Response moved =
                    http().post("/needs/" + id + "/status", Http.map("status", status, "matchId", match.toString()));
            assertThat(moved.status()).as(status + ": " + moved.text()).isEqualTo(200);
            assertThat(moved.json().get("status").asText()).isEqualTo(status);
        }

        List<SpecificRecord> events = events(Aggregate.NEED, id, 6);
        assertThat(events)
                .hasSize(6)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly(
                        "NeedPublished", "NeedUpdated", "NeedUpdated", "NeedUpdated", "NeedUpdated", "NeedClosed");

        NeedPublished published = (NeedPublished) events.get(0);
        assertThat(published.getNeedId()).isEqualTo(UUID.fromString(id));
        assertThat(published.getCommunityId()).isEqualTo(place.community());
        assertThat(published.getStationId()).isEqualTo(place.station());
        assertThat(published.getRevision()).isEqualTo(1);
        NeedDetails d = published.getDetails();
        assertThat(d.getSource()).isEqualTo(NeedSource.NEED_LIST);
        assertThat(d.getCategory()).isEqualTo(Category.HOME_REPAIR);
        assertThat(d.getUrgency()).isEqualTo(Urgency.IMMEDIATE);
        assertThat(d.getBeneficiaryGroup()).isEqualTo(BeneficiaryGroup.VERY_OLD);
        assertThat(d.getResidentRef())
                .isEqualTo(UUID.fromString(resident.get("residentRef").asText()))
                .isNotEqualTo(UUID.fromString(resident.get("id").asText()));
        assertThat(d.getBeneficiaryCount()).isEqualTo(1);
        assertThat(d.getTitle()).isEqualTo("门锁损坏需维修 door lock broken");
        assertThat(d.getPlace().getCommunityId()).isEqualTo(place.community());
        assertThat(d.getPlace().getGridId()).isEqualTo(grid);
        assertThat(d.getPlace().getGeohash()).isEqualTo("wx4g0c"); // the grid's cell
        assertThat(d.getPlace().getDistrictCode()).isEqualTo("110112");
        assertThat(d.getTimeWindow().getStart()).isEqualTo(start);
        assertThat(d.getTimeWindow().getEnd()).isEqualTo(start.plus(1, ChronoUnit.HOURS));
        assertThat(d.getRequiredSkills()).containsExactly(Skill.HOME_REPAIR);
        assertThat(d.getRequiredLanguages()).containsExactly("en");
        assertThat(d.getEstimatedMinutes()).isEqualTo(60);
        assertThat(d.getQuantity()).isNull();

        NeedUpdated edit = (NeedUpdated) events.get(1);
        assertThat(edit.getRevision()).isEqualTo(2);
        assertThat(edit.getStatus()).isEqualTo(org.wushe.hub.events.community.NeedStatus.PUBLISHED);
        assertThat(edit.getDetails().getUrgency()).isEqualTo(Urgency.URGENT);
        assertThat(edit.getDetails().getTimeWindow().getEnd()).isEqualTo(start.plus(3, ChronoUnit.HOURS));
        assertThat(events.subList(2, 5))
                .extracting(e -> ((NeedUpdated) e).getStatus().name())
                .containsExactly("MATCHED", "ACCEPTED", "IN_SERVICE");
        assertThat(events.subList(2, 5))
                .extracting(e -> ((NeedUpdated) e).getMatchId())
                .containsOnly(match);
        NeedClosed closed = (NeedClosed) events.get(5);
        assertThat(closed.getOutcome()).isEqualTo(NeedOutcome.FULFILLED);
        assertThat(closed.getRevision()).isEqualTo(6);
        assertThat(closed.getMatchId()).isEqualTo(match);

        Http.Response again = http().post("/needs/" + id + "/status", Http.map("status", "CANCELLED"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemField()).isEqualTo("status");
        Http.Response editClosed = http().put("/needs/" + id, need(place));
        assertThat(editClosed.status()).isEqualTo(409);
    }

    @Test
    void aDeclinedProposalReturnsTheNeedAndACancelledOneClosesIt() {
        Place place = communityWithStation();
        String id = publishNeed(need(place)).get("id").asText();

        Http.Response skip = http().post("/needs/" + id + "/status", Http.map("status", "FULFILLED"));
        assertThat(skip.status()).isEqualTo(409);
        assertThat(skip.json().get("detail").asText()).contains("PUBLISHED").contains("FULFILLED");
        assertThat(http().post("/needs/" + id + "/status", Http.map("status", "EXPIRED"))
                        .status())
                .isEqualTo(400);

        assertThat(http().post(
                                "/needs/" + id + "/status",
                                Http.map(
                                        "status",
                                        "MATCHED",
                                        "matchId",
                                        UUID.randomUUID().toString()))
                        .status())
                .isEqualTo(200);
        assertThat(http().post("/needs/" + id + "/status", Http.map("status", "PUBLISHED"))
                        .json()
                        .get("matchId"))
                .isNull();
        assertThat(http().post("/needs/" + id + "/status", Http.map("status", "CANCELLED"))
                        .status())
                .isEqualTo(200);

        List<SpecificRecord> events = events(Aggregate.NEED, id, 4);
        assertThat(events)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("NeedPublished", "NeedUpdated", "NeedUpdated", "NeedClosed");
        assertThat(((NeedUpdated) events.get(2)).getStatus().name()).isEqualTo("PUBLISHED");
        assertThat(((NeedUpdated) events.get(2)).getMatchId()).isNull();
        assertThat(((NeedClosed) events.get(3)).getOutcome()).isEqualTo(NeedOutcome.CANCELLED);
        assertThat(((NeedClosed) events.get(3)).getRevision()).isEqualTo(4);
    }

    @Test
    void aNeedWhoseWindowPassedUnmetExpires() {
        Place place = communityWithStation();
        Instant start = Instant.now().plus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String soon = publishNeed(need(
                        place,
                        "start",
                        start.toString(),
                        "end",
                        start.plus(10, ChronoUnit.MINUTES).toString()))
                .get("id")
                .asText();
        String later = publishNeed(need(place)).get("id").asText();

        // Every other scenario's needs end days ahead; only this one is due an hour from now.
        int expired = needs.expireDue(Instant.now().plus(1, ChronoUnit.HOURS));

        assertThat(expired).isGreaterThanOrEqualTo(1);
        assertThat(http().get("/needs/" + soon).json().get("status").asText()).isEqualTo("EXPIRED");
        assertThat(http().get("/needs/" + later).json().get("status").asText()).isEqualTo("PUBLISHED");
        NeedClosed closed = (NeedClosed) events(Aggregate.NEED, soon, 2).get(1);
        assertThat(closed.getOutcome()).isEqualTo(NeedOutcome.EXPIRED);
        assertThat(closed.getRevision()).isEqualTo(2);
    }

    @Test
    void milkEveryWeekIsARecurringNeedWhoseOccurrencesArePublishedAsTheyComeWithinTheHorizon() {
        Place place = communityWithStation();
        JsonNode resident = registerResident(place.community(), People.next(), null, "ELDERLY_ALONE");
        Instant first = daysAhead(1);
        Map<String, Object> milk = need(
                place,
                "category",
                "DAILY_GOODS",
                "urgency",
                "ROUTINE",
                "beneficiaryGroup",
                "ELDERLY_ALONE",
                "title",
                "每周配送牛奶两箱 milk, two boxes a week",
                "residentId",
                resident.get("id").asText(),
                "requiredSkills",
                null,
                "quantity",
                Map.of("amount", 2, "unit", "BOX"),
                "start",
                first.toString(),
                "end",
                first.plus(3, ChronoUnit.HOURS).toString());

        Http.Response created = http().post("/need-series", Http.map("need", milk, "frequency", "WEEKLY", "count", 6));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode s = created.json();
        assertThat(s.get("needs")).hasSize(2); // horizon 14 days: day 1 and day 8
        assertThat(s.get("nextOccurrence").asInt()).isEqualTo(3);

        UUID seriesId = UUID.fromString(s.get("id").asText());
        series.extendAll(Instant.now()
                .plus(10, ChronoUnit.DAYS)); // ten days on, day 15 and day 22 come within the 14-day horizon
        JsonNode later = http().get("/need-series/" + seriesId).json();
        assertThat(later.get("needs")).hasSize(4);
        assertThat(later.get("needs"))
                .extracting(n -> n.get("occurrence").asInt())
                .containsExactly(1, 2, 3, 4);
        assertThat(later.get("needs"))
                .extracting(n -> Instant.parse(n.get("start").asText()))
                .containsExactly(
                        first,
                        first.plus(7, ChronoUnit.DAYS),
                        first.plus(14, ChronoUnit.DAYS),
                        first.plus(21, ChronoUnit.DAYS));
        series.extendAll(Instant.now().plus(10, ChronoUnit.DAYS));
        assertThat(http().get("/need-series/" + seriesId).json().get("needs")).hasSize(4);

        String third = later.get("needs").get(2).get("id").asText();
        NeedPublished event = (NeedPublished) events(Aggregate.NEED, third, 1).get(0);
        assertThat(event.getDetails().getQuantity()).isEqualTo(new Quantity(2, QuantityUnit.BOX));
        assertThat(event.getDetails().getResidentRef())
                .isEqualTo(UUID.fromString(resident.get("residentRef").asText()));
        assertThat(event.getDetails().getTimeWindow().getStart()).isEqualTo(first.plus(14, ChronoUnit.DAYS));

        assertThat(http().post("/need-series/" + seriesId + "/stop", "")
                        .json()
                        .get("active")
                        .asBoolean())
                .isFalse();
        series.extendAll(Instant.now().plus(40, ChronoUnit.DAYS));
        assertThat(http().get("/need-series/" + seriesId).json().get("needs")).hasSize(4);
    }

    @Test
    void aMicroWishIsAResidentsOwnNeed() {
        Place place = communityWithStation();
        JsonNode child = registerResident(place.community(), People.next(), null, "CHILD_IN_HARDSHIP");
        Map<String, Object> wish = need(
                place,
                "source",
                "MICRO_WISH",
                "category",
                "STUDY_SPACE",
                "urgency",
                "SOON",
                "beneficiaryGroup",
                "CHILD_IN_HARDSHIP",
                "title",
                "微心愿：一张书桌和台灯 a desk and a lamp",
                "requiredSkills",
                List.of("CARPENTRY_ASSEMBLY"));

        Http.Response anonymous = http().post("/needs", wish);
        assertThat(anonymous.status()).isEqualTo(400);
        assertThat(anonymous.problemField()).isEqualTo("residentId");

        wish.put("residentId", child.get("id").asText());
        String id = publishNeed(wish).get("id").asText();
        NeedPublished event = (NeedPublished) events(Aggregate.NEED, id, 1).get(0);
        assertThat(event.getDetails().getSource()).isEqualTo(NeedSource.MICRO_WISH);
        assertThat(event.getDetails().getResidentRef())
                .isEqualTo(UUID.fromString(child.get("residentRef").asText()));
    }
}
