package org.wushe.hub.matching.replay;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.hub.matching.engine.MatchEngine;
import org.wushe.hub.matching.inbound.ReadModelInbound;
import org.wushe.hub.matching.proposal.EngineConfiguration;
import org.wushe.hub.matching.proposal.Matchmaker;
import org.wushe.hub.matching.readmodel.ReadModel;
import org.wushe.hub.matching.readmodel.Replaying;
import org.wushe.hub.platform.actor.Actor;
import org.wushe.hub.platform.replay.ReadModelReplay;

/**
 * What {@code POST /admin/replay} rebuilds here: the read model of the other parties' events
 * ({@code need_view}, {@code volunteer_view}, {@code offer_view}, {@code station_view}) from the five
 * read-model bindings of group {@code matching-service}. Kept: {@code match}, {@code match_exclusion},
 * {@code need_state} (what matching decided about each need) and {@code audit_event}; the match
 * table references {@code need_state}, not the rebuilt {@code need_view}.
 *
 * <p>While it runs, {@link Replaying} is on: nothing is proposed, escalated or batched, and the consumers
 * leave the engine's memory alone (a replay writes every row again; telling the engine each one cost more than
 * writing it). When it is done, the engine is loaded again from the rebuilt tables with the live matches' holds
 * (as at start, {@link EngineConfiguration#reload}) under {@link Replaying#end}, so no change committed
 * meanwhile is missed, and the needs left OPEN (published or declined meanwhile) are matched.
 */
@Configuration(proxyBeanMethods = false)
public class MatchingReplay {

    private static final Logger log = LoggerFactory.getLogger(MatchingReplay.class);

    @Bean
    ReadModelReplay readModelReplay(
            Replaying replaying, MatchEngine engine, ReadModel readModel, Matchmaker matchmaker) {
        return ReadModelReplay.of(ReadModelInbound.CONSUMER)
                .bindings("needs-in-0", "offers-in-0", "volunteers-in-0", "capacities-in-0", "stations-in-0")
                .tables("need_view", "volunteer_view", "offer_view", "station_view")
                .beforeReplay(replaying::start)
                .afterReplay(() -> {
                    // The consumers' engine changes were skipped while the replay ran: the reload reads them all.
                    int held = replaying.end(() -> EngineConfiguration.reload(engine, readModel, matchmaker));
                    log.info("Engine reloaded after the replay: {}, {} live matches held", engine.stats(), held);
                    Actor.run(Actor.system(ReadModelInbound.CONSUMER), () -> proposeOpen(readModel, matchmaker));
                });
    }

    private static void proposeOpen(ReadModel readModel, Matchmaker matchmaker) {
        List<UUID> open = readModel.openNeeds();
        int proposed = 0;
        for (UUID needId : open) {
            try {
                if (matchmaker.proposeFor(needId).isPresent()) {
                    proposed++;
                }
            } catch (RuntimeException e) {
                log.warn("Need {} not matched after the replay: {}", needId, e.toString());
            }
        }
        log.info("After the replay: {} open needs, {} proposed", open.size(), proposed);
    }
}
