package org.wushe.hub.matching.proposal;

import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.hub.matching.MatchingProperties;
import org.wushe.hub.matching.engine.MatchEngine;
import org.wushe.hub.matching.engine.MatchSettings;
import org.wushe.hub.matching.engine.MatchWeights;
import org.wushe.hub.matching.engine.OfferKind;
import org.wushe.hub.matching.readmodel.ReadModel;

/**
 * The match engine of this instance, rebuilt at start from the service's own database: the read
 * model (written in the same transactions that record each event as processed, so nothing is lost
 * or doubled) and the holds of the live matches. The consumers that keep it current depend on this
 * bean, so they start only once it is loaded.
 */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EngineConfiguration.class);

    @Bean
    MatchEngine matchEngine(MatchingProperties props, Clock clock, ReadModel readModel) {
        MatchEngine engine = new MatchEngine(settings(props), clock);
        readModel.loadInto(engine);
        return engine;
    }

    /** Puts the live matches' holds back once the matchmaker exists (it needs the engine). */
    @Bean
    Object matchEngineHolds(MatchEngine engine, Matchmaker matchmaker, ReadModel readModel, CandidateHolds holds) {
        int held = hold(engine, matchmaker, readModel);
        int stored = holds.learnAll();
        log.info("Engine holds {} live matches ({} holds stored, of every instance)", held, stored);
        return new Object();
    }

    /** A new engine from the database, as a restart builds it. */
    public static MatchEngine rebuild(
            MatchingProperties props, Clock clock, ReadModel readModel, Matchmaker matchmaker) {
        MatchEngine engine = new MatchEngine(settings(props), clock);
        readModel.loadInto(engine);
        hold(engine, matchmaker, readModel);
        return engine;
    }

    /**
     * Loads the running engine again from the database, in place (after a read-model replay): volunteers,
     * offers and the live matches' holds, all under the engine's write lock, so no search sees it half
     * loaded and a change made meanwhile by a consumer lands after it. Returns the holds put back.
     */
    public static int reload(MatchEngine engine, ReadModel readModel, Matchmaker matchmaker) {
        int[] held = {0};
        engine.reload(e -> {
            readModel.loadInto(e);
            held[0] = hold(e, matchmaker, readModel);
        });
        return held[0];
    }

    /**
     * Holds what each live match takes, except a RESERVED match of goods or funds: the stock the resource
     * service reported after reserving already excludes it (see {@code Matchmaker.reserved}).
     */
    private static int hold(MatchEngine engine, Matchmaker matchmaker, ReadModel readModel) {
        int n = 0;
        for (MatchRecord m : matchmaker.liveMatches()) {
            if (m.status() == MatchStatus.RESERVED
                    && readModel
                            .offer(m.candidate().id())
                            .map(o -> o.spec().kind() == OfferKind.GOODS
                                    || o.spec().kind() == OfferKind.FUND)
                            .orElse(false)) {
                continue;
            }
            engine.hold(m.matchId(), m.candidate(), m.held());
            n++;
        }
        return n;
    }

    /** The engine's defaults with what {@code wushe.matching.*} sets; unknown weight names are refused at start. */
    static MatchSettings settings(MatchingProperties p) {
        MatchWeights w = MatchWeights.defaults();
        for (Map.Entry<String, Double> e : p.weights().entrySet()) {
            double v = e.getValue();
            w = switch (e.getKey()) {
                case "skill" -> w.withSkill(v);
                case "distance" -> w.withDistance(v);
                case "time" -> w.withTime(v);
                case "urgency" -> w.withUrgency(v);
                case "priority" -> w.withPriority(v);
                case "expiry" -> w.withExpiry(v);
                case "fairness" -> w.withFairness(v);
                default ->
                    throw new IllegalArgumentException("wushe.matching.weights." + e.getKey()
                            + " is not a score component (skill, distance, time, urgency, priority, expiry, fairness)");
            };
        }
        return MatchSettings.defaults()
                .withWeights(w)
                .withMaxDistanceKm(p.maxDistanceKm())
                .withMaxActiveMatchesPerVolunteer(p.maxActiveMatchesPerVolunteer())
                .withZone(p.zone());
    }
}
