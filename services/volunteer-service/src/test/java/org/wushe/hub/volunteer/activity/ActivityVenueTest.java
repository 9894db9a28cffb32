package org.wushe.hub.volunteer.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.Allocation;
import org.wushe.hub.events.common.TimeWindow;
import org.wushe.hub.events.resource.ReleaseReason;
import org.wushe.hub.events.resource.ReservationFailure;
import org.wushe.hub.events.resource.ResourceReleased;
import org.wushe.hub.events.resource.ResourceReservationFailed;
import org.wushe.hub.events.resource.ResourceReserved;
import org.wushe.hub.events.volunteer.ActivityPublished;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.testing.Upstream;
import org.wushe.hub.schemas.ActivityVenueContract;
import org.wushe.hub.testing.TestTokens;
import org.wushe.hub.volunteer.support.Http;
import org.wushe.hub.volunteer.support.ServiceScenario;
import tools.jackson.databind.JsonNode;

/**
 * An activity's venue as the volunteer service sees it (#15 item 1), on real PostgreSQL, Kafka and Debezium: publishing
 * an activity at a venue asks for it (PENDING), and the resource service's answers on wushe.resource.offer, written here
 * through its outbox and connector, make it RESERVED, REFUSED with the reason, or RELEASED; an answer about anything but
 * what was last asked changes nothing.
 */
class ActivityVenueTest extends ServiceScenario {

    private static final UUID STATION = UUID.fromString("6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d");

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private Http station() {
        return http().as(TestTokens.token("staff-" + STATION, Roles.STATION_STAFF, Roles.STATION_ID, STATION));
    }

    /** A clinic at {@code venue} from {@code start} for three hours: 4 volunteers and 26 residents, 30 people. */
    private static Map<String, Object> clinic(UUID venue, Instant start) {
        Map<String, Object> position = new LinkedHashMap<>();
        position.put("duty", "导诊 guide");
        position.put("places", 4);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "FREE_CLINIC");
        body.put("title", "义诊 free clinic");
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(3, ChronoUnit.HOURS).toString());
        body.put("venueOfferId", venue == null ? null : venue.toString());
        body.put("residentsServed", List.of(Map.of("group", "VERY_OLD", "count", 26)));
        body.put("positions", List.of(position));
        return body;
    }

    private JsonNode venueOf(UUID activity) {
        return station().get("/activities/" + activity).json().path("venue");
    }

    private void awaitVenue(UUID activity, String status) {
        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(venueOf(activity).path("status").asText()).isEqualTo(status));
    }

    private static Allocation people(int people, Instant start) {
        return Allocation.newBuilder()
                .setCapacity(people)
                .setWindow(TimeWindow.newBuilder()
                        .setStart(start)
                        .setEnd(start.plus(3, ChronoUnit.HOURS))
                        .build())
                .build();
    }

    private void reserved(UUID venue, UUID activity, int revision, Allocation what) {
        Upstream.resource(codec)
                .publish(
                        Aggregate.OFFER,
                        venue,
                        ResourceReserved.newBuilder()
                                .setEventId(UUID.randomUUID())
                                .setOccurredAt(Instant.now())
                                .setReservationId(UUID.randomUUID())
                                .setOfferId(venue)
                                .setMatchId(ActivityVenueContract.key(activity, revision))
                                .setNeedId(activity)
                                .setActivityId(activity)
                                .setReserved(what)
                                .setRemaining(what)
                                .build());
    }

    /** The resource service gave back the 30 places it held for revision {@code revision} from {@code start}. */
    private void released(UUID venue, UUID activity, int revision, ReleaseReason reason, Instant start) {
        Upstream.resource(codec)
                .publish(
                        Aggregate.OFFER,
                        venue,
                        ResourceReleased.newBuilder()
                                .setEventId(UUID.randomUUID())
                                .setOccurredAt(Instant.now())
                                .setReservationId(UUID.randomUUID())
                                .setOfferId(venue)
                                .setMatchId(ActivityVenueContract.key(activity, revision))
                                .setNeedId(activity)
                                .setActivityId(activity)
                                .setReason(reason)
                                .setReleased(people(30, start))
                                .setRemaining(people(40, start))
                                .build());
    }

    @Test
    void theResourceServicesAnswersMakeTheVenueReservedRefusedOrReleased() {
        UUID venue = UUID.randomUUID();
        Instant tuesday = clock.instant().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Http.Response published = station().post("/activities", clinic(venue, tuesday));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        UUID activity = UUID.fromString(published.json().get("id").asText());
        assertThat(venueOf(activity).path("status").asText()).isEqualTo("PENDING");
        assertThat(venueOf(activity).path("offerId").asText()).isEqualTo(venue.toString());
        ActivityPublished event = only(eventsOf(activity, has(ActivityPublished.class, 1)), ActivityPublished.class)
                .get(0);
        assertThat(ActivityVenueContract.people(event.getDetails())).isEqualTo(30);

        // An answer about another window (an earlier request, say) changes nothing; the one about this request does.
        reserved(venue, activity, 1, people(30, tuesday.plus(1, ChronoUnit.DAYS)));
        reserved(venue, activity, 1, people(30, tuesday));
        awaitVenue(activity, "RESERVED");

        // Moved to Thursday: asked again, and refused there (another activity has the slot).
        Instant thursday = tuesday.plus(2, ChronoUnit.DAYS);
        Http.Response moved = station().put("/activities/" + activity, clinic(venue, thursday));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().path("venue").path("status").asText()).isEqualTo("PENDING");
        released(venue, activity, 1, ReleaseReason.ACTIVITY_CHANGED, tuesday);
        Upstream.resource(codec)
                .publish(
                        Aggregate.OFFER,
                        venue,
                        ResourceReservationFailed.newBuilder()
                                .setEventId(UUID.randomUUID())
                                .setOccurredAt(Instant.now())
                                .setOfferId(venue)
                                .setMatchId(ActivityVenueContract.key(activity, 2))
                                .setNeedId(activity)
                                .setActivityId(activity)
                                .setRequested(people(30, thursday))
                                .setReason(ReservationFailure.SLOT_TAKEN)
                                .setAvailable(people(10, thursday))
                                .build());
        awaitVenue(activity, "REFUSED");
        assertThat(venueOf(activity).path("reason").asText()).isEqualTo("SLOT_TAKEN");

        // After a refusal any change asks again (the resource service, holding nothing for it, tries again).
        Map<String, Object> retitled = clinic(venue, thursday);
        retitled.put("title", "义诊（改期） free clinic, moved");
        Http.Response again = station().put("/activities/" + activity, retitled);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("venue").path("status").asText()).isEqualTo("PENDING");
        reserved(venue, activity, 3, people(30, thursday));
        awaitVenue(activity, "RESERVED");

        // Cancelled: the resource service gives the venue back.
        assertThat(station()
                        .post("/activities/" + activity + "/cancel", Map.of("reason", "WEATHER"))
                        .status())
                .isEqualTo(200);
        released(venue, activity, 3, ReleaseReason.ACTIVITY_CANCELLED, thursday);
        awaitVenue(activity, "RELEASED");
        assertThat(venueOf(activity).path("reason").asText()).isEqualTo("ACTIVITY_CANCELLED");
    }

    @Test
    void anActivityWithoutAVenueAsksForNone() {
        Http.Response published =
                station().post("/activities", clinic(null, clock.instant().plus(3, ChronoUnit.DAYS)));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        assertThat(published.json().path("venue").isMissingNode()
                        || published.json().path("venue").isNull())
                .as("no venue: %s", published.json())
                .isTrue();
    }
}
