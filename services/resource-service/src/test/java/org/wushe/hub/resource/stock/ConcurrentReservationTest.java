package org.wushe.hub.resource.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.wushe.hub.events.common.Allocation;
import org.wushe.hub.events.common.TimeWindow;
import org.wushe.hub.events.resource.ReservationFailure;
import org.wushe.hub.events.resource.ResourceReservationFailed;
import org.wushe.hub.events.resource.ResourceReserved;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.resource.support.Http;
import org.wushe.hub.resource.support.ResourceServiceTest;
import org.wushe.hub.resource.support.Samples;

/**
 * Stock never goes negative and the last units are never sold twice, however many reservations race
 * for them: proven with 40 threads against the real database, over HTTP and through the saga's entry.
 */
class ConcurrentReservationTest extends ResourceServiceTest {

    private static final int RACERS = 40;

    @Autowired
    ReservationService reservations;

    @Test
    void fortyStaffRacingForTheLastTenUnitsGetExactlyTenAndStockEndsAtZero() throws Exception {
        UUID offer = createOffer(Samples.goods(registerDonor("通州某食品厂 a food factory"), 25, "PIECE", null));
        assertThat(reserve(offer, UUID.randomUUID().toString(), pieces(15)).status())
                .isEqualTo(201);

        List<Http.Response> responses =
                race(i -> () -> reserve(offer, UUID.randomUUID().toString(), pieces(1)));

        Map<Integer, Long> byStatus =
                responses.stream().collect(Collectors.groupingBy(Http.Response::status, Collectors.counting()));
        assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of(201, 10L, 409, 30L));
        assertThat(responses)
                .filteredOn(r -> r.status() == 409)
                .allSatisfy(r -> assertThat(r.problemField()).isEqualTo("quantity"));
        assertThat(jdbc.queryForObject("SELECT available FROM stock WHERE offer_id = ?", Long.class, offer))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM reservation WHERE offer_id = ? AND status = 'RESERVED'",
                        Long.class,
                        offer))
                .isEqualTo(11);
        assertThat(jdbc.queryForObject("SELECT sum(amount) FROM reservation WHERE offer_id = ?", Long.class, offer))
                .isEqualTo(25);
        var stock = http().get("/offers/" + offer + "/stock").body();
        assertThat(stock.get("available").asLong()).isZero();
        assertThat(stock.get("reserved").asLong())
                .isEqualTo(stock.get("total").asLong())
                .isEqualTo(25);
    }

    @Test
    void fortyMatchesRacingForTheLastTenPlacesOfASessionBookExactlyTen() throws Exception {
        UUID offer = createOffer(Samples.service(registerDonor("通州某社区卫生服务中心 a health centre"), 10));
        Instant[] saturday = Samples.nextSaturdayMorning();
        TimeWindow session = TimeWindow.newBuilder()
                .setStart(saturday[0])
                .setEnd(saturday[1])
                .build();
        Allocation onePerson = Allocation.newBuilder().setCapacity(1).build();

        List<ReservationService.Outcome> outcomes = race(i -> () -> reservations.reserveForMatch(
                offer, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), onePerson, session));

        assertThat(outcomes)
                .filteredOn(ReservationService.Held.class::isInstance)
                .hasSize(10);
        assertThat(outcomes)
                .filteredOn(ReservationService.Refused.class::isInstance)
                .hasSize(30)
                .allSatisfy(o ->
                        assertThat(((ReservationService.Refused) o).reason()).isEqualTo(ReservationFailure.SLOT_TAKEN));
        assertThat(jdbc.queryForObject("SELECT available FROM stock WHERE offer_id = ?", Long.class, offer))
                .isZero();

        List<Received> events = events(
                Aggregate.OFFER,
                offer.toString(),
                got -> got.stream()
                                .filter(r -> r.event() instanceof ResourceReserved
                                        || r.event() instanceof ResourceReservationFailed)
                                .count()
                        >= RACERS);
        assertThat(events)
                .filteredOn(r -> r.event() instanceof ResourceReserved)
                .hasSize(10);
        assertThat(events)
                .filteredOn(r -> r.event() instanceof ResourceReservationFailed)
                .hasSize(30)
                .allSatisfy(r -> assertThat(((ResourceReservationFailed) r.event())
                                .getAvailable()
                                .getCapacity())
                        .isZero());
    }

    @Test
    void theDatabaseItselfRefusesNegativeStock() {
        UUID offer = createOffer(Samples.goods(registerDonor("通州某饮品店 a drinks shop"), 5, "BOTTLE", null));
        assertThat(reserve(
                                offer,
                                UUID.randomUUID().toString(),
                                Map.of("needId", UUID.randomUUID().toString(), "quantity", 1))
                        .status())
                .isEqualTo(201);

        assertThatThrownBy(() -> jdbc.update("UPDATE stock SET available = available - 5 WHERE offer_id = ?", offer))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("stock_never_negative");
        assertThat(available(offer)).isEqualTo(4);
    }

    private static Map<String, Object> pieces(int quantity) {
        return Map.of("needId", UUID.randomUUID().toString(), "quantity", quantity, "unit", "PIECE");
    }

    /** Starts {@value #RACERS} tasks at the same instant and collects their results. */
    private static <T> List<T> race(Function<Integer, Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CountDownLatch ready = new CountDownLatch(RACERS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                Callable<T> c = task.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return c.call();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
