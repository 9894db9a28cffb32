package org.wushe.hub.bench.replay;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.wushe.hub.events.common.Availability;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.Place;
import org.wushe.hub.events.common.Quantity;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.TimeWindow;
import org.wushe.hub.events.common.WeeklySlot;
import org.wushe.hub.events.community.StationLevel;
import org.wushe.hub.events.community.StationRegistered;
import org.wushe.hub.events.resource.GoodsOffer;
import org.wushe.hub.events.resource.OfferKind;
import org.wushe.hub.events.resource.Provider;
import org.wushe.hub.events.resource.ProviderKind;
import org.wushe.hub.events.resource.ResourceOffered;
import org.wushe.hub.events.volunteer.VolunteerAvailabilityDeclared;
import org.wushe.hub.events.volunteer.VolunteerRegistered;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventHeaders;
import org.wushe.hub.platform.place.Geohashes;
import org.wushe.hub.schemas.AvroEventCodec;

/**
 * The history the benchmark replays: {@code total} events on matching's read-model topics, encoded with the hub's
 * Avro codec and carrying the envelope headers an outbox relay gives them ({@code eventId}, {@code eventType},
 * {@code aggregateType}, {@code occurredAt}, {@code actor}), keyed by their aggregate's id as the relay keys them.
 * The mix: 1% stations ({@code wushe.community.station}), 40% volunteers registered and 30% availability declared
 * for them ({@code wushe.volunteer.volunteer}; a volunteer's declaration follows its registration on the same
 * partition), 29% offers ({@code wushe.resource.offer}; one in ten offered again at a later revision). No personal
 * data: volunteer events carry none.
 */
final class ReplayEvents {

    /** What the read model holds once every event is read: the rows to wait for. */
    record Expected(long events, long stations, long volunteers, long offers) {}

    /** Homes and offers spread over a district's cells (about 24 km × 18 km of geohash-6 cells), as in a city. */
    private static final String[] CELLS = cells();

    private ReplayEvents() {}

    static Expected plan(long total) {
        long stations = Math.max(1, total / 100);
        long volunteers = total * 40 / 100;
        long declarations = total * 30 / 100;
        long offerEvents = total - stations - volunteers - declarations;
        long offers = offerEvents - offerEvents / 11; // one in eleven offer events is a second revision
        return new Expected(total, stations, volunteers, offers);
    }

    /** Writes the planned events; returns the nanoseconds until the broker acknowledged the last. */
    static long produce(String bootstrap, AvroEventCodec codec, Expected plan) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-replay-history");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // One request in flight per partition and no idempotence: a retry never reorders a volunteer's events, and a
        // broker that has just created the topics does not answer with out-of-order sequence errors.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        Random random = new Random(20261207L);
        Instant at = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        Availability everyDay = availability(8, 20);
        Availability evenings = availability(18, 21);
        List<Skill> skills = new ArrayList<>(List.of(Skill.values()));
        long began = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            UUID community = UUID.randomUUID();
            UUID parent = null;
            for (long i = 0; i < plan.stations(); i++) {
                UUID station = UUID.randomUUID();
                StationRegistered s = StationRegistered.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(at)
                        .setStationId(station)
                        .setName("社工站 station " + i)
                        .setLevel(parent == null ? StationLevel.DISTRICT_CENTRE : StationLevel.COMMUNITY_STATION)
                        .setParentStationId(parent)
                        .setCommunityId(community)
                        .setServedCommunityIds(List.of(community))
                        .setPlace(place(community, (int) i))
                        .build();
                send(producer, codec, Aggregate.STATION, station, s);
                if (parent == null) {
                    parent = station;
                }
            }
            List<UUID> volunteers = new ArrayList<>((int) plan.volunteers());
            for (long i = 0; i < plan.volunteers(); i++) {
                UUID id = UUID.randomUUID();
                volunteers.add(id);
                Collections.shuffle(skills, random);
                VolunteerRegistered v = VolunteerRegistered.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(at.plusMillis(i))
                        .setVolunteerId(id)
                        .setCommunityId(community)
                        .setHomeArea(place(community, (int) i))
                        .setSkills(List.copyOf(skills.subList(0, 3)))
                        .setLanguages(List.of("zh"))
                        .setYoungOld(i % 4 == 0)
                        .setInHardship(false)
                        .setAvailability(everyDay)
                        .build();
                send(producer, codec, Aggregate.VOLUNTEER, id, v);
            }
            long declarations = plan.events() - plan.stations() - plan.volunteers() - offerEvents(plan);
            for (long i = 0; i < declarations; i++) {
                UUID id = volunteers.get((int) (i % volunteers.size()));
                VolunteerAvailabilityDeclared d = VolunteerAvailabilityDeclared.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(at.plus(1, ChronoUnit.DAYS).plusMillis(i))
                        .setVolunteerId(id)
                        .setAvailability(i % 2 == 0 ? evenings : everyDay)
                        .build();
                send(producer, codec, Aggregate.VOLUNTEER, id, d);
            }
            UUID lastOffer = null;
            for (long i = 0; i < offerEvents(plan); i++) {
                boolean again = i % 11 == 10 && lastOffer != null;
                UUID id = again ? lastOffer : UUID.randomUUID();
                ResourceOffered o = offer(id, community, again ? 1 : 0, (int) i, at.plusMillis(i));
                send(producer, codec, Aggregate.OFFER, id, o);
                lastOffer = id;
            }
            producer.flush();
        }
        return System.nanoTime() - began;
    }

    private static long offerEvents(Expected plan) {
        return plan.events() - plan.stations() - plan.volunteers() - plan.events() * 30 / 100;
    }

    private static void send(
            KafkaProducer<byte[], byte[]> producer,
            AvroEventCodec codec,
            Aggregate aggregate,
            UUID key,
            SpecificRecord event) {
        RecordHeaders headers = new RecordHeaders();
        Object eventId = event.get(event.getSchema().getField("eventId").pos());
        Object occurredAt = event.get(event.getSchema().getField("occurredAt").pos());
        headers.add(EventHeaders.EVENT_ID, bytes(eventId.toString()));
        headers.add(EventHeaders.EVENT_TYPE, bytes(event.getSchema().getName()));
        headers.add(EventHeaders.AGGREGATE_TYPE, bytes(aggregate.type()));
        headers.add(EventHeaders.OCCURRED_AT, bytes(occurredAt.toString()));
        headers.add(EventHeaders.ACTOR, bytes("system:bench-replay"));
        producer.send(
                new ProducerRecord<>(aggregate.topic(), null, bytes(key.toString()), codec.encode(event), headers));
    }

    private static ResourceOffered offer(UUID id, UUID community, int revision, int i, Instant at) {
        return ResourceOffered.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at)
                .setOfferId(id)
                .setRevision(revision)
                .setProvider(Provider.newBuilder()
                        .setKind(ProviderKind.DONOR)
                        .setId(UUID.randomUUID())
                        .build())
                .setKind(OfferKind.GOODS)
                .setCategory(Category.DAILY_GOODS)
                .setTitle("米面油 rice, flour and oil #" + i + " r" + revision)
                .setBeneficiaryGroups(List.of(BeneficiaryGroup.ELDERLY_ALONE))
                .setCommunityIds(List.of(community))
                .setPlace(place(community, i))
                .setAvailableWindow(TimeWindow.newBuilder()
                        .setStart(at.minus(1, ChronoUnit.DAYS))
                        .setEnd(at.plus(400, ChronoUnit.DAYS))
                        .build())
                .setGoods(GoodsOffer.newBuilder()
                        .setQuantity(Quantity.newBuilder()
                                .setAmount(20 + revision)
                                .setUnit(QuantityUnit.BOX)
                                .build())
                        .setExpiryDate(LocalDate.now().plusYears(1))
                        .build())
                .build();
    }

    private static Availability availability(int from, int to) {
        List<WeeklySlot> slots = Arrays.stream(DayOfWeek.values())
                .map(d -> WeeklySlot.newBuilder()
                        .setDay(org.wushe.hub.events.common.DayOfWeek.valueOf(d.name()))
                        .setStart(LocalTime.of(from, 0))
                        .setEnd(LocalTime.of(to, 0))
                        .build())
                .toList();
        return Availability.newBuilder()
                .setWeeklySlots(slots)
                .setOneOffWindows(List.of())
                .setMaxHoursPerWeek(10)
                .build();
    }

    private static Place place(UUID community, int i) {
        return Place.newBuilder()
                .setDistrictCode("110112")
                .setStreetCode("110112104")
                .setCommunityId(community)
                .setGeohash(CELLS[Math.floorMod(i, CELLS.length)])
                .build();
    }

    private static String[] cells() {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 20; j++) {
                cells.add(Geohashes.encode(39.80 + i * 0.0055, 116.40 + j * 0.011, Geohashes.MAX_LENGTH));
            }
        }
        return cells.stream().distinct().toArray(String[]::new);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
