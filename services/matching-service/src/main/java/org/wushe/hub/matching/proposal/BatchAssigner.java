package org.wushe.hub.matching.proposal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.wushe.hub.matching.MatchingProperties;
import org.wushe.hub.matching.engine.BatchOptions;
import org.wushe.hub.matching.engine.BatchPlan;
import org.wushe.hub.matching.engine.CandidateRef;
import org.wushe.hub.matching.engine.MatchEngine;
import org.wushe.hub.matching.engine.NeedSpec;
import org.wushe.hub.matching.engine.Proposal;
import org.wushe.hub.matching.readmodel.ReadModel;
import org.wushe.hub.matching.readmodel.Replaying;

/**
 * Batch mode: when candidates are scarce, needs wait and are assigned together, maximising the total
 * score with the engine's CP-SAT plan, instead of first come first served. Runs every
 * {@code wushe.matching.batch-interval} and on demand ({@code POST /batch/runs}).
 */
@Component
public class BatchAssigner {

    public record Run(
            int waiting, int proposed, int unassigned, double totalScore, String solverStatus, long solveMillis) {}

    private static final Logger log = LoggerFactory.getLogger(BatchAssigner.class);

    private final ReadModel readModel;
    private final Matches matches;
    private final Matchmaker matchmaker;
    private final MatchEngine engine;
    private final MatchingProperties props;
    private final Timer timer;
    private final Replaying replaying;

    public BatchAssigner(
            ReadModel readModel,
            Matches matches,
            Matchmaker matchmaker,
            MatchEngine engine,
            MatchingProperties props,
            MeterRegistry meters,
            Replaying replaying) {
        this.replaying = replaying;
        this.readModel = readModel;
        this.matches = matches;
        this.matchmaker = matchmaker;
        this.engine = engine;
        this.props = props;
        this.timer = Timer.builder("wushe.matching.batch")
                .description("Batch assignment runs")
                .register(meters);
    }

    @Scheduled(
            fixedDelayString = "${wushe.matching.batch-interval}",
            initialDelayString = "${wushe.matching.batch-interval}")
    void scheduled() {
        runOnce();
    }

    /** One batch over the waiting needs, oldest first; one run at a time. */
    public synchronized Run runOnce() {
        if (replaying.isOn()) {
            return new Run(0, 0, 0, 0, "REPLAYING", 0);
        }
        List<NeedSpec> waiting = readModel.waitingNeeds(props.batchSize());
        if (waiting.isEmpty()) {
            return new Run(0, 0, 0, 0, "NOTHING_WAITING", 0);
        }
        return timer.record(() -> {
            Map<UUID, Set<CandidateRef>> exclude = new LinkedHashMap<>();
            waiting.forEach(n -> exclude.put(n.needId(), matches.exclusions(n.needId())));
            BatchPlan plan = engine.plan(
                    waiting, exclude, new BatchOptions(props.batchCandidatesPerNeed(), props.batchTimeLimit(), false));
            int proposed = 0;
            for (Proposal p : plan.assignments()) {
                if (matchmaker.proposeAssigned(p).isPresent()) {
                    proposed++;
                }
            }
            plan.unassignedReasons()
                    .forEach((needId, reason) -> matchmaker.stillWaiting(
                            needId, "本轮统一分配未能安排：" + reason, "Not assigned in the last batch: " + reason));
            log.info(
                    "Batch: {} needs waiting, {} proposed, {} still waiting (solver {}, {} ms, total score {})",
                    waiting.size(),
                    proposed,
                    plan.unassignedReasons().size(),
                    plan.solverStatus(),
                    plan.solveMillis(),
                    String.format("%.3f", plan.totalScore()));
            return new Run(
                    waiting.size(),
                    proposed,
                    plan.unassignedReasons().size(),
                    plan.totalScore(),
                    plan.solverStatus(),
                    plan.solveMillis());
        });
    }
}
