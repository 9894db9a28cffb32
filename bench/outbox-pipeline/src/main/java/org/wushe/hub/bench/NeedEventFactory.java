package org.wushe.hub.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.NeedDetails;
import org.wushe.hub.events.common.NeedSource;
import org.wushe.hub.events.common.Place;
import org.wushe.hub.events.common.TimeWindow;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.events.community.NeedPublished;

/**
 * Realistic {@code NeedPublished} events as the community service writes them: a pool of needs (the
 * aggregate ids, hence the Kafka keys and partitions), each with its own revision sequence, a W3C
 * traceparent per event, and a bilingual title as staff write it.
 */
final class NeedEventFactory {

    /** One event ready for the outbox or for a raw producer. */
    record BenchEvent(UUID eventId, String needId, NeedPublished payload, String traceparent) {}

    private static final UUID COMMUNITY = UUID.fromString("7d1f0a52-3c3e-4a7e-9a57-1f1d6f0c2a11");
    private static final UUID STATION = UUID.fromString("5b6a9d0e-8f2c-4c1d-b3a4-2e7f9c8d1a22");
    private static final String[] TITLES = {
        "门锁损坏需维修 door lock broken",
        "独居老人代购药品 medicine shopping for an elder living alone",
        "楼道灯不亮 stairwell light out",
        "陪同就医 escort to a hospital appointment",
    };

    private final List<UUID> needs;
    private final int[] revisions;
    private final SplittableRandom random;
    private int next;

    NeedEventFactory(int needCount, long seed) {
        this.random = new SplittableRandom(seed);
        this.needs = new ArrayList<>(needCount);
        for (int i = 0; i < needCount; i++) {
            needs.add(new UUID(random.nextLong(), random.nextLong()));
        }
        this.revisions = new int[needCount];
    }

    /** The next event, cycling over the needs so every key (and partition) gets its share in order. */
    BenchEvent next() {
        int n = next++ % needs.size();
        UUID need = needs.get(n);
        int revision = ++revisions[n];
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID eventId = UUID.randomUUID();
        NeedPublished event = NeedPublished.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(now)
                .setNeedId(need)
                .setCommunityId(COMMUNITY)
                .setStationId(STATION)
                .setRevision(revision)
                .setDetails(NeedDetails.newBuilder()
                        .setSource(NeedSource.MICRO_WISH)
                        .setCategory(Category.HOME_REPAIR)
                        .setUrgency(Urgency.URGENT)
                        .setBeneficiaryGroup(BeneficiaryGroup.ELDERLY_ALONE)
                        .setResidentRef(new UUID(random.nextLong(), random.nextLong()))
                        .setTitle(TITLES[n % TITLES.length] + " #" + revision)
                        .setPlace(Place.newBuilder()
                                .setDistrictCode("110112")
                                .setStreetCode("110112106")
                                .setCommunityId(COMMUNITY)
                                .setGeohash("wx4g0b")
                                .build())
                        .setTimeWindow(TimeWindow.newBuilder()
                                .setStart(now)
                                .setEnd(now.plus(4, ChronoUnit.HOURS))
                                .build())
                        .setEstimatedMinutes(60)
                        .build())
                .build();
        return new BenchEvent(eventId, need.toString(), event, traceparent());
    }

    List<BenchEvent> next(int count) {
        List<BenchEvent> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(next());
        }
        return list;
    }

    private String traceparent() {
        return String.format("00-%016x%016x-%016x-01", random.nextLong(), random.nextLong(), random.nextLong());
    }
}
