package org.wushe.hub.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.QuantityUnit;

/**
 * Threads search and claim while others replace volunteers and offers, record service and release holds. Claims go
 * through tryHold, so however the threads interleave, no offer is ever held beyond its stock and no volunteer beyond
 * their limit, and a search never proposes more than what is left.
 */
class ConcurrencyTest {

    private static final int ROUNDS = 1_500;

    @Test
    void searchesAndChangesInterleaveWithoutBreakingTheInvariants() throws Exception {
        SmallCity city = new SmallCity(3, 10);
        List<VolunteerSpec> volunteers = city.volunteers(4_000);
        List<OfferSpec> offers = city.offers(600);
        List<NeedSpec> needs = city.needs(400);
        MatchEngine engine = Fixtures.engine();
        volunteers.forEach(engine::putVolunteer);
        offers.forEach(engine::putOffer);
        Map<UUID, Long> stock = new HashMap<>();
        offers.forEach(o -> stock.put(o.offerId(), o.remaining()));
        int maxActive = engine.settings().maxActiveMatchesPerVolunteer();

        Map<UUID, Proposal> held = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> work = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Random random = new Random(t);
            work.add(pool.submit(() -> {
                int proposals = 0;
                for (int i = 0; i < ROUNDS; i++) {
                    NeedSpec need = needs.get(random.nextInt(needs.size()));
                    MatchResult r = engine.match(need, 3, Set.of());
                    for (Proposal p : r.proposals()) {
                        proposals++;
                        assertThat(p.window()).matches(w -> need.window().contains(w));
                        if (p.allocation() != null && p.allocation().quantity() != null) {
                            assertThat(p.allocation().quantity())
                                    .isBetween(1, stock.get(p.candidate().id()).intValue());
                        }
                    }
                    if (!r.proposals().isEmpty()) {
                        Proposal best = r.proposals().get(0);
                        UUID matchId = UUID.randomUUID();
                        Allocation claim =
                                best.allocation() != null ? best.allocation() : Allocation.time(best.window());
                        if (engine.tryHold(matchId, best.candidate(), claim)) {
                            held.put(matchId, best);
                        }
                    }
                    if (random.nextInt(3) == 0 && !held.isEmpty()) {
                        UUID any = held.keySet().iterator().next();
                        if (held.remove(any) != null) {
                            engine.release(any);
                        }
                    }
                }
                return proposals;
            }));
        }
        for (int t = 0; t < 2; t++) {
            Random random = new Random(100 + t);
            work.add(pool.submit(() -> {
                for (int i = 0; i < ROUNDS; i++) {
                    engine.putVolunteer(volunteers.get(random.nextInt(volunteers.size())));
                    engine.putOffer(offers.get(random.nextInt(offers.size())));
                    VolunteerSpec v = volunteers.get(random.nextInt(volunteers.size()));
                    engine.recordCompleted(v.volunteerId(), 30, Fixtures.now() - 60_000);
                }
                return 0;
            }));
        }
        int proposals = 0;
        for (Future<Integer> f : work) {
            proposals += f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(proposals).isGreaterThan(ROUNDS);

        Map<UUID, Long> usedStock = new HashMap<>();
        Map<UUID, Integer> volunteerHolds = new HashMap<>();
        for (Proposal p : held.values()) {
            if (p.candidate().kind() == CandidateKind.VOLUNTEER) {
                volunteerHolds.merge(p.candidate().id(), 1, Integer::sum);
            } else if (p.allocation().quantity() != null) {
                usedStock.merge(p.candidate().id(), (long) p.allocation().quantity(), Long::sum);
            }
        }
        assertThat(engine.stats().holds()).isEqualTo(held.size());
        usedStock.forEach((offer, used) -> assertThat(used).isLessThanOrEqualTo(stock.get(offer)));
        volunteerHolds.values().forEach(n -> assertThat(n).isLessThanOrEqualTo(maxActive));
        for (NeedSpec need : needs) {
            for (Proposal p : engine.match(need, 10, Set.of()).proposals()) {
                if (p.allocation() != null && p.allocation().quantity() != null) {
                    long left = stock.get(p.candidate().id())
                            - usedStock.getOrDefault(p.candidate().id(), 0L);
                    assertThat((long) p.allocation().quantity()).isBetween(1L, left);
                    assertThat(p.allocation().unit()).isEqualTo(QuantityUnit.BOX);
                }
                if (p.candidate().kind() == CandidateKind.VOLUNTEER) {
                    assertThat(volunteerHolds.getOrDefault(p.candidate().id(), 0))
                            .isLessThan(maxActive);
                }
            }
        }
    }
}
